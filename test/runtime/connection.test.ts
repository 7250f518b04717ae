import assert from 'node:assert/strict';
import { loadConnector, redactConnection } from '../../connector/index.js';
import { resolveConnection } from '../../connector/transport/connection.js';
import { ACCOUNT_SID, API_KEY_SECRET, API_KEY_SID, apiKeyConnection, assertNoSecret, AUTH_TOKEN, basicAuth, connection, expectRequest, twilioError, useNock } from '../support/nock.js';

const listPage = { services: [], meta: { first_page_url: 'https://verify.twilio.com/v2/Services?PageSize=1&Page=0', key: 'services', next_page_url: null, page: 0, page_size: 1, previous_page_url: null, url: 'https://verify.twilio.com/v2/Services?PageSize=1&Page=0' } };

/** The problems a refused connection reports through the Connector (where every error leaves without a secret). */
async function problemsOf(connectionValue: unknown): Promise<Array<{ pointer: string; message: string }>> {
  try {
    await (await loadConnector()).testConnection(connectionValue);
  } catch (error: any) {
    assert.equal(error.code, 'invalid_connection');
    assertNoSecret(error);
    return error.details.problems;
  }
  assert.fail('expected the connection to be refused');
}

describe('connection', () => {
  useNock();

  it('accepts an Auth Token or an API key, and signs with the right pair', () => {
    assert.equal(resolveConnection(connection).username, ACCOUNT_SID);
    const key = resolveConnection(apiKeyConnection);
    assert.equal(key.username, API_KEY_SID);
    assert.equal(key.password, API_KEY_SECRET);
    assert.equal(key.accountSid, ACCOUNT_SID);
  });

  const refused: Array<[string, unknown, string]> = [
    ['no secret at all', { accountSid: ACCOUNT_SID }, ''],
    ['both a token and a key', { ...connection, apiKeySid: API_KEY_SID, apiKeySecret: API_KEY_SECRET }, ''],
    ['a key without its secret', { accountSid: ACCOUNT_SID, apiKeySid: API_KEY_SID }, '/apiKeySecret'],
    ['a key SID where the Account SID belongs', { accountSid: API_KEY_SID, authToken: AUTH_TOKEN }, '/accountSid'],
    ['a base URL on another host', { ...connection, baseUrl: 'https://evil.example.com' }, '/baseUrl'],
    ['a plain-http Twilio base URL', { ...connection, baseUrl: 'http://verify.twilio.com' }, '/baseUrl'],
    ['a base URL with user-info', { ...connection, baseUrl: 'http://user:pw@127.0.0.1:8080' }, '/baseUrl'],
    ['a host that only looks like Twilio', { ...connection, baseUrl: 'https://verify.twilio.com.evil.example' }, '/baseUrl'],
    ['an unknown region', { ...connection, region: 'mars1' }, '/region'],
    ['an extra field', { ...connection, password: 'x' }, '/password'],
  ];
  for (const [what, value, pointer] of refused) {
    it(`refuses ${what}, naming ${pointer || 'the connection'}, and never echoes a secret`, async () => {
      const problems = await problemsOf(value);
      assert.ok(problems.some((p) => p.pointer === pointer), JSON.stringify(problems));
    });
  }

  it('accepts loopback base URLs (the emulator) and https Twilio hosts', () => {
    for (const baseUrl of ['http://127.0.0.1:4010', 'http://localhost:4010/', 'http://[::1]:4010', 'https://verify.twilio.com', 'https://verify.dublin.ie1.twilio.com']) {
      assert.equal(resolveConnection({ ...connection, baseUrl }).baseUrl, baseUrl.replace(/\/$/, ''));
    }
  });

  it('prints a connection with its secrets redacted', () => {
    const printed = JSON.stringify([redactConnection(connection), redactConnection(apiKeyConnection)]);
    assertNoSecret(printed);
    assert.ok(printed.includes(ACCOUNT_SID));
  });

  it('testConnection lists services with page size 1 and reports the account SID', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('GET', '/v2/Services', { status: 200, body: listPage });
    const result = await connector.testConnection(connection);
    assert.deepEqual(result, { ok: true, accountSid: ACCOUNT_SID, authMethod: 'auth-token', module: 'list-services' });
    assert.equal(seen.path, '/v2/Services?PageSize=1');
    assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
  });

  it('testConnection signs with the API key when one is given', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('GET', '/v2/Services', { status: 200, body: listPage });
    const result = await connector.testConnection(apiKeyConnection);
    assert.equal(result.authMethod, 'api-key');
    assert.equal(seen.headers?.['authorization'], basicAuth(API_KEY_SID, API_KEY_SECRET));
  });

  it('testConnection with a wrong token: authentication_failed with a remedy, no stack, no secret', async () => {
    const connector = await loadConnector();
    expectRequest('GET', '/v2/Services', twilioError(20003, 401, 'Authenticate'));
    await assert.rejects(connector.testConnection(connection), (error: any) => {
      assert.equal(error.code, 'authentication_failed');
      assert.match(error.remedy, /Auth Token/);
      assertNoSecret(error);
      assertNoSecret(error.stack);
      return true;
    });
  });

  it('sends to the regional host when a region and edge are set', async () => {
    const connector = await loadConnector();
    expectRequest('GET', '/v2/Services', { status: 200, body: listPage }, 'https://verify.dublin.ie1.twilio.com');
    await connector.testConnection({ ...connection, region: 'ie1', edge: 'dublin' });
  });
});
