/**
 * The Redshift console's worker: sql.js and the whole session (cluster, S3, database) run here, off the
 * page's thread, so a long query never freezes the page, and ending this worker is how a query is
 * cancelled (see redshift-session.svelte.ts). The shell's host paces the clock and the frames.
 */
import { createConsoleWorker } from '../shell/worker-host.ts';
import { engineDatabase } from './engine-database.ts';
import { loadSqlJs } from './load-sql-js.ts';
import { CONSOLE_EPOCH_MS, RedshiftEngine } from './redshift-engine.ts';
import { SessionWarehouse } from './session-warehouse.ts';

const sql = loadSqlJs();

createConsoleWorker(
  new RedshiftEngine({
    epochMs: CONSOLE_EPOCH_MS,
    wallNow: () => performance.now(),
    openWarehouse: (epochMs) => new SessionWarehouse(epochMs, engineDatabase(sql)),
  }),
);
