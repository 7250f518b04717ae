import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { loadConnector, ConnectorError } from '../../connector/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, FAST_RETRY, SERVICE_SID, VERIFICATION_SID, assertNoSecret, basicAuth, connection, expectRequest, twilioError, useNock, trapRequests } from '../support/nock.js';
import { assertMatchesSpec, requestParameters, schemaProperties } from '../emulator/helpers.js';
import { verificationCheckResource } from './fixtures/resources.js';

function schemaFile(path: string): { properties: Record<string, { 'x-wire'?: unknown; type?: unknown }> } {
  return JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));
}

describe('module check-verification', () => {
  useNock();
  const path = `/v2/Services/${SERVICE_SID}/VerificationCheck`;
  const byPhone = { serviceSid: SERVICE_SID, to: '+15017122661', code: '123456' };

  describe('agrees with the official spec', () => {
    it('the output schema names every property of verify.v2.service.verification_check, each nullable', () => {
      const output = schemaFile('schemas/resources/verification-check.schema.json');
      assert.deepEqual(Object.keys(output.properties).sort(), schemaProperties('verify.v2.service.verification_check').sort());
      for (const [name, property] of Object.entries(output.properties)) assert.ok((property.type as string[]).includes('null'), `${name} must be nullable`);
    });

    it('the input maps every form parameter of CreateVerificationCheck', () => {
      const input = schemaFile('schemas/modules/check-verification.input.schema.json');
      const wireNames = Object.values(input.properties).map((p) => p['x-wire']).filter((w): w is string => typeof w === 'string');
      assert.deepEqual(wireNames.sort(), requestParameters('CreateVerificationCheck').sort());
    });

    it('the fixture, right and wrong code alike, is a CreateVerificationCheck answer as the spec describes it', () => {
      assertMatchesSpec('CreateVerificationCheck', { status: 200, headers: new Headers(), text: '', body: verificationCheckResource() });
      assertMatchesSpec('CreateVerificationCheck', { status: 200, headers: new Headers(), text: '', body: verificationCheckResource({ status: 'pending', valid: false }) });
    });
  });

  it('a right code: sends POST Code and To as a form, signed with Basic auth, and returns status approved, valid true', async () => {
    const connector = await loadConnector();
    const answer = verificationCheckResource();
    const seen = expectRequest('POST', path, { status: 200, body: answer });
    const output = await connector.execute('check-verification', connection, byPhone);
    assert.equal(seen.count, 1);
    assert.equal(seen.method, 'POST');
    assert.equal(seen.path, path);
    assert.deepEqual(seen.form, [['Code', '123456'], ['To', '+15017122661']]);
    assert.equal(seen.headers?.['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
    assert.deepEqual(output, answer);
  });

  it('a wrong code is an answer, not an error: Twilio says 200 with status pending and valid false, and so does the output', async () => {
    const connector = await loadConnector();
    const answer = verificationCheckResource({ status: 'pending', valid: false });
    expectRequest('POST', path, { status: 200, body: answer });
    const result = await connector.execute('check-verification', connection, { ...byPhone, code: '000000' }, { onError: 'output' });
    assert.deepEqual(result, { ok: true, output: answer });
  });

  it('checks by verification SID, with every optional field under its Twilio name in the schema\'s order', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, { status: 200, body: verificationCheckResource({ amount: '€39.99', payee: 'Acme Inc.' }) });
    await connector.execute('check-verification', connection, {
      serviceSid: SERVICE_SID,
      verificationSid: VERIFICATION_SID,
      code: 'AB12cd',
      amount: '€39.99',
      payee: 'Acme Inc.',
      snaClientToken: 'sna-token-1',
    });
    assert.deepEqual(seen.form, [
      ['Code', 'AB12cd'],
      ['VerificationSid', VERIFICATION_SID],
      ['Amount', '€39.99'],
      ['Payee', 'Acme Inc.'],
      ['SnaClientToken', 'sna-token-1'],
    ]);
  });

  it('checks a code sent to an email address', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, { status: 200, body: verificationCheckResource({ to: 'ana@example.com', channel: 'email' }) });
    await connector.execute('check-verification', connection, { serviceSid: SERVICE_SID, to: 'ana@example.com', code: '4821' });
    assert.deepEqual(seen.form, [['Code', '4821'], ['To', 'ana@example.com']]);
  });

  it('20404 (approved, canceled, expired or out of attempts): verification_not_pending whose remedy says so, sent once', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, twilioError(20404, 404, `The requested resource ${path} was not found`));
    const result = await connector.execute('check-verification', connection, byPhone, { onError: 'output', retry: FAST_RETRY });
    assert.equal(seen.count, 1);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'verification_not_pending');
      assert.equal(result.error.status, 404);
      assert.equal(result.error.twilioCode, 20404);
      assert.equal(result.error.retryable, false);
      assert.equal(
        result.error.remedy,
        'This verification is no longer pending: it was approved, canceled, expired after 10 minutes, or ran out of attempts. Start a new verification.',
      );
      assertNoSecret(result);
    }
  });

  it('60202 (HTTP 429, max check attempts): max_check_attempts, sent exactly once (a business limit, never retried)', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, twilioError(60202, 429, 'Max check attempts reached'));
    const result = await connector.execute('check-verification', connection, byPhone, { onError: 'output', retry: FAST_RETRY });
    assert.equal(seen.count, 1);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'max_check_attempts');
      assert.equal(result.error.retryable, false);
      assert.match(result.error.remedy ?? '', /start a new verification/i);
    }
  });

  it('20429 (Twilio did not act): retried, and the second answer returned', async () => {
    const connector = await loadConnector();
    const refused = expectRequest('POST', path, twilioError(20429, 429, 'Too Many Requests'));
    const answered = expectRequest('POST', path, { status: 200, body: verificationCheckResource() });
    const output = await connector.execute('check-verification', connection, byPhone, { retry: FAST_RETRY });
    assert.equal(refused.count, 1);
    assert.equal(answered.count, 1);
    assert.deepEqual(answered.form, [['Code', '123456'], ['To', '+15017122661']]);
    assert.deepEqual(output, verificationCheckResource());
  });

  it('a 500 (Twilio may have used an attempt): sent exactly once and not retryable', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, twilioError(20500, 500, 'Internal Server Error'));
    const result = await connector.execute('check-verification', connection, byPhone, { onError: 'output', retry: FAST_RETRY });
    assert.equal(seen.count, 1);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'server_error');
      assert.equal(result.error.retryable, false);
      assertNoSecret(result);
    }
  });

  const EITHER = /give either to or verificationSid/;
  const invalid: Array<[string, Record<string, unknown>, string, RegExp?]> = [
    ['neither to nor verificationSid', { serviceSid: SERVICE_SID, code: '123456' }, '', EITHER],
    ['both to and verificationSid', { ...byPhone, verificationSid: VERIFICATION_SID }, '', EITHER],
    ['a missing code', { serviceSid: SERVICE_SID, to: '+15017122661' }, '/code'],
    ['a code of 3 characters', { ...byPhone, code: '123' }, '/code', /4 to 10/],
    ['a code of 11 characters', { ...byPhone, code: '12345678901' }, '/code', /4 to 10/],
    ['a code with a space', { ...byPhone, code: '123 456' }, '/code'],
    ['a phone number without +', { ...byPhone, to: '15017122661' }, '/to', /E\.164.*or an email/],
    ['a To that is neither phone nor email', { ...byPhone, to: 'ana' }, '/to', /E\.164.*or an email/],
    ['a verification SID that is not VE…', { serviceSid: SERVICE_SID, code: '123456', verificationSid: 'VAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, '/verificationSid'],
    ['a service SID that is not VA…', { ...byPhone, serviceSid: 'VEbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' }, '/serviceSid'],
    ['a field the module does not know', { ...byPhone, channel: 'sms' }, '/channel'],
  ];
  for (const [what, fields, pointer, message] of invalid) {
    it(`refuses ${what} with invalid_input at "${pointer}" and sends nothing`, async () => {
      const connector = await loadConnector();
      const trap = trapRequests();
      await assert.rejects(connector.execute('check-verification', connection, fields), (error: ConnectorError) => {
        assert.equal(error.code, 'invalid_input');
        const problems = error.details?.['problems'] as Array<{ pointer: string; message: string }>;
        const at = problems.filter((p) => p.pointer === pointer);
        assert.ok(at.length > 0, `expected a problem at "${pointer}", got ${JSON.stringify(problems)}`);
        if (message) assert.ok(at.some((p) => message.test(p.message)), `expected ${message} at "${pointer}", got ${JSON.stringify(problems)}`);
        return true;
      });
      assert.equal(trap.count, 0);
    });
  }
});
