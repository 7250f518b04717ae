/**
 * Secret hygiene across error paths, with the distinctive AUTH_TOKEN and API_KEY_SECRET of test/support/nock.ts:
 * no error message, details, remedy, stack, util.inspect or JSON form, no `onError: 'output'` result, no console
 * line, no CLI output (text or --json) and no emulator response holds them; printing a connection redacts them.
 * Secrets are also planted where a careless path would echo them: in inputs, in wrong connection fields, and in
 * the messages Twilio sends back.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { inspect } from 'node:util';
import fc from 'fast-check';
import nock from 'nock';
import { loadConnector, redactConnection } from '../../connector/index.js';
import type { Connector } from '../../connector/connector.js';
import { ConnectorError } from '../../connector/errors/connector-error.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { runCli } from '../support/cli.js';
import { twilioEnvRestorer } from '../support/env.js';
import { ACCOUNT_SID, API_KEY_SECRET, API_KEY_SID, apiKeyConnection, AUTH_TOKEN, connection, SERVICE_SID, useNock, VERIFY } from '../support/nock.js';
import { assertNoLeak, captureConsole, errorTexts, fcParams, RUNS, SECRETS } from './support/harness.js';

const connector: Connector = await loadConnector();
const ONCE = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 10 };

function allForms(value: unknown): string[] {
  return [...errorTexts(value), inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? ''];
}

async function outcome(moduleId: string, conn: unknown, input: unknown): Promise<string[]> {
  const output = await connector.execute(moduleId, conn, input, { onError: 'output', retry: ONCE, timeoutMs: 2_000 });
  const thrown = await connector.execute(moduleId, conn, input, { retry: ONCE, timeoutMs: 2_000 }).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (thrown !== undefined) assert.ok(thrown instanceof ConnectorError, `not a ConnectorError: ${String(thrown)}`);
  return [JSON.stringify(output), inspect(output, { depth: 10 }), ...allForms(thrown)];
}

/** Connections carrying a secret in the wrong place, each invalid. */
const BROKEN_CONNECTIONS: Array<[string, unknown]> = [
  ['the token as the Account SID', { accountSid: AUTH_TOKEN, authToken: AUTH_TOKEN }],
  ['the token as the region', { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, region: AUTH_TOKEN }],
  ['the token as the edge', { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, edge: AUTH_TOKEN }],
  ['the token in a base URL to a stranger', { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: `https://user:${AUTH_TOKEN}@evil.example/` }],
  ['the token in a base URL query', { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: `https://verify.twilio.com/?t=${AUTH_TOKEN}` }],
  ['the API secret as the API key SID', { accountSid: ACCOUNT_SID, apiKeySid: API_KEY_SECRET, apiKeySecret: API_KEY_SECRET }],
  ['both a token and an API key', { ...apiKeyConnection, authToken: AUTH_TOKEN }],
  ['an API key without its secret', { accountSid: ACCOUNT_SID, apiKeySid: API_KEY_SID }],
  ['a token 20 times too long', { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN.repeat(20) }],
  ['an extra field holding the token', { ...connection, password: AUTH_TOKEN }],
  ['the secret as a field name', { ...connection, [AUTH_TOKEN]: 1 }],
  ['a number as the token', { accountSid: ACCOUNT_SID, authToken: 42 }],
  ['no connection', undefined],
];

describe('hardening: secret hygiene', function () {
  this.timeout(60_000);
  useNock();
  let logs: ReturnType<typeof captureConsole>;
  const debug = process.env['VERIFY_CONNECTOR_DEBUG'];
  before(() => {
    logs = captureConsole();
    process.env['VERIFY_CONNECTOR_DEBUG'] = '1'; // the debug logging of unexpected errors must not leak either
  });
  after(() => {
    logs.restore();
    if (debug === undefined) delete process.env['VERIFY_CONNECTOR_DEBUG'];
    else process.env['VERIFY_CONNECTOR_DEBUG'] = debug;
  });
  afterEach(() => {
    for (const line of logs.lines) assertNoLeak('a console line', line);
  });

  describe('printing a connection', () => {
    it('redactConnection, JSON.stringify and util.inspect of it hide the token and the API secret', () => {
      for (const conn of [connection, apiKeyConnection, { ...connection, region: 'ie1', edge: 'dublin', baseUrl: 'http://127.0.0.1:4010' }]) {
        const redacted = redactConnection(conn);
        assert.equal(redacted['accountSid'], ACCOUNT_SID, 'the Account SID stays readable');
        for (const text of [JSON.stringify(redacted), inspect(redacted, { showHidden: true }), String(Object.values(redacted))]) assertNoLeak('a redacted connection', text);
      }
      assert.deepEqual(redactConnection(null), {});
      assert.deepEqual(redactConnection('a string'), {});
    });

    it(`${Math.min(RUNS, 500)} generated connections: whatever else they hold, the secret fields are masked`, () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { noNullPrototype: true }), fc.constantFrom('authToken', 'apiKeySecret', 'password'), (extra, field) => {
          const redacted = redactConnection({ ...extra, [field]: AUTH_TOKEN });
          assertNoLeak('a redacted connection', JSON.stringify(redacted));
        }),
        fcParams(Math.min(RUNS, 500)),
      );
    });

    it('a ConnectorError prints (message, stack, JSON, util.inspect) without a secret, for every error the table can make', async () => {
      nock(VERIFY).get(/.*/).query(true).times(3).reply(401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
      for (const conn of [connection, apiKeyConnection]) {
        const error = await connector.execute('get-service', conn, { serviceSid: SERVICE_SID }, { retry: ONCE }).catch((e: unknown) => e);
        assert.ok(error instanceof ConnectorError);
        assert.equal(error.code, 'authentication_failed');
        for (const text of allForms(error)) assertNoLeak('a printed ConnectorError', text);
      }
      nock.cleanAll();
    });
  });

  describe('every error path of execute', () => {
    for (const [what, conn] of BROKEN_CONNECTIONS) {
      it(`an invalid connection (${what}) → invalid_connection, no secret in any form`, async () => {
        for (const text of await outcome('get-service', conn, { serviceSid: SERVICE_SID })) assertNoLeak(what, text);
        const result = await connector.execute('get-service', conn, { serviceSid: SERVICE_SID }, { onError: 'output' });
        assert.equal(result.ok, false);
        if (!result.ok) assert.equal(result.error.code, 'invalid_connection');
      });
    }

    it('testConnection with a broken connection rejects without a secret', async () => {
      for (const [, conn] of BROKEN_CONNECTIONS) {
        const error = await connector.testConnection(conn).catch((e: unknown) => e);
        for (const text of allForms(error)) assertNoLeak('testConnection', text);
      }
    });

    it("the connection's secret typed into every field of every module, and as a field name, is never echoed by invalid_input", async () => {
      for (const { id } of connector.modules) {
        const schema = connector.module(id).definition;
        const properties = Object.keys((connector.modules.find((m) => m.id === id)!.inputSchema['properties'] ?? {}) as object);
        for (const property of properties) {
          // The connection's own secret: the runtime knows it, so it can mask it even in a field name a person typed.
          for (const [conn, secret] of [[connection, AUTH_TOKEN], [apiKeyConnection, API_KEY_SECRET], [connection, AUTH_TOKEN.repeat(50)]] as const) {
            for (const text of await outcome(id, conn, { [property]: secret, unknownField: secret, [secret]: secret })) assertNoLeak(`${id}/${property}`, text);
          }
        }
        assert.ok(schema.id === id);
      }
    });

    const echoes: Array<[string, number, (secret: string) => unknown]> = [
      ['a 404 whose message echoes the path', 404, (s) => ({ code: 20404, message: `The requested resource /v2/${s} was not found`, more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 })],
      ['a 400 whose message quotes a parameter', 400, (s) => ({ code: 60200, message: `Invalid parameter To: ${s}`, more_info: `https://www.twilio.com/docs/errors/60200?v=${s}`, status: 400 })],
      ['a 401 whose message quotes the Authorization header', 401, (s) => ({ code: 20003, message: `Authenticate Basic ${Buffer.from(`${ACCOUNT_SID}:${s}`).toString('base64')}`, status: 401 })],
      ['a 500 whose text body holds the secret', 500, (s) => `<html>upstream said ${s}</html>`],
    ];
    for (const [what, status, body] of echoes) {
      it(`Twilio (or a proxy) echoing the connection's secret: ${what} → the error does not repeat it`, async () => {
        for (const [conn, secret] of [[connection, AUTH_TOKEN], [apiKeyConnection, API_KEY_SECRET]] as const) {
          nock(VERIFY).get(/.*/).query(true).times(6).reply(status, body(secret) as nock.Body, { 'content-type': typeof body(secret) === 'string' ? 'text/html' : 'application/json' });
          const texts = await outcome('make-api-call', conn, { url: '/v2/Services', method: 'GET' });
          const texts2 = await outcome('get-service', conn, { serviceSid: SERVICE_SID });
          nock.cleanAll();
          // make-api-call returns Twilio's raw answer as output only on success; an error status is an error.
          for (const text of [...texts, ...texts2]) assertNoLeak(what, text);
        }
      });
    }
  });

  describe('CLI output', () => {
    afterEach(twilioEnvRestorer());

    const runs: Array<[string, string[], () => void]> = [
      ['run with a good connection, Twilio answers 401', ['run', 'get-service', '--input', JSON.stringify({ serviceSid: SERVICE_SID }), '--connection', JSON.stringify(connection)], () => nock(VERIFY).get(/.*/).query(true).reply(401, { code: 20003, message: 'Authenticate', status: 401 })],
      ['run with an API key, Twilio answers 500 three times', ['run', 'get-service', '--input', JSON.stringify({ serviceSid: SERVICE_SID }), '--connection', JSON.stringify(apiKeyConnection)], () => nock(VERIFY).get(/.*/).query(true).times(3).reply(500, 'oops')],
      ['run with invalid input', ['run', 'start-verification', '--input', JSON.stringify({ serviceSid: SERVICE_SID, to: AUTH_TOKEN, channel: 'sms' }), '--connection', JSON.stringify(connection)], () => undefined],
      ['run with the token as the Account SID', ['run', 'list-services', '--connection', JSON.stringify({ accountSid: AUTH_TOKEN, authToken: AUTH_TOKEN })], () => undefined],
      ['run with a base URL to a stranger', ['run', 'list-services', '--connection', JSON.stringify({ ...connection, baseUrl: `https://evil.example/${AUTH_TOKEN}` })], () => undefined],
      ['run with a connection that is not JSON', ['run', 'list-services', '--connection', `{"authToken":"${AUTH_TOKEN}"`], () => undefined],
      ['run of an unknown module named like the token', ['run', 'no-such-module', '--connection', JSON.stringify(connection)], () => undefined],
      ['run with credentials from the environment, Twilio answers 403', ['run', 'get-service', '--input', JSON.stringify({ serviceSid: SERVICE_SID })], () => {
        process.env['TWILIO_ACCOUNT_SID'] = ACCOUNT_SID;
        process.env['TWILIO_AUTH_TOKEN'] = AUTH_TOKEN;
        nock(VERIFY).get(/.*/).query(true).reply(403, { code: 60204, message: 'Service does not support this feature', status: 403 });
      }],
      ['run with an API key from the environment against an unreachable emulator URL', ['run', 'list-services', '--emulator', 'http://127.0.0.1:9'], () => {
        process.env['TWILIO_ACCOUNT_SID'] = ACCOUNT_SID;
        process.env['TWILIO_API_KEY'] = API_KEY_SID;
        process.env['TWILIO_API_SECRET'] = API_KEY_SECRET;
      }],
    ];
    for (const [what, argv, setup] of runs) {
      for (const json of [false, true]) {
        it(`${what}${json ? ' (--json)' : ''}: neither stdout nor stderr holds a secret`, async () => {
          setup();
          const result = await runCli(json ? [...argv, '--json'] : argv);
          nock.cleanAll();
          assert.notEqual(result.status, 0, 'the run fails');
          assertNoLeak('CLI stdout', result.stdout);
          assertNoLeak('CLI stderr', result.stderr);
          if (json && result.stdout.trim().startsWith('{')) assert.equal(JSON.parse(result.stdout).ok, false);
        });
      }
    }

    it('`emulator` with TWILIO_AUTH_TOKEN in the environment uses it and never prints it', async () => {
      process.env['TWILIO_ACCOUNT_SID'] = ACCOUNT_SID;
      process.env['TWILIO_AUTH_TOKEN'] = AUTH_TOKEN;
      const result = await runCli(['emulator']);
      assert.equal(result.status, 0, result.stderr);
      assertNoLeak('emulator command output', `${result.stdout}\n${result.stderr}`);
    });
  });

  describe('emulator responses', () => {
    let emu: Emulator;
    before(async () => {
      emu = await startEmulator({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiKeySid: API_KEY_SID, apiKeySecret: API_KEY_SECRET });
    });
    after(() => emu.close());

    function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<string> {
      return new Promise((resolve, reject) => {
        const url = new URL(emu.url);
        const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => resolve(`${res.statusCode} ${JSON.stringify(res.headers)} ${Buffer.concat(parts).toString('utf8')}`));
          res.on('error', reject);
        });
        req.on('error', () => resolve(''));
        if (body !== undefined) req.write(body);
        req.end();
      });
    }

    it(`${Math.min(RUNS, 300)} generated requests with the secrets in path, query, body and headers: no response repeats them`, async () => {
      const good = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
      const key = `Basic ${Buffer.from(`${API_KEY_SID}:${API_KEY_SECRET}`).toString('base64')}`;
      const bad = `Basic ${Buffer.from(`${AUTH_TOKEN}:${API_KEY_SECRET}`).toString('base64')}`;
      const service = JSON.parse((await raw('POST', '/v2/Services', { authorization: good, 'content-type': 'application/x-www-form-urlencoded' }, 'FriendlyName=Acme')).replace(/^\d+ \{.*?\} /, '')) as { sid: string };
      const secret = fc.constantFrom(AUTH_TOKEN, API_KEY_SECRET, encodeURIComponent(AUTH_TOKEN));
      const target = fc.constantFrom(
        (s: string) => ['GET', `/v2/Services/${s}`],
        (s: string) => ['GET', `/v2/Services/${service.sid}/Verifications/${s}`],
        (s: string) => ['GET', `/v2/Services?PageSize=${s}`],
        (s: string) => ['POST', `/v2/Services/${service.sid}/Verifications`, `To=${s}&Channel=sms`],
        (s: string) => ['POST', `/v2/Services/${service.sid}/Verifications`, `To=%2B15017122661&Channel=${s}`],
        (s: string) => ['POST', `/v2/Services/${service.sid}/VerificationCheck`, `To=${s}&Code=123456`],
        (s: string) => ['POST', `/v2/Services/${service.sid}/VerificationCheck`, `VerificationSid=${s}&Code=123456`],
        (s: string) => ['POST', `/v2/Services/${service.sid}`, `CodeLength=${s}`],
        (s: string) => ['POST', `/v2/Services/${service.sid}`, `Push.ApnCredentialSid=${s}`],
        (s: string) => ['POST', '/v2/Services', `FriendlyName=${s}`],
        (s: string) => ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, `To=${s}&Body=x&MessagingServiceSid=MG${'a'.repeat(32)}`],
        (s: string) => ['POST', `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, `To=%2B15017122661&Body=x&MessagingServiceSid=${s}`],
        (s: string) => ['POST', `/2010-04-01/Accounts/${s}/Messages.json`, 'To=%2B15017122661&Body=x'],
        (s: string) => ['PATCH', `/v2/Services/${s}`, ''],
        (s: string) => ['GET', `/__emulator/outbox?to=${s}`],
        (s: string) => ['GET', `/__emulator/${s}`],
      );
      await fc.assert(
        fc.asyncProperty(secret, target, fc.constantFrom(good, key, bad, `Bearer ${AUTH_TOKEN}`), async (s, make, authorization) => {
          const [method, path, body] = make(s) as [string, string, string | undefined];
          const text = await raw(method, path, { authorization, 'content-type': 'application/x-www-form-urlencoded', 'x-echo': AUTH_TOKEN }, body);
          assertNoLeak(`${method} ${path}`, text);
        }),
        fcParams(Math.min(RUNS, 300)),
      );
      // The emulator never logs (its server says so): nothing reached the console.
      assert.deepEqual(logs.lines.filter((l) => l.includes('emulator')), []);
      assert.ok(SECRETS.length > 0);
    });
  });
});
