import assert from 'node:assert/strict';
import { loadConnector, ConnectorError } from '../../connector/index.js';
import { basicAuth, connection, expectRequest, SERVICE_SID, twilioError, useNock, ACCOUNT_SID, AUTH_TOKEN, assertNoSecret } from '../support/nock.js';
import { verificationResource } from './fixtures/resources.js';

describe('module start-verification', () => {
  useNock();
  const path = `/v2/Services/${SERVICE_SID}/Verifications`;

  it('sends To and Channel as a form to the service, signed with Basic auth, and returns the verification', async () => {
    const connector = await loadConnector();
    const answer = verificationResource({ status: 'pending' });
    const seen = expectRequest('POST', path, { status: 201, body: answer });
    const output = await connector.execute('start-verification', connection, { serviceSid: SERVICE_SID, to: '+15017122661', channel: 'sms' });
    assert.equal(seen.method, 'POST');
    assert.equal(seen.path, path);
    assert.deepEqual(seen.form, [['To', '+15017122661'], ['Channel', 'sms']]);
    assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
    assert.equal(seen.headers?.['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(output, answer);
  });

  it('sends every optional field under its Twilio name, maps as JSON strings', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, { status: 201, body: verificationResource({ channel: 'email', to: 'ana@example.com' }) });
    await connector.execute('start-verification', connection, {
      serviceSid: SERVICE_SID,
      to: 'ana@example.com',
      channel: 'email',
      customFriendlyName: 'Acme',
      customMessage: 'Your code',
      sendDigits: '12w#',
      locale: 'pt-BR',
      customCode: '8341',
      amount: '€39.99',
      payee: 'Acme Inc.',
      rateLimits: { end_user_ip_address: '203.0.113.7' },
      channelConfiguration: { from: 'verify@example.com', from_name: 'Acme', substitutions: { name: 'Ana' } },
      appHash: 'He42w354ol9',
      templateSid: 'HJ0123456789abcdef0123456789abcdef',
      templateCustomSubstitutions: { app_name: 'Acme' },
      deviceIp: '203.0.113.7',
      enableSnaClientToken: true,
      riskCheck: 'disable',
      tags: { campaign: 'signup' },
    });
    assert.deepEqual(seen.form, [
      ['To', 'ana@example.com'],
      ['Channel', 'email'],
      ['CustomFriendlyName', 'Acme'],
      ['CustomMessage', 'Your code'],
      ['SendDigits', '12w#'],
      ['Locale', 'pt-BR'],
      ['CustomCode', '8341'],
      ['Amount', '€39.99'],
      ['Payee', 'Acme Inc.'],
      ['RateLimits', '{"end_user_ip_address":"203.0.113.7"}'],
      ['ChannelConfiguration', '{"from":"verify@example.com","from_name":"Acme","substitutions":{"name":"Ana"}}'],
      ['AppHash', 'He42w354ol9'],
      ['TemplateSid', 'HJ0123456789abcdef0123456789abcdef'],
      ['TemplateCustomSubstitutions', '{"app_name":"Acme"}'],
      ['DeviceIp', '203.0.113.7'],
      ['EnableSnaClientToken', 'true'],
      ['RiskCheck', 'disable'],
      ['Tags', '{"campaign":"signup"}'],
    ]);
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['a phone number without +', { to: '15017122661', channel: 'sms' }, '/to'],
    ['an email address for sms', { to: 'ana@example.com', channel: 'sms' }, '/to'],
    ['a phone number for email', { to: '+15017122661', channel: 'email' }, '/to'],
    ['an unknown channel', { to: '+15017122661', channel: 'fax' }, '/channel'],
    ['a custom code of 3 characters', { to: '+15017122661', channel: 'sms', customCode: '123' }, '/customCode'],
    ['eleven tags', { to: '+15017122661', channel: 'sms', tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`t${i}`, 'x'])) }, '/tags'],
    ['a field Twilio does not know', { to: '+15017122661', channel: 'sms', colour: 'red' }, '/colour'],
    ['a missing channel', { to: '+15017122661' }, '/channel'],
  ];
  for (const [what, fields, pointer] of invalid) {
    it(`refuses ${what} with a pointer to ${pointer} and sends nothing`, async () => {
      const connector = await loadConnector();
      await assert.rejects(
        connector.execute('start-verification', connection, { serviceSid: SERVICE_SID, ...fields }),
        (error: ConnectorError) => {
          assert.equal(error.code, 'invalid_input');
          const problems = error.details?.['problems'] as Array<{ pointer: string }>;
          assert.ok(problems.some((p) => p.pointer === pointer), `expected a problem at ${pointer}, got ${JSON.stringify(problems)}`);
          return true;
        },
      );
    });
  }

  it('sends a start exactly once when Twilio answers 500 (Twilio may have sent the code)', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, twilioError(20500, 500, 'Internal Server Error'));
    const result = await connector.execute('start-verification', connection, { serviceSid: SERVICE_SID, to: '+15017122661', channel: 'sms' }, { onError: 'output', retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 10 } });
    assert.equal(seen.count, 1);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'server_error');
      assert.equal(result.error.retryable, false);
      assertNoSecret(result);
    }
  });
});
