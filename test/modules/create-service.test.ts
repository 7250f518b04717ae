import assert from 'node:assert/strict';
import { loadConnector } from '../../connector/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, FAST_RETRY, basicAuth, connection, expectRequest, twilioError, useNock } from '../support/nock.js';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { openForEachTest } from '../support/open-for-tests.js';
import {
  CREDENTIAL_SID,
  CREDENTIAL_SID_2,
  EVERY_SETTING,
  EVERY_SETTING_FORM,
  INVALID_SETTINGS,
  MESSAGING_SERVICE_SID,
  TEMPLATE_SID,
  assertInvalidInput,
  serviceResource,
} from './fixtures/service.js';

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

describe('module create-service against the Verify emulator (an independent reading of the same spec)', () => {
  useNock();
  let emu: Emulator;
  openForEachTest(startEmulator, (opened) => {
    emu = opened;
  });

  it('creates a service with every setting, and each one reads back in place through get-service, update-service and list-services', async () => {
    const connector = await loadConnector();
    const local = { accountSid: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url };
    const created = (await connector.execute('create-service', local, EVERY_SETTING)) as Record<string, any>;
    assert.match(created['sid'], /^VA[0-9a-f]{32}$/);
    const fetched = (await connector.execute('get-service', local, { serviceSid: created['sid'] })) as Record<string, any>;
    assert.deepEqual(fetched, created);
    assert.equal(fetched['friendly_name'], 'Acme payments');
    assert.equal(fetched['code_length'], 8);
    assert.equal(fetched['lookup_enabled'], true);
    assert.equal(fetched['skip_sms_to_landlines'], true);
    assert.equal(fetched['tts_name'], 'Polly.Joanna');
    assert.equal(fetched['psd2_enabled'], true);
    assert.equal(fetched['do_not_share_warning_enabled'], true);
    assert.equal(fetched['verify_event_subscription_enabled'], true);
    assert.equal(fetched['default_template_sid'], TEMPLATE_SID);
    assert.deepEqual(fetched['push'], { include_date: false, apn_credential_sid: CREDENTIAL_SID, fcm_credential_sid: CREDENTIAL_SID_2 });
    assert.deepEqual(fetched['totp'], { issuer: 'Acme', time_step: 30, code_length: 6, skew: 2 });
    assert.deepEqual(fetched['whatsapp'], { msg_service_sid: MESSAGING_SERVICE_SID, from: '+15017122661' });
    assert.deepEqual(fetched['passkeys']['relying_party'], { id: 'example.com', name: 'Example App', origins: ['login.example.com', 'www.example.com'] });
    assert.equal(fetched['passkeys']['authenticator_attachment'], 'platform');

    const updated = (await connector.execute('update-service', local, { serviceSid: created['sid'], totp: { skew: 0 }, lookupEnabled: false })) as Record<string, any>;
    assert.deepEqual(updated['totp'], { issuer: 'Acme', time_step: 30, code_length: 6, skew: 0 }, 'settings left out keep their value');
    assert.equal(updated['lookup_enabled'], false);

    const listed = (await connector.execute('list-services', local, {})) as { services: Array<Record<string, unknown>> };
    assert.deepEqual(listed.services.map((s) => s['sid']), [created['sid']]);

    assert.deepEqual(await connector.execute('delete-service', local, { serviceSid: created['sid'] }), { sid: created['sid'], deleted: true });
    await assert.rejects(connector.execute('get-service', local, { serviceSid: created['sid'] }), { code: 'not_found' });
  });
});
