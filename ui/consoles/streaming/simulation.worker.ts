/**
 * The streaming console's simulation worker: runs the scenario off the page's thread so charts stay smooth
 * at 100× and "as fast as possible". The shell's host paces the clock and the frames (../shell/worker-host.ts).
 */
import { openStreamingSession, validateScenario } from '../../../sim/run/index.ts';
import { createConsoleWorker } from '../shell/worker-host.ts';
import { ConsoleEngine } from './console-engine.ts';

createConsoleWorker(
  new ConsoleEngine({ validate: (value) => validateScenario(value), open: openStreamingSession }),
);
