import assert from 'node:assert/strict';
import { TEMPLATE_FIXTURES, type Emulator } from '../../emulator/index.js';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Client, assertMatchesSpec, assertTwilioError, createService, schemaProperties, sequenceCodes, startWithService } from './helpers.js';

const [DO_NOT_SHARE, VOICE, CUSTOM] = TEMPLATE_FIXTURES;

describe('emulator: message templates (GET /v2/Templates) and TemplateSid on CreateVerification', () => {
  let emu: Emulator;
  let api: Client;
  let serviceSid: string;
  openForEachTest(() => startWithService({ codeGenerator: sequenceCodes() }, { FriendlyName: 'Acme' }), (opened) => ({ emu, api, serviceSid } = opened));

  it('lists the fixtures as the spec verify.v2.verification_template, one with a translation awaiting approval; FriendlyName filters', async () => {
    const res = await api.get('/v2/Templates');
    assertMatchesSpec('ListVerificationTemplate', res);
    assert.equal(res.body.meta.key, 'templates');
    assert.deepEqual(res.body.templates.map((t: { sid: string }) => t.sid), TEMPLATE_FIXTURES.map((t) => t.sid));
    for (const t of res.body.templates) {
      assert.deepEqual(Object.keys(t), schemaProperties('verify.v2.verification_template'));
      assert.equal(t.account_sid, emu.accountSid);
    }
    assert.deepEqual(res.body.templates[2].translations.fr, {
      is_default_translation: false, status: 'pending', locale: 'fr', text: '{{code}} est votre code de connexion Acme.',
      date_updated: '2021-07-29T20:38:28Z', date_created: '2021-07-29T20:38:28Z',
    });
    const named = await api.get('/v2/Templates', { FriendlyName: VOICE!.friendlyName });
    assert.deepEqual(named.body.templates.map((t: { sid: string }) => t.sid), [VOICE!.sid]);
    assert.match(named.body.meta.url, /\?FriendlyName=Base\+Verification\+Template\+3&PageSize=50&Page=0$/);
  });

  it('sends a template\'s approved translation for the Locale (else its default), placeholders filled', async () => {
    const start = (form: Record<string, string>) => api.post(`/v2/Services/${serviceSid}/Verifications`, { To: '+15017122661', Channel: 'sms', ...form });
    assert.equal((await start({ TemplateSid: DO_NOT_SHARE!.sid, Locale: 'es' })).status, 201);
    const [spanish] = emu.outbox({ to: '+15017122661' });
    assert.equal(spanish!.body, `Tu código de verificación de Acme es: ${spanish!.code}. No compartas este código con nadie.`);
    assert.equal((await api.post(`/v2/Services/${serviceSid}/Verifications`, { To: '+15017122662', Channel: 'sms', TemplateSid: CUSTOM!.sid, Locale: 'de' })).status, 201);
    const [fallback] = emu.outbox({ to: '+15017122662' });
    assert.equal(fallback!.body, `${fallback!.code} is your Acme sign-in code.`, 'no German translation: the default one');
  });

  it('refuses a translation that is not approved with 60201 and an unknown template with 60228, sending nothing', async () => {
    const refused = await api.post(`/v2/Services/${serviceSid}/Verifications`, { To: '+15017122661', Channel: 'sms', TemplateSid: CUSTOM!.sid, Locale: 'fr' });
    assertTwilioError(refused, 400, 60201);
    assertTwilioError(await api.post(`/v2/Services/${serviceSid}/Verifications`, { To: '+15017122661', Channel: 'sms', TemplateSid: `HJ${'0'.repeat(32)}` }), 400, 60228);
    assert.deepEqual(emu.outbox(), []);
  });

  it("uses the service's default template when the emulator knows it", async () => {
    const withDefault = (await createService(api, { FriendlyName: 'Beta', DefaultTemplateSid: VOICE!.sid })).sid;
    await api.post(`/v2/Services/${withDefault}/Verifications`, { To: '+15017122661', Channel: 'call' });
    const [call] = emu.outbox();
    assert.equal(call!.body, `Your verification code is: ${call!.code}. Do not share it.`);
  });
});
