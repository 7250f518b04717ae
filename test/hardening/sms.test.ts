/**
 * The Logto SMS connector under hostile input and failures:
 *  - __proto__, constructor and prototype as keys in the config, its templates and the payload (own keys, built with
 *    JSON.parse): refused as invalid_config, or treated as plain text; Object.prototype unchanged;
 *  - template placeholders such as {{__proto__}}, {{constructor.name}}, {{code.constructor}}, {{toString}} stay as
 *    written in the SMS (generated templates and payloads, nock-captured body);
 *  - every failure (bad config, Twilio errors that echo the secret, 5xx, hang-ups, timeouts) is a Logto
 *    ConnectorError whose message, data, stack and inspect hold no secret, and the SMS is sent at most once.
 */
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import fc from 'fast-check';
import nock from 'nock';
import { createSmsConnector } from '../../connector/sms/index.js';
import { API, ACCOUNT_SID, API_KEY_SECRET, API_KEY_SID, AUTH_TOKEN, useNock } from '../support/nock.js';
import { assertNoLeak, captureConsole, fcParams, prototypeSnapshot, RUNS, trapAllRequests } from './support/harness.js';

const MG = 'MG0123456789abcdef0123456789abcdef';
const PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
const config = { accountSID: ACCOUNT_SID, authToken: AUTH_TOKEN, fromMessagingServiceSID: MG, templates: [{ usageType: 'Generic', content: 'Your code is {{code}}.' }] };
const keyConfig = { accountSID: ACCOUNT_SID, apiKeySID: API_KEY_SID, apiKeySecret: API_KEY_SECRET, from: '+15005550006', templates: [{ usageType: 'Generic', content: 'Code {{code}}' }] };
const RETRY = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 50 };

const sms = (cfg: unknown) => createSmsConnector({ getConfig: async () => cfg }, { retry: RETRY, timeoutMs: 200 });

function texts(error: unknown): string[] {
  const e = error as { message?: string; stack?: string; data?: unknown; code?: string };
  return [String(e?.message), String(e?.stack), JSON.stringify(e?.data ?? null), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })];
}

/** A config or payload with `"key": value` spliced in as an own key, through JSON text. */
function withOwnKey(value: unknown, path: Array<string | number>, key: string, valueText: string): any {
  const copy = JSON.parse(JSON.stringify(value));
  let node = copy;
  for (const token of path) node = node[token];
  node['__marker__'] = 0;
  return JSON.parse(JSON.stringify(copy).replace('"__marker__":0', `${JSON.stringify(key)}:${valueText}`));
}

describe('hardening: the SMS connector', function () {
  this.timeout(60_000);
  useNock();
  let logs: ReturnType<typeof captureConsole>;
  let before: string;
  beforeEach(() => {
    before = prototypeSnapshot();
    logs = captureConsole();
  });
  afterEach(() => {
    logs.restore();
    for (const line of logs.lines) assertNoLeak('a console line', line);
    assert.equal(prototypeSnapshot(), before, 'Object.prototype changed');
  });

  it('__proto__, constructor and prototype as keys of the config and of each template: invalid_config, nothing sent, no secret in the error', async () => {
    const trap = trapAllRequests();
    try {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        for (const valueText of ['"x"', '{"polluted":true}', '{"authToken":"x"}', '[]']) {
          for (const path of [[], ['templates', 0]] as Array<Array<string | number>>) {
            const hostile = withOwnKey(config, path, key, valueText);
            const error = await (await sms(hostile)).sendMessage({ to: '+15017122661', type: 'Generic', payload: { code: '123456' } }).catch((e: unknown) => e);
            assert.equal((error as { code?: string }).code, 'invalid_config', `${key} at /${path.join('/')}`);
            for (const text of texts(error)) assertNoLeak('an invalid_config error', text);
          }
        }
      }
      // The config's own secret typed as a field name (top level or in a template) is not echoed by the guard.
      for (const [cfg, secret] of [[config, AUTH_TOKEN], [keyConfig, API_KEY_SECRET]] as const) {
        for (const path of [[], ['templates', 0]] as Array<Array<string | number>>) {
          const hostile = withOwnKey(cfg, path, secret, '"x"');
          const error = await (await sms(hostile)).sendMessage({ to: '+15017122661', type: 'Generic', payload: { code: '123456' } }).catch((e: unknown) => e);
          assert.equal((error as { code?: string }).code, 'invalid_config');
          for (const text of texts(error)) assertNoLeak('an invalid_config error', text);
        }
      }
      assert.equal(trap.count, 0);
    } finally {
      trap.dispose();
    }
  });

  it(`${Math.min(RUNS, 500)} generated templates and payloads with prototype keys and placeholders: placeholders without a text value stay as written, values are inserted literally`, async () => {
    const placeholders = ['{{__proto__}}', '{{constructor.name}}', '{{constructor}}', '{{prototype}}', '{{code.constructor}}', '{{__proto__.polluted}}', '{{toString}}', '{{hasOwnProperty}}', '{{valueOf}}', '{{ constructor . name }}', '{{a.__proto__.b}}', '{{code.length}}'];
    const piece = fc.oneof(fc.constantFrom(...placeholders), fc.stringMatching(/^[A-Za-z ,.!]{0,12}$/));
    const template = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => `${parts.join(' ')} {{code}}`);
    const payloadText = fc.constantFrom(
      '{"code":"123456"}',
      '{"code":"123456","__proto__":{"polluted":"yes"}}',
      '{"code":"123456","constructor":{"name":"EVIL"},"prototype":"EVIL"}',
      '{"code":"123456","a":{"__proto__":{"b":"EVIL"}}}',
      '{"code":"123456","toString":"EVIL","valueOf":"EVIL","hasOwnProperty":"EVIL"}',
    );
    await fc.assert(
      fc.asyncProperty(template, payloadText, async (content, payload) => {
        let body = '';
        nock(API)
          .post(PATH, (b: Record<string, string>) => {
            body = b['Body'] ?? '';
            return true;
          })
          .reply(201, { sid: 'SM0123456789abcdef0123456789abcdef', status: 'accepted' });
        const cfg = { ...config, templates: [{ usageType: 'Generic', content }] };
        const parsed = JSON.parse(payload);
        await (await sms(cfg)).sendMessage({ to: '+15017122661', type: 'Generic', payload: parsed });
        nock.cleanAll();
        assert.ok(body.includes('123456'), 'the code is in the SMS');
        for (const p of placeholders.filter((p) => content.includes(p))) {
          if (p === '{{toString}}' || p === '{{valueOf}}' || p === '{{hasOwnProperty}}') {
            // An own payload key of that name is plain data; otherwise the placeholder stays.
            assert.ok(body.includes(p) || (Object.hasOwn(parsed, p.slice(2, -2)) && body.includes('EVIL')), `${p} in ${JSON.stringify(body)}`);
          } else if (p === '{{code.length}}') {
            assert.ok(body.includes(p), 'a property of a string is not read');
          } else {
            assert.ok(body.includes(p), `${p} was replaced: ${JSON.stringify(body)}`);
          }
        }
        assert.ok(!/\[object Object\]|function |\[native code\]/.test(body), `no object or function leaked into ${JSON.stringify(body)}`);
        assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
      }),
      fcParams(Math.min(RUNS, 500)),
    );
  });

  it('sendMessage with prototype keys in its own argument (to/type/payload as __proto__) is refused or treated as data, never crashes', async () => {
    const trap = trapAllRequests();
    try {
      for (const data of [
        JSON.parse('{"__proto__":{"to":"+15017122661","type":"Generic"},"payload":{"code":"1"}}'),
        JSON.parse('{"to":"+15017122661","type":"__proto__","payload":{"code":"123456"}}'),
        JSON.parse('{"to":"+15017122661","type":"constructor","payload":{"code":"123456"}}'),
        JSON.parse('{"to":{"__proto__":"+15017122661"},"type":"Generic"}'),
        JSON.parse('{"to":"+15017122661","type":"Generic","payload":{"__proto__":{"code":"123456"}}}'),
      ]) {
        const error = await (await sms(config)).sendMessage(data).then(() => undefined, (e: unknown) => e);
        if (error !== undefined) {
          assert.ok(['invalid_request_parameters', 'insufficient_request_parameters', 'template_not_found', 'general', 'invalid_response'].includes((error as { code: string }).code), String((error as { code?: string }).code));
          for (const text of texts(error)) assertNoLeak('an SMS error', text);
        }
      }
    } finally {
      trap.dispose();
    }
  });

  const failures: Array<[string, (secret: string) => (scope: nock.Scope) => void, number]> = [
    ['Twilio 401 echoing the Basic credentials', (s) => (scope) => scope.post(PATH).reply(401, { code: 20003, message: `Authenticate ${Buffer.from(`${ACCOUNT_SID}:${s}`).toString('base64')} ${Buffer.from(`${API_KEY_SID}:${s}`).toString('base64')}`, status: 401 }), 1],
    ['Twilio 400 quoting the secret', (s) => (scope) => scope.post(PATH).reply(400, { code: 21211, message: `Invalid 'To' Phone Number: ${s}`, more_info: `https://www.twilio.com/docs/errors/21211?x=${s}`, status: 400 }), 1],
    ['a proxy 502 page with the secret', (s) => (scope) => scope.post(PATH).reply(502, `<html>${s}</html>`, { 'content-type': 'text/html' }), 1],
    ['a 500 (Twilio may have sent it: once)', () => (scope) => scope.post(PATH).times(3).reply(500, { code: 20500, message: 'Internal Server Error', status: 500 }), 1],
    ['a socket hang-up (once)', () => (scope) => scope.post(PATH).times(3).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' }), 1],
    ['a timeout (once)', () => (scope) => scope.post(PATH).times(3).delay(600).reply(201, {}), 1],
    ['429 20429 then 201: retried (Twilio did not act)', () => (scope) => scope.post(PATH).reply(429, { code: 20429, message: 'Too Many Requests', status: 429 }).post(PATH).reply(201, { sid: 'SM1' }), 2],
    ['a 201 with a non-JSON body', () => (scope) => scope.post(PATH).reply(201, 'not json', { 'content-type': 'text/plain' }), 1],
  ];
  for (const [what, setup, sends] of failures) {
    it(`${what}: a Logto error (or the message) without a secret, sent ${sends === 1 ? 'exactly once' : `${sends} times`}`, async () => {
      for (const [cfg, secret] of [[config, AUTH_TOKEN], [keyConfig, API_KEY_SECRET]] as const) {
        let count = 0;
        const count1 = (): void => {
          count++;
        };
        const scope = nock(API);
        setup(secret)(scope);
        scope.on('request', count1);
        const error = await (await sms(cfg)).sendMessage({ to: '+15017122661', type: 'Generic', payload: { code: '123456' } }).then(() => undefined, (e: unknown) => e);
        await new Promise((r) => setTimeout(r, 20));
        nock.cleanAll();
        assert.equal(count, sends, `requests sent: ${count}`);
        if (error !== undefined) for (const text of texts(error)) assertNoLeak(what, text);
      }
    });
  }
});
