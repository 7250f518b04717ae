/**
 * Shared pieces of the hardening suite: run counts (FUZZ_RUNS for long runs by hand), a trap that counts every
 * request that reaches the network layer, console capture, and a snapshot of Object.prototype.
 */
import assert from 'node:assert/strict';
import nock from 'nock';
import { ConnectorError } from '../../../connector/errors/connector-error.js';
import { ACCOUNT_SID, API_KEY_SECRET, AUTH_TOKEN } from '../../support/nock.js';

/** Cases per property: 2,000 by default (the CI budget), FUZZ_RUNS=100000 for a long run by hand. */
export const RUNS = Math.max(1, Number(process.env['FUZZ_RUNS'] ?? 2000) || 2000);
/** Cases that go through the real transport (nock): a sample, since each costs a socket round trip. */
export const WIRE_RUNS = Math.max(5, Math.min(RUNS, Number(process.env['FUZZ_WIRE_RUNS'] ?? 25) || 25));
/** A fixed seed unless FUZZ_SEED is set, so a CI failure can be replayed; fast-check prints the seed and path. */
export const SEED = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : undefined;

export function fcParams(numRuns = RUNS): { numRuns: number; seed?: number } {
  return SEED === undefined ? { numRuns } : { numRuns, seed: SEED };
}

/** Every secret spelling a leak could take: the token, the API secret, and the Basic-auth header built from them. */
export const SECRETS = [
  AUTH_TOKEN,
  API_KEY_SECRET,
  Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'),
  // the distinctive middle of each secret, so a truncated or re-encoded copy is caught too
  AUTH_TOKEN.slice(4, 30),
  API_KEY_SECRET.slice(4, 30),
];

export function leakedSecret(text: string): string | undefined {
  return SECRETS.find((secret) => text.includes(secret));
}

export function assertNoLeak(what: string, text: string): void {
  const found = leakedSecret(text);
  assert.equal(found, undefined, `${what} contains a secret`);
}

/** Counts requests that reach nock, on any host and method, by a persistent interceptor and the "no match" event. */
export interface RequestTrap {
  readonly count: number;
  dispose(): void;
}

export function trapAllRequests(): RequestTrap {
  let count = 0;
  const onNoMatch = (): void => {
    count++;
  };
  nock.emitter.on('no match', onNoMatch);
  const scopes = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) =>
    nock(/.*/).persist().intercept(/.*/, method).query(true).optionally().reply(() => {
      count++;
      return [599, ''];
    }),
  );
  return {
    get count() {
      return count;
    },
    dispose() {
      nock.emitter.removeListener('no match', onNoMatch);
      for (const scope of scopes) scope.persist(false);
      nock.cleanAll();
    },
  };
}

/** The names on Object.prototype (and their property descriptors' values), to compare before and after. */
export function prototypeSnapshot(): string {
  const names = Object.getOwnPropertyNames(Object.prototype).sort();
  const symbols = Object.getOwnPropertySymbols(Object.prototype).map(String).sort();
  return JSON.stringify({ names, symbols, probe: ({} as Record<string, unknown>)['polluted'] ?? null });
}

/** Captures console.* output while a suite runs (and still lets it reach nothing: tests print only on failure). */
export function captureConsole(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const saved = methods.map((m) => console[m]);
  for (const m of methods) {
    console[m] = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : (() => {
        try {
          return JSON.stringify(a, Object.getOwnPropertyNames(a ?? {}));
        } catch {
          return String(a);
        }
      })())).join(' '));
    };
  }
  return {
    lines,
    restore() {
      methods.forEach((m, i) => (console[m] = saved[i]!));
    },
  };
}

/** Every text a ConnectorError can be printed as. */
export function errorTexts(error: unknown): string[] {
  if (!(error instanceof Error)) return [String(error)];
  const texts = [error.message, String(error.stack), JSON.stringify(error), JSON.stringify(error, Object.getOwnPropertyNames(error))];
  if (error instanceof ConnectorError) texts.push(JSON.stringify(error.toData()), JSON.stringify(error.details ?? {}), String(error.remedy));
  return texts;
}

export function problemsOf(error: ConnectorError): Array<{ pointer: string; message: string }> {
  return (error.details?.['problems'] as Array<{ pointer: string; message: string }> | undefined) ?? [];
}
