import assert from 'node:assert/strict';
import { ConnectorError } from '../../connector/errors/connector-error.js';
import { openForAllTests, openForEachTest } from '../support/open-for-tests.js';
import { type Harness, assertNoSecret, harness } from './helpers.js';

describe('emulator × modules: make-api-call', () => {
  let h: Harness;
  openForEachTest(harness, (opened) => {
    h = opened;
  });

  it('GET /v2/Services: the raw answer { statusCode 200, headers, body.services + meta }', async () => {
    const service = await h.createService();
    const out = await h.run('make-api-call', { url: '/v2/Services', method: 'GET', qs: { PageSize: 20 } });
    assert.equal(out.statusCode, 200);
    assert.match(out.headers['content-type'], /application\/json/);
    assert.equal(out.body.services.length, 1);
    assert.equal(out.body.services[0].sid, service.sid);
    assert.equal(out.body.meta.key, 'services');
    assert.equal(out.body.meta.page_size, 20);
  });

  it('POST with a form body (FriendlyName) renames a service: 200 and the updated resource', async () => {
    const service = await h.createService();
    const out = await h.run('make-api-call', { url: `/v2/Services/${service.sid}`, method: 'POST', body: { FriendlyName: 'Renamed' } });
    assert.equal(out.statusCode, 200);
    assert.equal(out.body.friendly_name, 'Renamed');
  });

  it('DELETE answers 204 with an empty body', async () => {
    const service = await h.createService();
    const out = await h.run('make-api-call', { url: `/v2/Services/${service.sid}`, method: 'DELETE' });
    assert.equal(out.statusCode, 204);
    assert.equal(out.body, '');
    assert.equal(h.emu.stats().services, 0);
  });

  it('a Twilio error is an error, not output: GET an unknown service → not_found', async () => {
    await h.fails('make-api-call', { url: `/v2/Services/VA${'0'.repeat(32)}`, method: 'GET' }, 'not_found');
  });

  for (const url of ['https://evil.example/v2/Services', '//evil.example/v2/Services', '/v2/../../etc/passwd']) {
    it(`a URL leaving the Verify host (${url}) → unsafe_url before sending, zero requests`, async () => {
      await h.fails('make-api-call', { url, method: 'GET' }, 'unsafe_url');
      assert.equal(h.emu.stats().requests, 0);
    });
  }
});

describe('emulator × connector.testConnection', () => {
  let h: Harness;
  openForAllTests(harness, (opened) => {
    h = opened;
  });

  it('Account SID + Auth Token: ok, auth-token, via the manifest test module', async () => {
    const result = await h.connector.testConnection(h.connection);
    assert.deepEqual(result, { ok: true, accountSid: h.emu.accountSid, authMethod: 'auth-token', module: 'list-services' });
  });

  it('Account SID + API key pair: ok, api-key', async () => {
    const result = await h.connector.testConnection({ accountSid: h.emu.accountSid, apiKeySid: h.emu.apiKeySid, apiKeySecret: h.emu.apiKeySecret, baseUrl: h.emu.url });
    assert.equal(result.ok, true);
    assert.equal(result.authMethod, 'api-key');
    assert.equal(result.accountSid, h.emu.accountSid);
  });

  for (const [name, make] of [
    ['a wrong Auth Token', (x: Harness) => ({ ...x.connection, authToken: 'f'.repeat(32) })],
    ['a wrong API key secret', (x: Harness) => ({ accountSid: x.emu.accountSid, apiKeySid: x.emu.apiKeySid, apiKeySecret: 'f'.repeat(32), baseUrl: x.emu.url })],
    ['another Account SID', (x: Harness) => ({ ...x.connection, accountSid: `AC${'1'.repeat(32)}` })],
  ] as const) {
    it(`${name} → authentication_failed (20003, 401), not retried, no secret in the error`, async () => {
      const before = h.emu.stats().requests;
      const error = await h.connector.testConnection(make(h)).then(
        () => assert.fail('should have failed'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof ConnectorError);
      assert.equal(error.code, 'authentication_failed');
      assert.equal(error.status, 401);
      assert.equal(error.twilioCode, 20003);
      assert.equal(h.emu.stats().requests - before, 1);
      assertNoSecret(error, h.emu);
    });
  }

  it('a connection missing its secret is invalid_connection, nothing sent', async () => {
    const before = h.emu.stats().requests;
    await assert.rejects(h.connector.testConnection({ accountSid: h.emu.accountSid, baseUrl: h.emu.url }), (e: unknown) => e instanceof ConnectorError && e.code === 'invalid_connection');
    assert.equal(h.emu.stats().requests, before);
  });
});
