import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, FAST_RETRY, basicAuth, connection, expectRequest, twilioError, useNock } from '../support/nock.js';
import { EVERY_SETTING, EVERY_SETTING_FORM, INVALID_SETTINGS, assertInvalidInput, serviceResource } from './fixtures/service.js';

describe('module create-service', () => {
  useNock();
  const path = '/v2/Services';

  it('sends FriendlyName as a form to POST /v2/Services, signed with Basic auth, and returns the new service', async () => {
    const connector = await loadConnector();
    const answer = serviceResource({ friendly_name: 'Acme' });
    const seen = expectRequest('POST', path, { status: 201, body: answer });
    const output = await connector.execute('create-service', connection, { friendlyName: 'Acme' });
    assert.equal(seen.count, 1);
    assert.equal(seen.method, 'POST');
    assert.equal(seen.path, path);
    assert.deepEqual(seen.form, [['FriendlyName', 'Acme']]);
    assert.equal(seen.headers?.['authorization'], basicAuth(ACCOUNT_SID, AUTH_TOKEN));
    assert.equal(seen.headers?.['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(output, answer);
  });

  it('sends every CreateService setting under its Twilio name, nested ones dotted (Push., Totp., Whatsapp., Passkeys.RelyingParty.), booleans as true/false', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, { status: 201, body: serviceResource({ friendly_name: 'Acme payments' }) });
    await connector.execute('create-service', connection, EVERY_SETTING);
    assert.deepEqual(seen.form, EVERY_SETTING_FORM);
  });

  it('sends only the nested settings given, in the schema\'s order whatever the input\'s order', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, { status: 201, body: serviceResource() });
    await connector.execute('create-service', connection, { totp: { skew: 0, issuer: 'Acme' }, friendlyName: 'Acme', passkeys: { userVerification: '' } });
    assert.deepEqual(seen.form, [['FriendlyName', 'Acme'], ['Totp.Issuer', 'Acme'], ['Totp.Skew', '0'], ['Passkeys.UserVerification', '']]);
  });

  it('sends every example of modules/create-service.json as it is written', async () => {
    const connector = await loadConnector();
    // Cast: the generated ModuleDefinition type drops the examples' `title` (generate-types strips nested `title` keys).
    const examples = connector.module('create-service').definition.examples as Array<{ title: string; input: Record<string, unknown> }> | undefined;
    assert.ok(examples && examples.length > 0);
    for (const example of examples) {
      const seen = expectRequest('POST', path, { status: 201, body: serviceResource() });
      await connector.execute('create-service', connection, example.input);
      assert.equal(seen.form?.[0]?.[0], 'FriendlyName', example.title);
    }
  });

  it('sends a create exactly once when Twilio answers 503 (a second POST would make a second service)', async () => {
    const connector = await loadConnector();
    const seen = expectRequest('POST', path, twilioError(20503, 503, 'Service Unavailable'));
    const result = await connector.execute('create-service', connection, { friendlyName: 'Acme' }, { onError: 'output', retry: FAST_RETRY });
    assert.equal(seen.count, 1);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, 'server_error');
      assert.equal(result.error.retryable, false, 'the host must not resend it either');
    }
  });

  it('maps Twilio\'s 60200 (e.g. a name with a phone number in it) to invalid_parameter', async () => {
    const connector = await loadConnector();
    expectRequest('POST', path, twilioError(60200, 400, 'Invalid parameter: FriendlyName'));
    await assert.rejects(connector.execute('create-service', connection, { friendlyName: 'Call 5551234' }), { code: 'invalid_parameter', twilioCode: 60200 });
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['a missing name', { codeLength: 6 }, '/friendlyName'],
    ...INVALID_SETTINGS.map(([what, fields, pointer]): [string, Record<string, unknown>, string] => [what, { friendlyName: 'Acme', ...fields }, pointer]),
  ];
  for (const [what, input, pointer] of invalid) {
    it(`refuses ${what} with a pointer to ${pointer} and sends nothing`, async () => {
      const connector = await loadConnector();
      await assertInvalidInput(connector.execute('create-service', connection, input), pointer);
    });
  }

  it('says why a 31-character name is refused in a person\'s words', async () => {
    const connector = await loadConnector();
    const error = await assertInvalidInput(connector.execute('create-service', connection, { friendlyName: 'x'.repeat(31) }), '/friendlyName');
    assert.match(error.message, /at most 30 characters/);
  });
});
