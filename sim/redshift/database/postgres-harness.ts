/**
 * A private PostgreSQL server for the oracle test: a fresh cluster in a temporary folder, listening only on
 * a Unix socket inside it, started with the installed server's own tools (Debian's postgresql package) and
 * removed afterwards. PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres`
 * user and its commands run through `runuser`. Used only by tests.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running private server. */
export interface PrivateServer {
  /** The socket folder: `host` for the pg client. */
  readonly host: string;
  readonly port: number;
  readonly user: string;
  stop(): void;
}

/** The newest installed server's bin folder (/usr/lib/postgresql/<version>/bin), or null. */
export function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Start a private server; throws with the server's own words when it cannot start. */
export function startPrivateServer(bin: string, port: number): PrivateServer {
  const asRoot = process.getuid?.() === 0;
  const folder = mkdtempSync(join(tmpdir(), 'bdlab-pg-'));
  const data = join(folder, 'data');
  const user = asRoot ? 'postgres' : (process.env.USER ?? 'postgres');
  if (asRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(folder, uid, gid);
  }
  const run = (tool: string, args: string[]): void => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    execFileSync(command, argv, { stdio: 'pipe', timeout: 120_000 });
  };
  run('initdb', ['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(folder, 'server.log'),
    '-o',
    `-p ${port} -k ${folder} -c listen_addresses= -c fsync=off -c TimeZone=UTC`,
    '-w',
    '-t',
    '120',
    'start',
  ]);
  return {
    host: folder,
    port,
    user,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}
