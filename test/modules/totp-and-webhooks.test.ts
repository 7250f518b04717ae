/**
 * The entity, factor, challenge and webhook modules against nock, as a table: for each module the input, the exact
 * request Twilio must receive (method, path, query, form pairs in order, Basic auth) and the answer (the spec's own
 * example, checked against the spec's schema) that comes back as the output. Then the failure rules these modules add:
 * checks and first codes are never sent twice, reads are retried after a 500, Twilio's 603xx codes map to the table.
 */
import assert from 'node:assert/strict';
import { loadConnector, ConnectorError } from '../../connector/index.js';
import { assertMatchesSpec } from '../emulator/helpers.js';
import { ACCOUNT_SID, AUTH_TOKEN, FAST_RETRY, assertNoSecret, basicAuth, connection, expectRequest, trapRequests, twilioError, useNock } from '../support/nock.js';
import { CHALLENGE_SID, FACTOR_SID, SPEC_IDENTITY as ID, SPEC_SERVICE as VA, WEBHOOK_SID, specExample } from './fixtures/totp.js';

type Pairs = Array<[string, string]>;
interface Row {
  module: string;
  input: Record<string, unknown>;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Pairs;
  form?: Pairs;
  /** The spec operation and example the answer is. */
  answer?: { operation: string; status: number; example?: string };
  /** For a 204 answer: the output the module makes of it. */
  empty?: unknown;
}

const E = `/v2/Services/${VA}/Entities`;
const U = `${E}/${ID}`;
const W = `/v2/Services/${VA}/Webhooks`;

const ROWS: Row[] = [
  { module: 'create-entity', input: { serviceSid: VA, identity: ID }, method: 'POST', path: E, form: [['Identity', ID]], answer: { operation: 'CreateEntity', status: 201 } },
  { module: 'list-entities', input: { serviceSid: VA, pageSize: 20 }, method: 'GET', path: E, query: [['PageSize', '20']], answer: { operation: 'ListEntity', status: 200, example: 'readFull' } },
  { module: 'get-entity', input: { serviceSid: VA, identity: ID }, method: 'GET', path: U, answer: { operation: 'FetchEntity', status: 200 } },
  { module: 'delete-entity', input: { serviceSid: VA, identity: ID }, method: 'DELETE', path: U, empty: { identity: ID, deleted: true } },
  {
    module: 'create-totp-factor',
    input: { serviceSid: VA, identity: ID, friendlyName: 'John’s Account Name', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', config: { timeStep: 30, skew: 1, codeLength: 6, alg: 'sha1' }, metadata: { os: 'Android' } },
    method: 'POST',
    path: `${U}/Factors`,
    form: [['FactorType', 'totp'], ['FriendlyName', 'John’s Account Name'], ['Binding.Secret', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'], ['Config.TimeStep', '30'], ['Config.Skew', '1'], ['Config.CodeLength', '6'], ['Config.Alg', 'sha1'], ['Metadata', '{"os":"Android"}']],
    answer: { operation: 'CreateNewFactor', status: 201, example: 'createTotp' },
  },
  { module: 'verify-totp-factor', input: { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, code: '123456' }, method: 'POST', path: `${U}/Factors/${FACTOR_SID}`, form: [['AuthPayload', '123456']], answer: { operation: 'UpdateFactor', status: 200, example: 'verifyTotp' } },
  { module: 'update-factor', input: { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, friendlyName: 'Work phone', config: { codeLength: 8 } }, method: 'POST', path: `${U}/Factors/${FACTOR_SID}`, form: [['FriendlyName', 'Work phone'], ['Config.CodeLength', '8']], answer: { operation: 'UpdateFactor', status: 200, example: 'verifyTotp' } },
  { module: 'list-factors', input: { serviceSid: VA, identity: ID }, method: 'GET', path: `${U}/Factors`, answer: { operation: 'ListFactor', status: 200, example: 'readFullTotp' } },
  { module: 'get-factor', input: { serviceSid: VA, identity: ID, factorSid: FACTOR_SID }, method: 'GET', path: `${U}/Factors/${FACTOR_SID}`, answer: { operation: 'FetchFactor', status: 200, example: 'fetchTotp' } },
  { module: 'delete-factor', input: { serviceSid: VA, identity: ID, factorSid: FACTOR_SID }, method: 'DELETE', path: `${U}/Factors/${FACTOR_SID}`, empty: { sid: FACTOR_SID, identity: ID, deleted: true } },
  {
    module: 'check-totp-code',
    input: { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, code: '123456', hiddenDetails: { ip: '172.168.1.234' } },
    method: 'POST',
    path: `${U}/Challenges`,
    form: [['FactorSid', FACTOR_SID], ['AuthPayload', '123456'], ['HiddenDetails', '{"ip":"172.168.1.234"}']],
    answer: { operation: 'CreateChallenge', status: 201, example: 'createTotpWithAuthPayload' },
  },
  {
    module: 'list-challenges',
    input: { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, status: 'approved', order: 'desc', pageSize: 5 },
    method: 'GET',
    path: `${U}/Challenges`,
    query: [['FactorSid', FACTOR_SID], ['Status', 'approved'], ['Order', 'desc'], ['PageSize', '5']],
    answer: { operation: 'ListChallenge', status: 200, example: 'readFull' },
  },
  { module: 'get-challenge', input: { serviceSid: VA, identity: ID, challengeSid: CHALLENGE_SID }, method: 'GET', path: `${U}/Challenges/${CHALLENGE_SID}`, answer: { operation: 'FetchChallenge', status: 200 } },
  {
    module: 'create-push-challenge',
    input: { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, details: { message: 'Hi! Mr. John Doe, would you like to sign up?', fields: [{ label: 'Action', value: 'Sign up in portal' }] }, hiddenDetails: { ip: '172.168.1.234' }, expirationDate: '2015-07-30T20:00:00Z' },
    method: 'POST',
    path: `${U}/Challenges`,
    form: [['FactorSid', FACTOR_SID], ['Details.Message', 'Hi! Mr. John Doe, would you like to sign up?'], ['Details.Fields', '{"label":"Action","value":"Sign up in portal"}'], ['HiddenDetails', '{"ip":"172.168.1.234"}'], ['ExpirationDate', '2015-07-30T20:00:00Z']],
    answer: { operation: 'CreateChallenge', status: 201, example: 'createPush' },
  },
  { module: 'create-notification', input: { serviceSid: VA, identity: ID, challengeSid: CHALLENGE_SID, ttl: 150 }, method: 'POST', path: `${U}/Challenges/${CHALLENGE_SID}/Notifications`, form: [['Ttl', '150']], answer: { operation: 'CreateNotification', status: 201, example: 'createWithTtl' } },
  {
    module: 'create-webhook',
    input: { serviceSid: VA, friendlyName: 'name', eventTypes: ['factor.deleted', 'factor.verified'], webhookUrl: 'https://owlbank.twilio.com', version: 'v2' },
    method: 'POST',
    path: W,
    form: [['FriendlyName', 'name'], ['EventTypes', 'factor.deleted'], ['EventTypes', 'factor.verified'], ['WebhookUrl', 'https://owlbank.twilio.com'], ['Version', 'v2']],
    answer: { operation: 'CreateWebhook', status: 201 },
  },
  { module: 'list-webhooks', input: { serviceSid: VA }, method: 'GET', path: W, answer: { operation: 'ListWebhook', status: 200, example: 'readFull' } },
  { module: 'get-webhook', input: { serviceSid: VA, webhookSid: WEBHOOK_SID }, method: 'GET', path: `${W}/${WEBHOOK_SID}`, answer: { operation: 'FetchWebhook', status: 200 } },
  { module: 'update-webhook', input: { serviceSid: VA, webhookSid: WEBHOOK_SID, status: 'disabled' }, method: 'POST', path: `${W}/${WEBHOOK_SID}`, form: [['Status', 'disabled']], answer: { operation: 'UpdateWebhook', status: 200 } },
  { module: 'delete-webhook', input: { serviceSid: VA, webhookSid: WEBHOOK_SID }, method: 'DELETE', path: `${W}/${WEBHOOK_SID}`, empty: { sid: WEBHOOK_SID, deleted: true } },
];

/** What the output is for a list module: the page's items under the module's key. */
function expectedOutput(row: Row, body: Record<string, unknown>): unknown {
  const key = Object.keys(body).find((k) => k !== 'meta');
  return row.method === 'GET' && row.module.startsWith('list-') ? { [key!]: body[key!] } : body;
}

describe('modules for entities, TOTP factors, challenges and webhooks (nock)', () => {
  useNock();

  it('the table covers every module of these resources the manifest lists', async () => {
    const connector = await loadConnector();
    const ours = connector.modules.filter((m) => /entit|factor|challenge|notification|webhook|totp/.test(m.id)).map((m) => m.id);
    assert.deepEqual(ROWS.map((r) => r.module).sort(), ours.sort());
  });

  for (const row of ROWS) {
    it(`${row.module}: sends ${row.method} ${row.path.replace(VA, '{VA}')}${row.query ? ' with its query' : ''}${row.form ? ' with its form' : ''}, and returns ${row.empty ? 'what was deleted' : `the answer (spec example ${row.answer!.operation})`}`, async () => {
      const connector = await loadConnector();
      const body = row.answer ? specExample(row.answer.operation, row.answer.status, row.answer.example) : undefined;
      if (row.answer) assertMatchesSpec(row.answer.operation, { status: row.answer.status, headers: new Headers(), text: '', body });
      const seen = expectRequest(row.method, new RegExp(`^${row.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?.*)?$`), row.answer ? { status: row.answer.status, body } : { status: 204 });
      const output = await connector.execute(row.module, connection, row.input);
      assert.equal(seen.count, 1);
      assert.equal(seen.method, row.method);
      const url = new URL(seen.path!, 'https://verify.twilio.com');
      assert.equal(decodeURIComponent(url.pathname), row.path);
      assert.deepEqual([...url.searchParams], row.query ?? []);
      if (row.method === 'POST') assert.deepEqual(seen.form, row.form ?? []);
      assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
      assert.deepEqual(output, row.empty ?? expectedOutput(row, body!));
    });
  }

  it('create-totp-factor returns binding.uri and binding.secret exactly as Twilio sent them (shown once), and says so in its help', async () => {
    const connector = await loadConnector();
    const answer = specExample('CreateNewFactor', 201, 'createTotp');
    expectRequest('POST', `${U}/Factors`, { status: 201, body: answer });
    const output = (await connector.execute('create-totp-factor', connection, { serviceSid: VA, identity: ID, friendlyName: 'x' })) as { binding: { uri: string; secret: string } };
    assert.equal(output.binding.secret, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    assert.match(output.binding.uri, /^otpauth:\/\/totp\/test-issuer:/);
    const info = connector.modules.find((m) => m.id === 'create-totp-factor')!;
    assert.match(info.description, /only this once/);
    assert.match(JSON.stringify(info.outputSchema), /only in this answer, never again/);
  });

  for (const [moduleId, input] of [
    ['verify-totp-factor', { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, code: '123456' }],
    ['check-totp-code', { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, code: '123456' }],
    ['create-push-challenge', { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, details: { message: 'Log in?' } }],
  ] as const) {
    it(`${moduleId} is never sent twice: a 500 after Twilio may have acted is reported, not retried`, async () => {
      const connector = await loadConnector();
      const path = moduleId === 'verify-totp-factor' ? `${U}/Factors/${FACTOR_SID}` : `${U}/Challenges`;
      const seen = expectRequest('POST', path, twilioError(20500, 500, 'Internal Server Error'));
      const result = await connector.execute(moduleId, connection, input, { onError: 'output', retry: FAST_RETRY });
      assert.equal(seen.count, 1);
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.error.code, 'server_error');
    });
  }

  it('get-factor is a read: a 500 is retried and the second answer returned', async () => {
    const connector = await loadConnector();
    const failed = expectRequest('GET', `${U}/Factors/${FACTOR_SID}`, twilioError(20500, 500, 'Internal Server Error'));
    const answered = expectRequest('GET', `${U}/Factors/${FACTOR_SID}`, { status: 200, body: specExample('FetchFactor', 200, 'fetchTotp') });
    await connector.execute('get-factor', connection, { serviceSid: VA, identity: ID, factorSid: FACTOR_SID }, { retry: FAST_RETRY });
    assert.equal(failed.count + answered.count, 2);
  });

  for (const [twilioCode, status, moduleId, input, code] of [
    [60310, 429, 'verify-totp-factor', { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, code: '123456' }, 'max_check_attempts'],
    [60318, 403, 'check-totp-code', { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, code: '123456' }, 'invalid_parameter'],
    [60392, 404, 'get-entity', { serviceSid: VA, identity: ID }, 'not_found'],
    [60323, 403, 'create-notification', { serviceSid: VA, identity: ID, challengeSid: CHALLENGE_SID }, 'verification_not_pending'],
    [60312, 429, 'check-totp-code', { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, code: '123456' }, 'rate_limited'],
    [60308, 429, 'check-totp-code', { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, code: '123456' }, 'max_check_attempts'],
  ] as const) {
    it(`Twilio ${twilioCode} (HTTP ${status}) on ${moduleId} becomes ${code} with the table's remedy, sent once (a 429 limit is not retried), no secret`, async () => {
      const connector = await loadConnector();
      const seen = expectRequest(moduleId === 'get-entity' ? 'GET' : 'POST', /.*/, twilioError(twilioCode, status, `Twilio says ${twilioCode}`));
      await assert.rejects(connector.execute(moduleId, connection, input, { retry: FAST_RETRY }), (error: ConnectorError) => {
        assert.equal(error.code, code);
        assert.equal(error.twilioCode, twilioCode);
        assert.equal(error.retryable, false);
        assert.ok((error.remedy ?? '').length > 20);
        assertNoSecret(error);
        return true;
      });
      assert.equal(seen.count, 1);
    });
  }

  for (const [moduleId, input, pointer] of [
    ['create-entity', { serviceSid: VA, identity: 'ana@example.com' }, '/identity'],
    ['create-entity', { serviceSid: VA, identity: 'short' }, '/identity'],
    ['create-totp-factor', { serviceSid: VA, identity: ID, friendlyName: 'x', secret: 'not base32 1' }, '/secret'],
    ['create-totp-factor', { serviceSid: VA, identity: ID, friendlyName: 'x', config: { codeLength: 9 } }, '/config/codeLength'],
    ['create-totp-factor', { serviceSid: VA, identity: ID, friendlyName: 'x', factorType: 'push' }, '/factorType'],
    ['verify-totp-factor', { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, code: '12' }, '/code'],
    ['update-factor', { serviceSid: VA, identity: ID, factorSid: FACTOR_SID }, ''],
    ['check-totp-code', { serviceSid: VA, identity: ID, factorSid: CHALLENGE_SID, code: '123456' }, '/factorSid'],
    ['create-push-challenge', { serviceSid: VA, identity: ID, factorSid: FACTOR_SID, details: { fields: [] } }, '/details/message'],
    ['create-notification', { serviceSid: VA, identity: ID, challengeSid: CHALLENGE_SID, ttl: 301 }, '/ttl'],
    ['create-webhook', { serviceSid: VA, friendlyName: 'x', eventTypes: ['sms.sent'], webhookUrl: 'https://example.com' }, '/eventTypes/0'],
    ['create-webhook', { serviceSid: VA, friendlyName: 'x', eventTypes: ['*'], webhookUrl: 'ftp://example.com' }, '/webhookUrl'],
    ['update-webhook', { serviceSid: VA, webhookSid: WEBHOOK_SID }, ''],
  ] as const) {
    it(`${moduleId} refuses ${JSON.stringify(input).slice(0, 90)}… with invalid_input at "${pointer}" and sends nothing`, async () => {
      const connector = await loadConnector();
      const trap = trapRequests();
      await assert.rejects(connector.execute(moduleId, connection, input), (error: ConnectorError) => {
        assert.equal(error.code, 'invalid_input');
        const problems = error.details?.['problems'] as Array<{ pointer: string }>;
        assert.ok(problems.some((p) => p.pointer === pointer), `expected ${pointer}, got ${JSON.stringify(problems)}`);
        return true;
      });
      assert.equal(trap.count, 0);
    });
  }
});
