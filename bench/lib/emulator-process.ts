/** Starts bench/emulator-child.js as a child process and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EmulatorMemory {
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
  stats: { services: number; verifications: number; pendingVerifications: number; outbox: number; requests: number; errors: number };
  gc: boolean;
}

export interface EmulatorProcess {
  url: string;
  accountSid: string;
  authToken: string;
  /** `Basic …` for the account SID and auth token. */
  authorization: string;
  memory(): Promise<EmulatorMemory>;
  advance(ms: number): Promise<number>;
  sweep(): Promise<number>;
  close(): Promise<void>;
}

const childScript = join(dirname(fileURLToPath(import.meta.url)), '..', 'emulator-child.js');

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child: ChildProcess = fork(childScript, [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  const ready = await new Promise<{ url: string; accountSid: string; authToken: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator child exited (${code}) before it was ready`)));
    child.on('message', (raw) => {
      const message = raw as { ready?: boolean; id?: number; value?: unknown } & { url: string; accountSid: string; authToken: string };
      if (message.ready) resolve(message);
      else if (message.id !== undefined) {
        pending.get(message.id)?.(message.value);
        pending.delete(message.id);
      }
    });
  });
  child.removeAllListeners('exit');
  const ask = <T>(command: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (value: unknown) => void);
      child.send({ ...command, id });
    });
  let closed: Promise<void> | undefined;
  return {
    ...ready,
    authorization: 'Basic ' + Buffer.from(`${ready.accountSid}:${ready.authToken}`).toString('base64'),
    memory: () => ask<EmulatorMemory>({ type: 'memory' }),
    advance: (ms) => ask<number>({ type: 'advance', ms }),
    sweep: () => ask<number>({ type: 'sweep' }),
    close() {
      closed ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill(), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        void ask({ type: 'close' });
      });
      return closed;
    },
  };
}

/** Creates a Verify service over HTTP and returns its SID. */
export async function createService(emu: EmulatorProcess, friendlyName: string): Promise<string> {
  const res = await fetch(`${emu.url}/v2/Services`, {
    method: 'POST',
    headers: { authorization: emu.authorization },
    body: new URLSearchParams({ FriendlyName: friendlyName }),
  });
  const body = (await res.json()) as { sid?: string };
  if (res.status !== 201 || !body.sid) throw new Error(`could not create a service (HTTP ${res.status})`);
  return body.sid;
}

/** Distinct E.164 numbers, so every start creates a new verification (no re-send limit is hit). */
export function phoneNumbers(prefix: string): () => string {
  let n = 0;
  return () => `+1${prefix}${String(n++).padStart(7, '0')}`;
}
