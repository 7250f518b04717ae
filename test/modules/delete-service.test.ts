import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, FAST_RETRY, SERVICE_SID, basicAuth, connection, expectRequest, twilioError, useNock } from '../support/nock.js';
import { assertInvalidInput } from './fixtures/service.js';

describe('module delete-service', () => {
  useNock();
  const path = `/v2/Services/${SERVICE_SID}`;

  it('sends DELETE /v2/Services/{Sid} and turns Twilio\'s empty 204 into { sid, deleted: true }', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('DELETE', path, { status: 204 });
    const output = await connector.execute('delete-service', connection, { serviceSid: SERVICE_SID });
    assert.equal(seen.count, 1);
    assert.equal(seen.method, 'DELETE');
    assert.equal(seen.path, path);
    assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
    assert.deepEqual(output, { sid: SERVICE_SID, deleted: true });
  });

  it('maps a 404 20404 (already deleted, or another account\'s service) to not_found', async () => {
    const connector = await loadConnector();
    expectRequest('DELETE', path, twilioError(20404, 404, 'The requested resource was not found'));
    await assert.rejects(connector.execute('delete-service', connection, { serviceSid: SERVICE_SID }), { code: 'not_found', twilioCode: 20404 });
  });

  it('retries a 503 (deleting twice deletes nothing twice) and succeeds on the second attempt', async () => {
    const connector = await loadConnector();
    const first = expectRequest('DELETE', path, twilioError(20503, 503, 'Service Unavailable'));
    const second = expectRequest('DELETE', path, { status: 204 });
    const output = await connector.execute('delete-service', connection, { serviceSid: SERVICE_SID }, { retry: FAST_RETRY });
    assert.equal(first.count + second.count, 2);
    assert.deepEqual(output, { sid: SERVICE_SID, deleted: true });
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['a missing service SID', {}, '/serviceSid'],
    ['a lower-case va prefix', { serviceSid: 'vaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, '/serviceSid'],
    ['a service SID one character short', { serviceSid: SERVICE_SID.slice(0, -1) }, '/serviceSid'],
    ['a field the module does not have', { serviceSid: SERVICE_SID, force: true }, '/force'],
  ];
  for (const [what, input, pointer] of invalid) {
    it(`refuses ${what} with a pointer to ${pointer} and sends nothing`, async () => {
      const connector = await loadConnector();
      await assertInvalidInput(connector.execute('delete-service', connection, input), pointer);
    });
  }
});
