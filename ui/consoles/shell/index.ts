/**
 * # The console shell: one stack for every service's console
 *
 * A console is a simulation the learner runs on a virtual clock and watches through panels. The shell owns
 * everything that is the same for every service; a console brings its engine, its frame type and its panels.
 *
 * | Piece | File | What it does |
 * | --- | --- | --- |
 * | Engine contract | `engine.ts` | `ConsoleEngine<Command, View, Request, Answer>`: clock, commands, reads, frames |
 * | Messages | `protocol.ts` | clock commands, `command`, `request`/`cancel`, `frame`/`frameShown`, `rejected`, `failed` |
 * | Worker side | `worker-host.ts` | `createConsoleWorker(engine)`: paces the clock, throttles frames, drops cancelled answers |
 * | Page side | `worker-port.svelte.ts` | `ConsoleClient`: frames as `$state.raw`, clock controls, cancellable requests |
 * | Without a worker | `in-process.ts` | `inProcessWorker(engine)`: the same host on the page's thread (tests) |
 * | Page frame | `ConsoleShell.svelte` | heading, picker slot, `ClockBar`, failure, panels slot, starting state |
 *
 * ## Plugging in a console (Redshift as the example)
 * 1. **Frame**: `ui/consoles/redshift/redshift-view.ts` declares `RedshiftView extends ConsoleFrame` (it has a
 *    `clock: ClockView`) plus what the panels draw: plain data, bounded, built fresh each frame.
 * 2. **Engine**: `redshift-engine.ts` implements `ConsoleEngine<RedshiftCommand, RedshiftView, RedshiftRequest,
 *    RedshiftAnswer>` over the `sim/redshift` session: `command` starts a scenario or applies an action
 *    (`{ type: 'start' } | { type: 'runQuery' }`…), `stopsClock` says which commands stop the clock first,
 *    `answer` serves reads (a query's rows; return a promise for sql.js work), `view` builds the frame. No
 *    timers, no `postMessage`: it is tested directly or through `inProcessWorker`.
 * 3. **Worker**: `simulation.worker.ts` is one line, `createConsoleWorker(new RedshiftEngine(...))`, and
 *    `start-worker.ts` does `new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' })`
 *    so Vite bundles it as its own chunk.
 * 4. **Client**: `class RedshiftConsoleClient extends ConsoleClient<…>` adds the console's verbs in the
 *    learner's words (`runQuery(sql)` calls `this.request(…, { supersedes: 'query' })`, so an older query's
 *    rows never overwrite a newer one's).
 * 5. **Page**: `RedshiftConsolePage.svelte` renders `<ConsoleShell title="Redshift console" {client}>` with
 *    snippets `lead`, `picker`, `facts(view)` and `panels(view)`; the panels are thin components over slices of
 *    the frame. Register the page's chunk in `ui/shell/route-chunks.ts` so it loads when first opened.
 *
 * Tests: `worker-port.test.ts` drives a counter engine through this very stack, which is the smallest
 * complete example of a console's engine.
 */
export {
  CONSOLE_SPEEDS,
  type ClockView,
  type ConsoleFrame,
  type ConsoleSpeed,
  type MomentView,
} from './clock.ts';
export type { ConsoleEngine } from './engine.ts';
export { inProcessWorker } from './in-process.ts';
export type { AnswerResult, ClockCommand, FromWorker, ToWorker } from './protocol.ts';
export { BROWSER_TIMERS, createConsoleWorker, hostEngine, type HostTimers } from './worker-host.ts';
export {
  ConsoleClient,
  StaleRequestError,
  type ClockControls,
  type RequestOptions,
  type WorkerLike,
} from './worker-port.svelte.ts';
