import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, FAST_RETRY, SERVICE_SID, basicAuth, connection, expectRequest, twilioError, useNock } from '../support/nock.js';
import { assertInvalidInput, serviceResource } from './fixtures/service.js';

describe('module get-service', () => {
  useNock();
  const path = `/v2/Services/${SERVICE_SID}`;

  it('sends GET /v2/Services/{Sid} with no query or body, signed with Basic auth, and returns the service as Twilio sent it', async () => {
    const connector = await loadConnector();
    const answer = serviceResource({ friendly_name: 'Acme sign-in', code_length: 8 });
    const seen = expectRequest('GET', path, { status: 200, body: answer });
    const output = await connector.execute('get-service', connection, { serviceSid: SERVICE_SID });
    assert.equal(seen.count, 1);
    assert.equal(seen.method, 'GET');
    assert.equal(seen.path, path);
    assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
    assert.deepEqual(output, answer);
  });

  it('keeps fields Twilio adds later and accepts nulls everywhere (the output schema stays open)', async () => {
    const connector = await loadConnector();
    const answer = { ...Object.fromEntries(Object.keys(serviceResource()).map((k) => [k, null])), sid: SERVICE_SID, brand_new_setting: { on: true } };
    expectRequest('GET', path, { status: 200, body: answer });
    assert.deepEqual(await connector.execute('get-service', connection, { serviceSid: SERVICE_SID }), answer);
  });

  it('maps 404 with Twilio code 20404 to not_found, with a remedy and the Twilio code', async () => {
    const connector = await loadConnector();
    expectRequest('GET', path, twilioError(20404, 404, `The requested resource /Services/${SERVICE_SID} was not found`));
    const result = await connector.execute('get-service', connection, { serviceSid: SERVICE_SID }, { onError: 'output' });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'not_found');
      assert.equal(result.error.status, 404);
      assert.equal(result.error.twilioCode, 20404);
      assert.equal(result.error.retryable, false);
      assert.ok(result.error.remedy);
    }
  });

  it('retries a 503 (a read is idempotent) and returns the service from the second attempt', async () => {
    const connector = await loadConnector();
    const first = expectRequest('GET', path, twilioError(20503, 503, 'Service Unavailable'));
    const second = expectRequest('GET', path, { status: 200, body: serviceResource() });
    const output = await connector.execute('get-service', connection, { serviceSid: SERVICE_SID }, { retry: FAST_RETRY });
    assert.equal(first.count, 1);
    assert.equal(second.count, 1);
    assert.deepEqual(output, serviceResource());
  });

  it('refuses an answer that is not a JSON object as invalid_response', async () => {
    const connector = await loadConnector();
    expectRequest('GET', path, { status: 200, body: '<html>maintenance</html>', headers: { 'content-type': 'text/html' } });
    await assert.rejects(connector.execute('get-service', connection, { serviceSid: SERVICE_SID }), { code: 'invalid_response' });
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['a missing service SID', {}, '/serviceSid'],
    ['a verification SID where the service SID belongs', { serviceSid: 'VEbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' }, '/serviceSid'],
    ['a service SID with a path in it', { serviceSid: `${SERVICE_SID}/Verifications` }, '/serviceSid'],
    ['a field the module does not have', { serviceSid: SERVICE_SID, friendlyName: 'Acme' }, '/friendlyName'],
  ];
  for (const [what, input, pointer] of invalid) {
    it(`refuses ${what} with a pointer to ${pointer} and sends nothing`, async () => {
      const connector = await loadConnector();
      await assertInvalidInput(connector.execute('get-service', connection, input), pointer);
    });
  }
});
