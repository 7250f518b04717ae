import assert from 'node:assert/strict';
import type { Emulator } from '../../emulator/index.js';
import { openForAllTests, openForEachTest } from '../support/open-for-tests.js';
import {
  type Client,
  assertMatchesSpec,
  assertTwilioError,
  basic,
  client,
  createService,
  requestParameters,
  schemaProperties,
  startTestEmulator,
} from './helpers.js';

const CR = `CR${'a'.repeat(32)}`;
const CR2 = `CR${'b'.repeat(32)}`;
const HJ = `HJ${'c'.repeat(32)}`;
const MG = `MG${'d'.repeat(32)}`;
const MD = `MD${'e'.repeat(32)}`;

describe('emulator: Services (POST/GET/DELETE /v2/Services)', () => {
  let emu: Emulator;
  let api: Client;
  openForEachTest(startTestEmulator, (opened) => {
    emu = opened;
    api = client(emu);
  });

  it('creates a service with defaults; the body is the spec verify.v2.service with exactly its properties (CreateService 201)', async () => {
    const res = await api.post('/v2/Services', { FriendlyName: 'My App' });
    assert.equal(res.status, 201);
    assertMatchesSpec('CreateService', res);
    assert.deepEqual(Object.keys(res.body), schemaProperties('verify.v2.service'));
    assert.match(res.body.sid, /^VA[0-9a-f]{32}$/);
    assert.equal(res.body.account_sid, emu.accountSid);
    assert.equal(res.body.friendly_name, 'My App');
    assert.equal(res.body.code_length, 6, 'VERIFY-FACTS: default code length 6');
    assert.equal(res.body.custom_code_enabled, false);
    assert.equal(res.body.psd2_enabled, false);
    assert.deepEqual(res.body.push, { include_date: false, apn_credential_sid: null, fcm_credential_sid: null });
    assert.deepEqual(res.body.whatsapp, { msg_service_sid: null, from: null });
    assert.equal(res.body.url, `${emu.url}/v2/Services/${res.body.sid}`);
    assert.equal(res.body.links.verifications, `${emu.url}/v2/Services/${res.body.sid}/Verifications`);
    assert.equal(res.body.links.verification_checks, `${emu.url}/v2/Services/${res.body.sid}/VerificationCheck`);
    assert.match(res.body.date_created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('stores and echoes every CreateService setting of the spec (flat booleans, Push.*, Totp.*, Whatsapp.*, Passkeys.*)', async () => {
    const form = {
      FriendlyName: 'Every Setting',
      CodeLength: 8,
      LookupEnabled: true,
      SkipSmsToLandlines: true,
      DtmfInputRequired: true,
      TtsName: 'alice',
      Psd2Enabled: true,
      DoNotShareWarningEnabled: true,
      CustomCodeEnabled: true,
      'Push.IncludeDate': true,
      'Push.ApnCredentialSid': CR,
      'Push.FcmCredentialSid': CR2,
      'Totp.Issuer': 'Acme',
      'Totp.TimeStep': 45,
      'Totp.CodeLength': 8,
      'Totp.Skew': 2,
      DefaultTemplateSid: HJ,
      'Whatsapp.MsgServiceSid': MG,
      'Whatsapp.From': 'whatsapp:+15017122661',
      'Passkeys.RelyingParty.Id': 'example.com',
      'Passkeys.RelyingParty.Name': 'Example',
      'Passkeys.RelyingParty.Origins': ['https://example.com', 'https://login.example.com'],
      'Passkeys.AuthenticatorAttachment': 'platform',
      'Passkeys.DiscoverableCredentials': 'preferred',
      'Passkeys.UserVerification': 'required',
      VerifyEventSubscriptionEnabled: true,
    };
    // The test itself must cover the spec's whole request: a new spec parameter fails here.
    assert.deepEqual(Object.keys(form).sort(), requestParameters('CreateService').sort());
    const res = await api.post('/v2/Services', form);
    assert.equal(res.status, 201, res.text);
    assertMatchesSpec('CreateService', res);
    const b = res.body;
    assert.equal(b.code_length, 8);
    for (const flag of ['lookup_enabled', 'skip_sms_to_landlines', 'dtmf_input_required', 'psd2_enabled', 'do_not_share_warning_enabled', 'custom_code_enabled', 'verify_event_subscription_enabled']) {
      assert.equal(b[flag], true, flag);
    }
    assert.equal(b.tts_name, 'alice');
    assert.deepEqual(b.push, { include_date: true, apn_credential_sid: CR, fcm_credential_sid: CR2 });
    assert.deepEqual(b.totp, { issuer: 'Acme', time_step: 45, code_length: 8, skew: 2 });
    assert.equal(b.default_template_sid, HJ);
    assert.deepEqual(b.whatsapp, { msg_service_sid: MG, from: 'whatsapp:+15017122661' });
    assert.deepEqual(b.passkeys, {
      relying_party: { id: 'example.com', name: 'Example', origins: ['https://example.com', 'https://login.example.com'] },
      authenticator_attachment: 'platform',
      discoverable_credentials: 'preferred',
      user_verification: 'required',
    });
    // Fetch returns the same resource.
    const fetched = await api.get(`/v2/Services/${b.sid}`);
    assert.equal(fetched.status, 200);
    assertMatchesSpec('FetchService', fetched);
    assert.deepEqual(fetched.body, b);
  });

  it('accepts the legacy MailerSid (MD…) without adding it to the resource; rejects a malformed one with 60200', async () => {
    const ok = await api.post('/v2/Services', { FriendlyName: 'Mailer', MailerSid: MD });
    assert.equal(ok.status, 201);
    assert.deepEqual(Object.keys(ok.body), schemaProperties('verify.v2.service'));
    assertTwilioError(await api.post('/v2/Services', { FriendlyName: 'Mailer', MailerSid: 'MD123' }), 400, 60200);
  });

  it('FriendlyName is required and at most 30 characters (60200)', async () => {
    assertTwilioError(await api.post('/v2/Services', {}), 400, 60200);
    assertTwilioError(await api.post('/v2/Services', { FriendlyName: '' }), 400, 60200);
    assertTwilioError(await api.post('/v2/Services', { FriendlyName: 'x'.repeat(31) }), 400, 60200);
    const ok = await api.post('/v2/Services', { FriendlyName: 'x'.repeat(30) });
    assert.equal(ok.status, 201);
  });

  it('CodeLength must be an integer from 4 to 10 (60200)', async () => {
    for (const bad of ['3', '11', 'six', '5.5', '']) {
      assertTwilioError(await api.post('/v2/Services', { FriendlyName: 'A', CodeLength: bad }), 400, 60200);
    }
    for (const good of [4, 10]) {
      const res = await api.post('/v2/Services', { FriendlyName: 'A', CodeLength: good });
      assert.equal(res.body.code_length, good);
    }
  });

  it('rejects bad booleans, out-of-range TOTP settings and malformed SIDs with 60200', async () => {
    const cases: Array<Record<string, string>> = [
      { LookupEnabled: 'yes' },
      { 'Totp.TimeStep': '19' },
      { 'Totp.TimeStep': '61' },
      { 'Totp.CodeLength': '2' },
      { 'Totp.CodeLength': '9' },
      { 'Totp.Skew': '3' },
      { 'Push.ApnCredentialSid': 'CR1' },
      { DefaultTemplateSid: MG },
      { 'Whatsapp.MsgServiceSid': HJ },
    ];
    for (const extra of cases) {
      assertTwilioError(await api.post('/v2/Services', { FriendlyName: 'A', ...extra }), 400, 60200);
    }
    assert.equal(emu.stats().services, 0, 'nothing is stored when validation fails');
  });

  it('accepts a JSON body when Content-Type is application/json', async () => {
    const res = await api.postJson('/v2/Services', { FriendlyName: 'Json App', CodeLength: 5, CustomCodeEnabled: true });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.friendly_name, 'Json App');
    assert.equal(res.body.code_length, 5);
    assert.equal(res.body.custom_code_enabled, true);
  });

  it('fetches (FetchService 200); unknown or malformed SIDs are 404 20404', async () => {
    const s = await createService(api);
    const res = await api.get(`/v2/Services/${s.sid}`);
    assert.equal(res.status, 200);
    assertMatchesSpec('FetchService', res);
    assertTwilioError(await api.get(`/v2/Services/VA${'0'.repeat(32)}`), 404, 20404);
    assertTwilioError(await api.get('/v2/Services/not-a-sid'), 404, 20404);
  });

  it('updates only the settings given (UpdateService 200) and moves date_updated', async () => {
    const s = await createService(api, { CodeLength: 7, 'Totp.Issuer': 'Before' });
    emu.clock.advance(5000);
    const res = await api.post(`/v2/Services/${s.sid}`, { FriendlyName: 'Renamed', CustomCodeEnabled: true, 'Push.IncludeDate': true });
    assert.equal(res.status, 200);
    assertMatchesSpec('UpdateService', res);
    assert.equal(res.body.friendly_name, 'Renamed');
    assert.equal(res.body.custom_code_enabled, true);
    assert.equal(res.body.push.include_date, true);
    assert.equal(res.body.code_length, 7, 'unchanged');
    assert.equal(res.body.totp.issuer, 'Before', 'unchanged');
    assert.equal(res.body.date_created, s.date_created);
    assert.notEqual(res.body.date_updated, s.date_updated);
    assertTwilioError(await api.post(`/v2/Services/${s.sid}`, { CodeLength: 12 }), 400, 60200);
    assertTwilioError(await api.post(`/v2/Services/VA${'1'.repeat(32)}`, { FriendlyName: 'x' }), 404, 20404);
  });

  it('deletes with 204 and an empty body (DeleteService); afterwards the service is 404', async () => {
    const s = await createService(api);
    const res = await api.del(`/v2/Services/${s.sid}`);
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assertMatchesSpec('DeleteService', res);
    assertTwilioError(await api.get(`/v2/Services/${s.sid}`), 404, 20404);
    assertTwilioError(await api.del(`/v2/Services/${s.sid}`), 404, 20404);
  });

  it('lists with Twilio meta (ListService 200), default PageSize 50', async () => {
    for (let i = 0; i < 3; i++) await createService(api, { FriendlyName: `S${i}` });
    const res = await api.get('/v2/Services');
    assert.equal(res.status, 200);
    assertMatchesSpec('ListService', res);
    assert.deepEqual(Object.keys(res.body.meta).sort(), ['first_page_url', 'key', 'next_page_url', 'page', 'page_size', 'previous_page_url', 'url']);
    assert.equal(res.body.meta.key, 'services');
    assert.equal(res.body.meta.page, 0);
    assert.equal(res.body.meta.page_size, 50);
    assert.equal(res.body.meta.next_page_url, null);
    assert.equal(res.body.meta.previous_page_url, null);
    assert.equal(res.body.meta.first_page_url, `${emu.url}/v2/Services?PageSize=50&Page=0`);
    assert.deepEqual(res.body.services.map((s: { friendly_name: string }) => s.friendly_name), ['S0', 'S1', 'S2']);
  });

  it('pages: next_page_url is absolute on the emulator and following it returns every service once', async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await createService(api, { FriendlyName: `P${i}` })).sid);
    const seen: string[] = [];
    let url: string | null = `${emu.url}/v2/Services?PageSize=3`;
    let pages = 0;
    let previous: string | null = null;
    while (url) {
      assert.ok(url.startsWith(`${emu.url}/v2/Services?`), url);
      const res = await api.call('GET', url.slice(emu.url.length));
      assert.equal(res.status, 200);
      assertMatchesSpec('ListService', res);
      assert.equal(res.body.meta.page, pages);
      assert.equal(res.body.meta.page_size, 3);
      if (pages > 0) previous = res.body.meta.previous_page_url;
      seen.push(...res.body.services.map((s: { sid: string }) => s.sid));
      url = res.body.meta.next_page_url;
      pages++;
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, created);
    // previous_page_url of the last page leads back to the page before it.
    assert.ok(previous);
    const back = await api.call('GET', previous.slice(emu.url.length));
    assert.deepEqual(back.body.services.map((s: { sid: string }) => s.sid), created.slice(3, 6));
    // Page alone (no token) also works.
    const page2 = await api.get('/v2/Services', { PageSize: 3, Page: 2 });
    assert.deepEqual(page2.body.services.map((s: { sid: string }) => s.sid), created.slice(6));
  });

  it('PageSize must be 1–1000 (60200)', async () => {
    assertTwilioError(await api.get('/v2/Services', { PageSize: 0 }), 400, 60200);
    assertTwilioError(await api.get('/v2/Services', { PageSize: 1001 }), 400, 60200);
    assert.equal((await api.get('/v2/Services', { PageSize: 1000 })).status, 200);
  });
});

describe('emulator: Basic auth', () => {
  let emu: Emulator;
  openForAllTests(startTestEmulator, (opened) => {
    emu = opened;
  });

  it('generates random credentials per start (AC/SK + 32 hex, tokens 32 hex)', async () => {
    assert.match(emu.accountSid, /^AC[0-9a-f]{32}$/);
    assert.match(emu.apiKeySid, /^SK[0-9a-f]{32}$/);
    assert.match(emu.authToken, /^[0-9a-f]{32}$/);
    assert.match(emu.apiKeySecret, /^[0-9a-f]{32}$/);
    const other = await startTestEmulator();
    try {
      assert.notEqual(other.accountSid, emu.accountSid);
      assert.notEqual(other.authToken, emu.authToken);
    } finally {
      await other.close();
    }
  });

  it('accepts the given credentials', async () => {
    const given = await startTestEmulator({ accountSid: `AC${'1'.repeat(32)}`, authToken: 't'.repeat(32), apiKeySid: `SK${'2'.repeat(32)}`, apiKeySecret: 's'.repeat(32) });
    try {
      assert.equal(given.accountSid, `AC${'1'.repeat(32)}`);
      assert.equal((await client(given, basic(`AC${'1'.repeat(32)}`, 't'.repeat(32))).get('/v2/Services')).status, 200);
      assert.equal((await client(given, basic(`SK${'2'.repeat(32)}`, 's'.repeat(32))).get('/v2/Services')).status, 200);
    } finally {
      await given.close();
    }
  });

  it('accepts AccountSid:AuthToken and ApiKeySid:ApiKeySecret', async () => {
    assert.equal((await client(emu).get('/v2/Services')).status, 200);
    assert.equal((await client(emu, basic(emu.apiKeySid, emu.apiKeySecret)).get('/v2/Services')).status, 200);
  });

  it('rejects anything else with 401 code 20003 and never echoes a secret', async () => {
    const attempts = [
      null,
      basic(emu.accountSid, 'wrong'),
      basic(emu.apiKeySid, emu.authToken),
      basic(emu.accountSid, emu.apiKeySecret),
      basic(emu.authToken, emu.accountSid),
      'Bearer abc',
      'Basic !!!notbase64',
      'Basic ' + Buffer.from('no-colon').toString('base64'),
    ];
    for (const authorization of attempts) {
      const res = await client(emu, authorization).post('/v2/Services', { FriendlyName: 'x' });
      assertTwilioError(res, 401, 20003);
      assert.ok(!res.text.includes(emu.authToken) && !res.text.includes(emu.apiKeySecret));
      assert.equal(res.headers.get('www-authenticate'), 'Basic realm="Twilio API"');
    }
  });
});
