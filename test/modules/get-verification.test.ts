import assert from 'node:assert/strict';
import nock from 'nock';
import { loadConnector, ConnectorError } from '../../connector/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, FAST_RETRY, SERVICE_SID, VERIFICATION_SID, assertNoSecret, basicAuth, connection, expectRequest, twilioError, useNock, trapRequests } from '../support/nock.js';
import { assertMatchesSpec } from '../emulator/helpers.js';
import { verificationResource } from './fixtures/resources.js';

describe('module get-verification', () => {
  useNock();
  const path = `/v2/Services/${SERVICE_SID}/Verifications/${VERIFICATION_SID}`;
  const input = { serviceSid: SERVICE_SID, verificationSid: VERIFICATION_SID };

  it('the fixture is a FetchVerification answer as the spec describes it', () => {
    assertMatchesSpec('FetchVerification', { status: 200, headers: new Headers(), text: '', body: verificationResource() });
  });

  it('sends GET to the verification, with no query and no body, signed with Basic auth, and returns the verification as Twilio sent it', async () => {
    const connector = await loadConnector();
    const answer = verificationResource({ status: 'pending' });
    const seen = expectRequest('GET', path, { status: 200, body: answer });
    const output = await connector.execute('get-verification', connection, input);
    assert.equal(seen.count, 1);
    assert.equal(seen.method, 'GET');
    assert.equal(seen.path, path);
    assert.equal(seen.form, undefined);
    assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
    assert.deepEqual(output, answer);
  });

  it('keeps a field Twilio adds later and accepts nulls (the output is open and nullable)', async () => {
    const connector = await loadConnector();
    const answer = verificationResource({ lookup: null, send_code_attempts: null, risk_score: 7 });
    expectRequest('GET', path, { status: 200, body: answer });
    assert.deepEqual(await connector.execute('get-verification', connection, input), answer);
  });

  it('20404 (approved, canceled, expired or out of attempts): verification_not_pending with a remedy that says so', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('GET', path, twilioError(20404, 404, `The requested resource ${path} was not found`));
    const result = await connector.execute('get-verification', connection, input, { onError: 'output', retry: FAST_RETRY });
    assert.equal(seen.count, 1, 'a 404 is an answer: never re-sent');
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'verification_not_pending');
      assert.equal(result.error.status, 404);
      assert.equal(result.error.twilioCode, 20404);
      assert.equal(result.error.retryable, false);
      assert.match(result.error.remedy ?? '', /approved, canceled, expired/);
      assert.match(result.error.remedy ?? '', /Start a new verification/);
      assertNoSecret(result);
    }
  });

  it('is idempotent: a 500 is retried and the second answer returned', async () => {
    const connector = await loadConnector();
    const failed = expectRequest('GET', path, twilioError(20500, 500, 'Internal Server Error'));
    const answered = expectRequest('GET', path, { status: 200, body: verificationResource() });
    const output = await connector.execute('get-verification', connection, input, { retry: FAST_RETRY });
    assert.equal(failed.count, 1);
    assert.equal(answered.count, 1);
    assert.deepEqual(output, verificationResource());
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['a missing verification SID', { serviceSid: SERVICE_SID }, '/verificationSid'],
    ['a verification SID that is not VE…', { serviceSid: SERVICE_SID, verificationSid: 'VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, '/verificationSid'],
    ['a phone number where the SID belongs', { serviceSid: SERVICE_SID, verificationSid: '+15017122661' }, '/verificationSid'],
    ['a path-traversal SID', { serviceSid: SERVICE_SID, verificationSid: '../../Services' }, '/verificationSid'],
    ['a service SID that is not VA…', { serviceSid: 'VA123', verificationSid: VERIFICATION_SID }, '/serviceSid'],
    ['a field the module does not know', { ...input, status: 'pending' }, '/status'],
  ];
  for (const [what, fields, pointer] of invalid) {
    it(`refuses ${what} with invalid_input at ${pointer} and sends nothing`, async () => {
      const connector = await loadConnector();
      const trap = trapRequests();
      await assert.rejects(connector.execute('get-verification', connection, fields), (error: ConnectorError) => {
        assert.equal(error.code, 'invalid_input');
        const problems = error.details?.['problems'] as Array<{ pointer: string }>;
        assert.ok(problems.some((p) => p.pointer === pointer), `expected a problem at ${pointer}, got ${JSON.stringify(problems)}`);
        return true;
      });
      assert.equal(trap.count, 0);
    });
  }
});
