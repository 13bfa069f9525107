/**
 * V8 flags for the desktop app's renderer, where the simulation worker runs. A record-level run allocates
 * a short-lived object or two per record (the AWS response shapes); with V8's default young generation
 * (grown only as the heap's survival rate asks) those runs varied between 0.6 and 1.5 million records/s
 * from one process to the next, and with 32 MB semi-spaces they held at about 1.5 million. `npm run bench`
 * runs its suites with the same flags, so its figures are the app's.
 */
export const SIMULATION_JS_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
