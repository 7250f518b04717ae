/**
 * Failure injection end to end (nock → twilio client → runtime → connector.execute), table-driven over EVERY module
 * that sends a request of its own: timeouts, socket hang-ups, 500/502/503 with and without Retry-After, non-JSON and
 * truncated JSON, a 200 of the wrong shape, 429 with 60203 / 60202 (business limits: never retried) versus 20429 /
 * 60212 (Twilio did not act: retried by every module, Retry-After honoured, bounded).
 * Each case checks the ConnectorError code, the number of requests sent (a start or a check Twilio may have accepted
 * is sent exactly once), and that no text of the error (message, details, stack, inspect, JSON) holds a secret.
 * (The unit-level policy is in test/runtime/call-twilio.test.ts; this is the same policy through every module.)
 */
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import fc from 'fast-check';
import nock from 'nock';
import { loadConnector } from '../../connector/index.js';
import type { Connector } from '../../connector/connector.js';
import { ConnectorError, type ErrorCode } from '../../connector/errors/connector-error.js';
import type { RequestPlan } from '../../connector/runtime/module-plan.js';
import { buildRequest } from '../../connector/runtime/request-builder.js';
import { packageSchemas } from '../../connector/schema/ajv.js';
import { apiKeyConnection, AUTH_TOKEN, API_KEY_SECRET, connection, useNock, VERIFY } from '../support/nock.js';
import { assertNoLeak, captureConsole, errorTexts } from './support/harness.js';
import { validInputs } from './support/schema-arbitrary.js';

const connector: Connector = await loadConnector();
const registry = packageSchemas();
const RETRY = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2_000 };
const TIMEOUT_MS = 150;

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | { error: string } | { delayMs: number; status: number };

interface Scenario {
  name: string;
  /** Replies for attempt 1, 2, …; the last one repeats. */
  replies: Reply[] | ((ok: Reply) => Reply[]);
  /** The expected outcome: 'ok', or an error code (a function of the module when it depends on it). */
  expect: ErrorCode | 'ok' | ((m: ModuleFacts) => ErrorCode | 'ok');
  /** Requests sent: a number, or by idempotency. */
  sends: number | ((m: ModuleFacts) => number);
  /** At least this long between the first and the last request (Retry-After honoured). */
  minElapsedMs?: (m: ModuleFacts) => number;
  retryable?: (m: ModuleFacts) => boolean | undefined;
  /** Error details to check. */
  details?: Record<string, unknown>;
}

interface ModuleFacts {
  id: string;
  idempotent: boolean;
  raw: boolean;
}

const json = { 'content-type': 'application/json' };
const twilioBody = (code: number, status: number, message: string) => ({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
const byIdempotency = (yes: number, no: number) => (m: ModuleFacts) => (m.idempotent ? yes : no);

const SCENARIOS: Scenario[] = [
  { name: 'a timeout (no answer within timeoutMs)', replies: [{ delayMs: TIMEOUT_MS * 3, status: 200 }], expect: 'timeout', sends: byIdempotency(3, 1), retryable: (m) => m.idempotent },
  { name: 'a socket hang-up (ECONNRESET)', replies: [{ error: 'ECONNRESET' }], expect: 'network_error', sends: byIdempotency(3, 1), retryable: (m) => m.idempotent },
  { name: 'a refused connection (ECONNREFUSED)', replies: [{ error: 'ECONNREFUSED' }], expect: 'network_error', sends: byIdempotency(3, 1) },
  { name: 'a hang-up, then success (idempotent modules recover; others report it once)', replies: (ok) => [{ error: 'ECONNRESET' }, ok], expect: (m) => (m.idempotent ? 'ok' : 'network_error'), sends: byIdempotency(2, 1) },
  ...[500, 502, 503].map((status): Scenario => ({
    name: `HTTP ${status} without Retry-After`,
    replies: [{ status, body: twilioBody(20000 + status, status, 'Service unavailable'), headers: json }],
    expect: 'server_error',
    sends: byIdempotency(3, 1),
    retryable: (m) => m.idempotent,
  })),
  {
    name: 'HTTP 503 with Retry-After 0.3, then success: waited, for idempotent modules only',
    replies: (ok) => [{ status: 503, body: twilioBody(20503, 503, 'Service unavailable'), headers: { ...json, 'retry-after': '0.3' } }, ok],
    expect: (m) => (m.idempotent ? 'ok' : 'server_error'),
    sends: byIdempotency(2, 1),
    minElapsedMs: (m) => (m.idempotent ? 290 : 0),
  },
  { name: 'HTTP 502 with an HTML body (a proxy page)', replies: [{ status: 502, body: '<html><body>Bad gateway</body></html>', headers: { 'content-type': 'text/html' } }], expect: 'server_error', sends: byIdempotency(3, 1) },
  { name: 'HTTP 200 with a non-JSON body', replies: [{ status: 200, body: '<html>ok</html>', headers: { 'content-type': 'text/html' } }], expect: (m) => (m.raw ? 'ok' : 'invalid_response'), sends: 1 },
  { name: 'HTTP 200 with truncated JSON', replies: [{ status: 200, body: '{"sid": "VA0123', headers: json }], expect: (m) => (m.raw ? 'ok' : 'invalid_response'), sends: 1 },
  { name: 'HTTP 200 with the wrong shape (a JSON array)', replies: [{ status: 200, body: [1, 2, 3], headers: json }], expect: (m) => (m.raw ? 'ok' : 'invalid_response'), sends: 1 },
  { name: 'HTTP 400 with truncated JSON', replies: [{ status: 400, body: '{"code": 602', headers: json }], expect: 'invalid_parameter', sends: 1 },
  { name: '429 with 60203 (max send attempts): a business limit, never retried', replies: [{ status: 429, body: twilioBody(60203, 429, 'Max send attempts reached'), headers: { ...json, 'retry-after': '1' } }], expect: 'max_send_attempts', sends: 1, retryable: () => false },
  { name: '429 with 60202 (max check attempts): never retried', replies: [{ status: 429, body: twilioBody(60202, 429, 'Max check attempts reached'), headers: json }], expect: 'max_check_attempts', sends: 1, retryable: () => false },
  { name: '429 with 20429 then success: Twilio did not act, every module retries', replies: (ok) => [{ status: 429, body: twilioBody(20429, 429, 'Too Many Requests'), headers: json }, ok], expect: 'ok', sends: 2 },
  {
    name: '429 with 60212 and Retry-After 0.3, then success: retried after the wait',
    replies: (ok) => [{ status: 429, body: twilioBody(60212, 429, 'Too many concurrent requests for phone number'), headers: { ...json, 'retry-after': '0.3' } }, ok],
    expect: 'ok',
    sends: 2,
    minElapsedMs: () => 290,
  },
  { name: '429 with 20429 every time: retried, at most maxAttempts times', replies: [{ status: 429, body: twilioBody(20429, 429, 'Too Many Requests'), headers: json }], expect: 'rate_limited', sends: 3, retryable: () => true },
  {
    name: '429 with 20429 and Retry-After 3600 (beyond the policy): not waited, sent once, the wait in details',
    replies: [{ status: 429, body: twilioBody(20429, 429, 'Too Many Requests'), headers: { ...json, 'retry-after': '3600' } }],
    expect: 'rate_limited',
    sends: 1,
    details: { retryAfterMs: 3_600_000 },
  },
  { name: '401 (20003)', replies: [{ status: 401, body: twilioBody(20003, 401, 'Authenticate'), headers: json }], expect: 'authentication_failed', sends: 1 },
];

/** What Twilio answers when all is well, for this module: generated from its output schema (or an empty page / 204). */
function okReply(id: string): Reply {
  const module = connector.module(id);
  const definition = module.definition as { pagination?: { itemsKey: string }; response?: { empty?: unknown; raw?: boolean } };
  if (definition.pagination) return { status: 200, body: { [definition.pagination.itemsKey]: [], meta: { next_page_url: null, key: definition.pagination.itemsKey } }, headers: json };
  if (definition.response?.empty) return { status: 204 };
  if (definition.response?.raw) return { status: 200, body: { ok: true }, headers: json };
  const [body] = fc.sample(validInputs(registry, module.outputSchemaId), { numRuns: 1, seed: 42 });
  return { status: 200, body, headers: json };
}

function ownRequestModules(): string[] {
  return connector.modules.map((m) => m.id).filter((id) => connector.module(id).kind === 'request');
}

describe('hardening: failure injection through connector.execute, every module', function () {
  this.timeout(60_000);
  useNock();
  let logs: ReturnType<typeof captureConsole>;
  before(() => (logs = captureConsole()));
  after(() => {
    logs.restore();
    for (const line of logs.lines) assertNoLeak('a console line', line);
  });

  const refined: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
    'make-api-call': { '/url': fc.constant('/v2/Services'), '/headers': fc.constant({ 'X-Trace': 'hardening' }) },
  };

  for (const [index, id] of ownRequestModules().entries()) {
    describe(`module ${id}`, () => {
      const module = connector.module(id) as RequestPlan;
      // make-api-call is run twice over: as a GET (idempotent) and as a POST (not).
      const inputs = id === 'make-api-call'
        ? [{ url: '/v2/Services', method: 'GET' }, { url: '/v2/Services/VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Verifications', method: 'POST', body: { To: '+15017122661', Channel: 'sms' } }]
        : fc.sample(validInputs(registry, module.inputSchemaId, refined[id] ?? {}), { numRuns: 1, seed: 11 + index });
      for (const input of inputs as Array<Record<string, unknown>>) {
        const built = buildRequest(module.template, module.fields, input);
        const facts: ModuleFacts = { id, idempotent: module.idempotent(built.method), raw: Boolean((module.definition as { response?: { raw?: boolean } }).response?.raw) };
        const conn = index % 2 === 0 ? connection : apiKeyConnection;
        for (const scenario of SCENARIOS) {
          it(`${built.method}${facts.idempotent ? ' (idempotent)' : ''}: ${scenario.name}`, async () => {
            const replies = typeof scenario.replies === 'function' ? scenario.replies(okReply(id)) : scenario.replies;
            const times: number[] = [];
            const scope = nock(VERIFY).intercept(/.*/, built.method).query(true).times(20);
            const reply = (attempt: number): Reply => replies[Math.min(attempt, replies.length - 1)]!;
            const first = reply(0);
            if ('delayMs' in first) scope.delay(first.delayMs);
            scope.reply(function (_uri, _body, callback) {
              const r = reply(times.length);
              times.push(Date.now());
              if ('error' in r) {
                callback(Object.assign(new Error(r.error === 'ECONNRESET' ? 'socket hang up' : 'connect refused'), { code: r.error }), [0, '']);
                return;
              }
              const body = 'body' in r ? r.body : undefined;
              callback(null, [r.status, r.status === 204 ? '' : typeof body === 'string' ? body : JSON.stringify(body ?? ''), 'headers' in r ? r.headers ?? {} : {}]);
            });
            let thrown: unknown;
            type Result = { ok: true; output: unknown } | { ok: false; error: ReturnType<ConnectorError['toData']> };
            // Only the scenario about timeouts runs close to the timeout: a busy machine must not turn a slow answer into one.
            const timeoutMs = 'delayMs' in first ? TIMEOUT_MS : 40 * TIMEOUT_MS;
            const result: Result = await connector.execute(id, conn, input, { retry: RETRY, timeoutMs }).then(
              (output): Result => ({ ok: true, output }),
              (error: unknown): Result => {
                thrown = error;
                assert.ok(error instanceof ConnectorError, `not a ConnectorError: ${String(error)}`);
                return { ok: false, error: error.toData() };
              },
            );
            nock.cleanAll();

            const expect = typeof scenario.expect === 'function' ? scenario.expect(facts) : scenario.expect;
            const sends = typeof scenario.sends === 'function' ? scenario.sends(facts) : scenario.sends;
            if (expect === 'ok') assert.equal(result.ok, true, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
            else {
              assert.equal(result.ok, false, 'expected an error');
              if (!result.ok) {
                assert.equal(result.error.code, expect, result.error.message);
                const retryable = scenario.retryable?.(facts);
                if (retryable !== undefined) assert.equal(result.error.retryable, retryable, 'retryable');
                if (result.error.details?.['sent'] === false) {
                  assert.match(String(result.error.remedy), /nothing was sent/, 'a failure before any connection says nothing was sent');
                } else if (!facts.idempotent && ['server_error', 'timeout', 'network_error'].includes(result.error.code)) {
                  assert.match(String(result.error.remedy), /may have/, 'a non-idempotent failure says Twilio may have acted');
                }
                for (const [key, value] of Object.entries(scenario.details ?? {})) assert.equal(result.error.details?.[key], value);
                const text = JSON.stringify(result);
                assert.ok(!text.includes(AUTH_TOKEN) && !text.includes(API_KEY_SECRET));
              }
            }
            assert.equal(times.length, sends, `requests sent (${facts.idempotent ? 'idempotent' : 'Twilio may act: at most once'})`);
            const waited = times.length > 1 ? times[times.length - 1]! - times[0]! : 0;
            if (scenario.minElapsedMs) assert.ok(waited >= scenario.minElapsedMs(facts), `waited ${waited} ms`);
            // Every printable form of the errors this produced is free of secrets.
            for (const text of [JSON.stringify(result), ...errorTexts(thrown), inspect(thrown, { depth: 5, showHidden: true })]) assertNoLeak('an error', text);
          });
        }
      }
    });
  }
});
