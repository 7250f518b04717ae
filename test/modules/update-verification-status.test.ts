import assert from 'node:assert/strict';
import nock from 'nock';
import { loadConnector, ConnectorError } from '../../connector/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, FAST_RETRY, SERVICE_SID, VERIFICATION_SID, assertNoSecret, basicAuth, connection, expectRequest, twilioError, useNock, trapRequests } from '../support/nock.js';
import { assertMatchesSpec, requestParameters } from '../emulator/helpers.js';
import { verificationResource } from './fixtures/resources.js';

describe('module update-verification-status', () => {
  useNock();
  const path = `/v2/Services/${SERVICE_SID}/Verifications/${VERIFICATION_SID}`;
  const base = { serviceSid: SERVICE_SID, verificationSid: VERIFICATION_SID };

  it('maps every form parameter of the spec\'s UpdateVerification (Status) and its fixture matches the spec', () => {
    assert.deepEqual(requestParameters('UpdateVerification'), ['Status']);
    assertMatchesSpec('UpdateVerification', { status: 200, headers: new Headers(), text: '', body: verificationResource({ status: 'canceled' }) });
  });

  for (const status of ['canceled', 'approved'] as const) {
    it(`sends POST with the form Status=${status} to the verification and returns the updated verification`, async () => {
      const connector = await loadConnector();
      const answer = verificationResource({ status, valid: status === 'approved' });
      const seen = expectRequest('POST', path, { status: 200, body: answer });
      const output = await connector.execute('update-verification-status', connection, { ...base, status });
      assert.equal(seen.count, 1);
      assert.equal(seen.method, 'POST');
      assert.equal(seen.path, path);
      assert.deepEqual(seen.form, [['Status', status]]);
      assert.equal(seen.headers?.['content-type'], 'application/x-www-form-urlencoded');
      assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
      assert.deepEqual(output, answer);
    });
  }

  it('20404 (already approved, canceled, expired or out of attempts): verification_not_pending, explained, sent once', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, twilioError(20404, 404, `The requested resource ${path} was not found`));
    const result = await connector.execute('update-verification-status', connection, { ...base, status: 'canceled' }, { onError: 'output', retry: FAST_RETRY });
    assert.equal(seen.count, 1);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'verification_not_pending');
      assert.equal(result.error.twilioCode, 20404);
      assert.match(result.error.remedy ?? '', /approved, canceled, expired/);
      assert.match(result.error.remedy ?? '', /Start a new verification/);
      assertNoSecret(result);
    }
  });

  it('is idempotent (the same status twice changes nothing twice): a 500 is retried and the second answer returned', async () => {
    const connector = await loadConnector();
    const failed = expectRequest('POST', path, twilioError(20500, 500, 'Internal Server Error'));
    const answered = expectRequest('POST', path, { status: 200, body: verificationResource({ status: 'canceled' }) });
    const output = await connector.execute('update-verification-status', connection, { ...base, status: 'canceled' }, { retry: FAST_RETRY });
    assert.equal(failed.count, 1);
    assert.equal(answered.count, 1);
    assert.deepEqual(answered.form, [['Status', 'canceled']]);
    assert.equal((output as { status: string }).status, 'canceled');
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['a status Twilio does not accept (pending)', { ...base, status: 'pending' }, '/status'],
    ['a status in the wrong case', { ...base, status: 'Approved' }, '/status'],
    ['a missing status', { ...base }, '/status'],
    ['a missing verification SID', { serviceSid: SERVICE_SID, status: 'canceled' }, '/verificationSid'],
    ['a verification SID that is not VE…', { serviceSid: SERVICE_SID, verificationSid: 'VE123', status: 'canceled' }, '/verificationSid'],
    ['a field the module does not know', { ...base, status: 'canceled', code: '1234' }, '/code'],
  ];
  for (const [what, fields, pointer] of invalid) {
    it(`refuses ${what} with invalid_input at ${pointer} and sends nothing`, async () => {
      const connector = await loadConnector();
      const trap = trapRequests();
      await assert.rejects(connector.execute('update-verification-status', connection, fields), (error: ConnectorError) => {
        assert.equal(error.code, 'invalid_input');
        const problems = error.details?.['problems'] as Array<{ pointer: string; message: string }>;
        assert.ok(problems.some((p) => p.pointer === pointer), `expected a problem at ${pointer}, got ${JSON.stringify(problems)}`);
        return true;
      });
      assert.equal(trap.count, 0);
    });
  }

  it('says which statuses Twilio accepts', async () => {
    const connector = await loadConnector();
    await assert.rejects(connector.execute('update-verification-status', connection, { ...base, status: 'expired' }), /must be approved or canceled/);
  });
});
