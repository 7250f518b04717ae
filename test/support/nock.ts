/**
 * Shared nock setup for module tests: no real network (loopback stays open for the emulator), every interceptor
 * must be used, and helpers to capture exactly what was sent.
 */
import nock from 'nock';
import assert from 'node:assert/strict';

export const VERIFY = 'https://verify.twilio.com';
export const API = 'https://api.twilio.com';

/** Distinctive credentials: tests assert they never appear in any output. */
export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH_TOKEN = 'tok_SECRET_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
export const API_KEY_SID = 'SK0123456789abcdef0123456789abcdef';
export const API_KEY_SECRET = 'key_SECRET_0a1b2c3d4e5f60718293a4b5c6d7e8f9';
export const connection = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN };
export const apiKeyConnection = { accountSid: ACCOUNT_SID, apiKeySid: API_KEY_SID, apiKeySecret: API_KEY_SECRET };

export const SERVICE_SID = 'VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const VERIFICATION_SID = 'VEbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

/** Fast, bounded retries so failure-path tests do not wait. */
export const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2_000 };

export interface Captured {
  method?: string;
  path?: string;
  /** The form body as ordered [name, value] pairs. */
  form?: Array<[string, string]>;
  headers?: Record<string, string | string[] | undefined>;
  count: number;
}

/** A body matcher for nock that records the raw form body (as pairs) and accepts it. */
export function capture(into: Captured): (body: unknown) => boolean {
  return (body: unknown) => {
    into.count++;
    // nock hands a form body over parsed: a repeated name (EventTypes) becomes an array, sent as consecutive pairs.
    into.form = typeof body === 'string' ? [...new URLSearchParams(body)] : Object.entries(body as Record<string, string | string[]>).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v): [string, string] => [name, v]) : [[name, value] as [string, string]]));
    return true;
  };
}

/** Installs a reply and records method, path, headers and form body of the request it answers. */
export function expectRequest(
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH',
  path: string | RegExp,
  reply: { status: number; body?: unknown; headers?: Record<string, string> },
  host = VERIFY,
): Captured {
  const seen: Captured = { count: 0 };
  const scope = nock(host);
  const interceptor = scope.intercept(path, method, method === 'GET' || method === 'DELETE' ? undefined : capture(seen)).query(true);
  interceptor.reply(function (uri) {
    if (method === 'GET' || method === 'DELETE') seen.count++;
    seen.method = this.req.method;
    seen.path = uri;
    seen.headers = this.req.headers as Record<string, string>;
    return [reply.status, reply.body === undefined ? '' : (reply.body as nock.Body), reply.headers ?? { 'content-type': 'application/json' }];
  });
  return seen;
}

/** Counts every request to any host and method; optional, so an unused trap fails nothing. For "sends nothing" tests. */
export function trapRequests(): { count: number } {
  const trap = { count: 0 };
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(/.*/).persist().intercept(/.*/, method).query(true).optionally().reply(() => {
      trap.count++;
      return [599, ''];
    });
  }
  return trap;
}

/** A Twilio error body as Twilio sends it. */
export function twilioError(code: number, status: number, message: string): { status: number; body: unknown } {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** Mocha hooks for a nock-backed suite: real network off, and every interceptor used by the end of each test. */
export function useNock(): void {
  before(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
  });
  afterEach(function () {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    if (this.currentTest?.state !== 'failed') assert.deepEqual(pending, [], 'every nock interceptor must be used');
  });
  after(() => {
    nock.enableNetConnect();
  });
}

/** Asserts that a serialised value holds none of the test credentials' secrets. */
export function assertNoSecret(value: unknown): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value, Object.getOwnPropertyNames(value ?? {}));
  for (const secret of [AUTH_TOKEN, API_KEY_SECRET, Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')]) {
    assert.ok(!text.includes(secret), 'a secret leaked into an output');
  }
}
