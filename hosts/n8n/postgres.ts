/**
 * A throwaway Postgres for the queue-mode demo's `--postgres` (never CI): the machine's own initdb and postgres
 * (Debian's postgresql package; not installed by this script), a fresh cluster in a temporary folder, trust
 * authentication on 127.0.0.1 and a port found free, run as the `postgres` user when we are root (Postgres refuses
 * root). Gives the environment n8n needs to use it instead of SQLite.
 */
import { spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, run } from './harness.js';

export interface Postgres {
  /** DB_TYPE=postgresdb and where: for every n8n process and CLI call. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  if (uid.code !== 0) throw new Error('Postgres does not run as root and there is no `postgres` user: install Debian\'s postgresql package, or run without --postgres.');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function startPostgres(): Promise<Postgres> {
  const user = await postgresUser();
  const dir = mkdtempSync(join(tmpdir(), 'n8n-postgres-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  const data = join(dir, 'data');
  const init = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn('initdb', ['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-instructions'], { ...as, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  }).catch((error: Error) => ({ code: -1, output: `${error.message}: is Debian's postgresql package installed (initdb on PATH)?` }));
  if (init.code !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.output.slice(-2000)}`);
  }

  const port = await freePort();
  const child = spawn('postgres', ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'], { ...as, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT'); // fast shutdown
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => resolve(false));
  });
  const created = ready ? await run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres', '-c', 'CREATE DATABASE n8n']) : undefined;
  if (!ready || created?.code !== 0) {
    await stop();
    throw new Error(`Postgres did not start on port ${port}:\n${(output + (created?.stderr ?? '')).slice(-2000)}`);
  }
  return {
    env: { DB_TYPE: 'postgresdb', DB_POSTGRESDB_HOST: '127.0.0.1', DB_POSTGRESDB_PORT: String(port), DB_POSTGRESDB_DATABASE: 'n8n', DB_POSTGRESDB_USER: 'n8n', DB_POSTGRESDB_PASSWORD: '' },
    stop,
  };
}
