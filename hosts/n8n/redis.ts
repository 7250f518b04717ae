/**
 * Redis for n8n's queue mode (the demo only, never CI): Debian's `redis-server`, installed with apt-get when it is
 * missing and we are root, started on a loopback port found free, with nothing written to disk.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort, run } from './harness.js';

const REDIS_SERVER = '/usr/bin/redis-server';

export interface Redis {
  port: number;
  stop(): Promise<void>;
}

/** Installs Debian's redis-server when it is absent, saying so; refuses without root, naming the command. */
export async function ensureRedisServer(say: (line: string) => void): Promise<void> {
  if (existsSync(REDIS_SERVER)) return;
  if (process.getuid?.() !== 0) throw new Error(`${REDIS_SERVER} is missing: install it with \`apt-get install -y redis-server\` (as root), then run this again.`);
  say('redis-server is missing: installing Debian\'s package (apt-get install -y redis-server) …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-q'], ['install', '-y', '-q', '--no-install-recommends', 'redis-server']]) {
    const result = await run('apt-get', args, { env, timeoutMs: 600_000 });
    if (result.code !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
  }
  if (!existsSync(REDIS_SERVER)) throw new Error(`apt-get installed redis-server, but ${REDIS_SERVER} is not there.`);
}

/** A fresh redis-server on 127.0.0.1 (no RDB, no AOF), ready when it says it accepts connections. */
export async function startRedis(): Promise<Redis> {
  const port = await freePort();
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', '/tmp'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let onEarlyExit = (_code: number | null): void => undefined;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`redis-server did not start on port ${port}:\n${output}`)), 20_000);
    function fail(error: Error): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    onEarlyExit = (code) => fail(new Error(`redis-server exited (${code}):\n${output}`));
    child.once('exit', onEarlyExit);
  });
  child.off('exit', onEarlyExit);
  return {
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
