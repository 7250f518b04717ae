import type { Emulator } from '../../emulator/index.js';
import { movedClock, systemClock, type FlowClock } from '../flows/index.js';
import { secretTexts } from '../transport/connection.js';

/** Where the playground's calls go: an emulator started for it, or a real account. Secrets never leave this object. */
export interface Target {
  kind: 'emulator' | 'account';
  connection: Record<string, unknown>;
  /** Texts the page must never receive (tokens, secrets, their Basic-auth forms). */
  secrets: string[];
  /** Where a request's host resolves, for showing it: `https://verify.twilio.com`, or the emulator's URL. */
  baseUrl(host: 'verify' | 'api'): string;
  clock: FlowClock;
  emulator?: Emulator;
  close(): Promise<void>;
}

export async function emulatorTarget(): Promise<Target> {
  const { startEmulator } = await import('../../emulator/index.js');
  const emulator = await startEmulator();
  const connection = { accountSid: emulator.accountSid, authToken: emulator.authToken, baseUrl: emulator.url };
  return {
    kind: 'emulator',
    connection,
    secrets: [...secretTexts(connection), ...secretTexts({ accountSid: emulator.accountSid, apiKeySid: emulator.apiKeySid, apiKeySecret: emulator.apiKeySecret })],
    baseUrl: () => emulator.url,
    // Waits in flows move the emulator's clock: a 125-second wait takes no time, and codes expire as they would.
    clock: movedClock(emulator.clock),
    emulator,
    close: () => emulator.close(),
  };
}

export function accountTarget(connection: Record<string, unknown>): Target {
  const region = typeof connection['region'] === 'string' ? `.${connection['region']}` : '';
  const edge = typeof connection['edge'] === 'string' ? `.${connection['edge']}` : '';
  const base = typeof connection['baseUrl'] === 'string' ? connection['baseUrl'].replace(/\/+$/, '') : undefined;
  return {
    kind: 'account',
    connection,
    secrets: secretTexts(connection),
    baseUrl: (host) => base ?? `https://${host}${edge}${region}.twilio.com`,
    clock: systemClock,
    close: async () => {},
  };
}
