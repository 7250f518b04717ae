/**
 * The emulator's entities, factors and challenges over real HTTP (VERIFY-BEYOND.md), every body checked against the
 * official spec's response schema; codes computed by otpauth, an independent TOTP library, on the emulator's clock.
 */
import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import type { Emulator } from '../../emulator/index.js';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Client, assertMatchesSpec, assertTwilioError, createService, startWithService } from './helpers.js';

const IDENTITY = 'ff483d1ff591898a9942916050d2ca3f';

describe('emulator: entities, TOTP factors and challenges', () => {
  let emu: Emulator;
  let api: Client;
  let serviceSid: string;
  let entityPath: string;
  openForEachTest(() => startWithService({}, { FriendlyName: 'Acme' }), (opened) => {
    ({ emu, api, serviceSid } = opened);
    entityPath = `/v2/Services/${serviceSid}/Entities/${IDENTITY}`;
  });

  /** Enrols a TOTP factor; returns its SID and an authenticator made from the binding it returned. */
  async function enrol(form: Record<string, string | number> = {}): Promise<{ sid: string; app: OTPAuth.TOTP; body: any }> {
    const res = await api.post(`${entityPath}/Factors`, { FriendlyName: 'ana@example.com', FactorType: 'totp', ...form });
    assertMatchesSpec('CreateNewFactor', res);
    assert.equal(res.status, 201, res.text);
    return { sid: res.body.sid, app: OTPAuth.URI.parse(res.body.binding.uri) as OTPAuth.TOTP, body: res.body };
  }
  const codeNow = (app: OTPAuth.TOTP, offsetSteps = 0): string => app.generate({ timestamp: emu.clock.now() + offsetSteps * app.period * 1000 });
  async function enrolVerified(form: Record<string, string | number> = {}): Promise<{ sid: string; app: OTPAuth.TOTP }> {
    const factor = await enrol(form);
    const res = await api.post(`${entityPath}/Factors/${factor.sid}`, { AuthPayload: codeNow(factor.app) });
    assert.equal(res.body.status, 'verified', res.text);
    return factor;
  }

  describe('entities', () => {
    it('CreateEntity 201, FetchEntity, ListEntity, DeleteEntity 204 then 60392', async () => {
      const created = await api.post(`/v2/Services/${serviceSid}/Entities`, { Identity: IDENTITY });
      assertMatchesSpec('CreateEntity', created);
      assert.equal(created.status, 201);
      assert.match(created.body.sid, /^YE[0-9a-f]{32}$/);
      assert.equal(created.body.identity, IDENTITY);
      assert.equal(created.body.url, `${emu.url}${entityPath}`);
      const fetched = await api.get(entityPath);
      assertMatchesSpec('FetchEntity', fetched);
      assert.equal(fetched.body.sid, created.body.sid);
      const list = await api.get(`/v2/Services/${serviceSid}/Entities`);
      assertMatchesSpec('ListEntity', list);
      assert.deepEqual(list.body.entities.map((e: any) => e.identity), [IDENTITY]);
      const deleted = await api.del(entityPath);
      assertMatchesSpec('DeleteEntity', deleted);
      assert.equal(deleted.status, 204);
      assertTwilioError(await api.get(entityPath), 404, 60392);
    });

    it('VERIFY-BEYOND: an identity must be 8–64 dash-separated alphanumerics (60366); a second one of the same is 60301 (409)', async () => {
      for (const bad of ['short', 'a'.repeat(65), 'has space here', 'ana@example.com', 'double--dash', '-leading']) {
        assertTwilioError(await api.post(`/v2/Services/${serviceSid}/Entities`, { Identity: bad }), 400, 60366);
      }
      assertTwilioError(await api.post(`/v2/Services/${serviceSid}/Entities`, {}), 400, 60366);
      await api.post(`/v2/Services/${serviceSid}/Entities`, { Identity: IDENTITY });
      assertTwilioError(await api.post(`/v2/Services/${serviceSid}/Entities`, { Identity: IDENTITY }), 409, 60301);
    });

    it('VERIFY-BEYOND: CreateNewFactor creates the entity on first use; deleting the service deletes its entities', async () => {
      assertTwilioError(await api.get(entityPath), 404, 60392);
      await enrol();
      assert.equal((await api.get(entityPath)).status, 200);
      await api.del(`/v2/Services/${serviceSid}`);
      const again = await createService(api);
      assertTwilioError(await api.get(`/v2/Services/${again.sid}/Entities/${IDENTITY}`), 404, 60392);
    });

    it('pages entities with PageSize and follows next_page_url to the end', async () => {
      for (let i = 0; i < 5; i++) await api.post(`/v2/Services/${serviceSid}/Entities`, { Identity: `user-000${i}-abcd` });
      const seen: string[] = [];
      let url: string | null = `/v2/Services/${serviceSid}/Entities?PageSize=2`;
      while (url) {
        const page = await api.get(url.replace(emu.url, ''));
        assertMatchesSpec('ListEntity', page);
        seen.push(...page.body.entities.map((e: any) => e.identity));
        url = page.body.meta.next_page_url;
      }
      assert.deepEqual(seen, [0, 1, 2, 3, 4].map((i) => `user-000${i}-abcd`));
    });
  });

  describe('TOTP factors', () => {
    it('VERIFY-BEYOND: CreateNewFactor answers 201 unverified with config and a binding (secret + otpauth URI) that only the create returns', async () => {
      const { sid, body } = await enrol();
      assert.match(sid, /^YF[0-9a-f]{32}$/);
      assert.equal(body.status, 'unverified');
      assert.equal(body.factor_type, 'totp');
      assert.deepEqual(body.config, { alg: 'sha1', skew: 1, code_length: 6, time_step: 30 });
      assert.match(body.binding.secret, /^[A-Z2-7]{32}$/);
      assert.equal(body.binding.uri, `otpauth://totp/Acme:ana%40example.com?secret=${body.binding.secret}&issuer=Acme&algorithm=SHA1&digits=6&period=30`);
      const fetched = await api.get(`${entityPath}/Factors/${sid}`);
      assertMatchesSpec('FetchFactor', fetched);
      assert.equal('binding' in fetched.body, false, 'the secret is never returned again');
      const list = await api.get(`${entityPath}/Factors`);
      assertMatchesSpec('ListFactor', list);
      assert.equal(list.body.factors.length, 1);
      assert.equal('binding' in list.body.factors[0], false);
    });

    it('takes the service TOTP settings as defaults (Totp.Issuer, TimeStep, CodeLength, Skew) and Config.* over them', async () => {
      await api.post(`/v2/Services/${serviceSid}`, { 'Totp.Issuer': 'Acme Bank', 'Totp.TimeStep': 60, 'Totp.CodeLength': 8, 'Totp.Skew': 0 });
      const byService = await enrol();
      assert.deepEqual(byService.body.config, { alg: 'sha1', skew: 0, code_length: 8, time_step: 60 });
      assert.match(byService.body.binding.uri, /^otpauth:\/\/totp\/Acme%20Bank:ana%40example\.com\?secret=[A-Z2-7]+&issuer=Acme%20Bank&algorithm=SHA1&digits=8&period=60$/);
      const own = await enrol({ 'Config.Alg': 'sha512', 'Config.CodeLength': 3, 'Config.TimeStep': 20, 'Config.Skew': 2 });
      assert.deepEqual(own.body.config, { alg: 'sha512', skew: 2, code_length: 3, time_step: 20 });
      assert.equal(own.app.algorithm, 'SHA512');
      assert.equal(own.app.digits, 3);
    });

    it('keeps a given Binding.Secret (Base32) and refuses one that is not Base32 or too short (60200)', async () => {
      const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
      assert.equal((await enrol({ 'Binding.Secret': secret })).body.binding.secret, secret);
      assertTwilioError(await api.post(`${entityPath}/Factors`, { FriendlyName: 'x', FactorType: 'totp', 'Binding.Secret': 'not base32!' }), 400, 60200);
      assertTwilioError(await api.post(`${entityPath}/Factors`, { FriendlyName: 'x', FactorType: 'totp', 'Binding.Secret': 'GEZDGNBV' }), 400, 60200);
      for (const [name, value] of [['Config.TimeStep', 19], ['Config.TimeStep', 61], ['Config.CodeLength', 2], ['Config.CodeLength', 9], ['Config.Skew', 3], ['Config.Alg', 'md5']] as const) {
        assertTwilioError(await api.post(`${entityPath}/Factors`, { FriendlyName: 'x', FactorType: 'totp', [name]: value }), 400, 60200);
      }
      assertTwilioError(await api.post(`${entityPath}/Factors`, { FactorType: 'totp' }), 400, 60200);
      assertTwilioError(await api.post(`/v2/Services/${serviceSid}/Entities/bad id/Factors`, { FriendlyName: 'x', FactorType: 'totp' }), 400, 60366);
    });

    it('VERIFY-BEYOND: a wrong first code answers 200 and stays unverified; the right one (from otpauth) verifies', async () => {
      const { sid, app } = await enrol();
      const right = codeNow(app);
      const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
      const first = await api.post(`${entityPath}/Factors/${sid}`, { AuthPayload: wrong });
      assertMatchesSpec('UpdateFactor', first);
      assert.equal(first.status, 200);
      assert.equal(first.body.status, 'unverified');
      const second = await api.post(`${entityPath}/Factors/${sid}`, { AuthPayload: right });
      assertMatchesSpec('UpdateFactor', second);
      assert.equal(second.body.status, 'verified');
      assertTwilioError(await api.post(`${entityPath}/Factors/${sid}`, { AuthPayload: right }), 400, 60383);
    });

    it('accepts the code of the previous and next time step with skew 1, not two steps away', async () => {
      const { sid, app } = await enrol();
      assert.equal((await api.post(`${entityPath}/Factors/${sid}`, { AuthPayload: codeNow(app, 2) })).body.status, 'unverified');
      assert.equal((await api.post(`${entityPath}/Factors/${sid}`, { AuthPayload: codeNow(app, -1) })).body.status, 'verified');
    });

    it('VERIFY-BEYOND: after 5 wrong codes the factor answers 60310 (429), even to the right code', async () => {
      const { sid, app } = await enrol();
      for (let i = 0; i < 5; i++) assert.equal((await api.post(`${entityPath}/Factors/${sid}`, { AuthPayload: '000000' === codeNow(app) ? '111111' : '000000' })).body.status, 'unverified');
      assertTwilioError(await api.post(`${entityPath}/Factors/${sid}`, { AuthPayload: codeNow(app) }), 429, 60310);
    });

    it('VERIFY-BEYOND: an unverified factor is gone after an hour (Twilio: 1–24 h): 60390', async () => {
      const { sid } = await enrol();
      emu.clock.advance(60 * 60 * 1000);
      assertTwilioError(await api.get(`${entityPath}/Factors/${sid}`), 404, 60390);
    });

    it('VERIFY-BEYOND: at most 100 TOTP factors per entity (60315)', async () => {
      for (let i = 0; i < 100; i++) assert.equal((await api.post(`${entityPath}/Factors`, { FriendlyName: `f${i}`, FactorType: 'totp' })).status, 201);
      assertTwilioError(await api.post(`${entityPath}/Factors`, { FriendlyName: 'one more', FactorType: 'totp' }), 400, 60315);
    });

    it('UpdateFactor renames and changes Config.*; DeleteFactor answers 204 and then 60390; a malformed SID is 60362', async () => {
      const { sid } = await enrol();
      const updated = await api.post(`${entityPath}/Factors/${sid}`, { FriendlyName: 'Work phone', 'Config.CodeLength': 8 });
      assertMatchesSpec('UpdateFactor', updated);
      assert.equal(updated.body.friendly_name, 'Work phone');
      assert.equal(updated.body.config.code_length, 8);
      const deleted = await api.del(`${entityPath}/Factors/${sid}`);
      assertMatchesSpec('DeleteFactor', deleted);
      assertTwilioError(await api.get(`${entityPath}/Factors/${sid}`), 404, 60390);
      assertTwilioError(await api.get(`${entityPath}/Factors/YF123`), 400, 60362);
    });
  });

  describe('challenges', () => {
    it('VERIFY-BEYOND: CreateChallenge with the right code → 201 approved; with a wrong code → 201 pending (an answer, not an error)', async () => {
      const { sid, app } = await enrolVerified();
      emu.clock.advance(30_000);
      const right = await api.post(`${entityPath}/Challenges`, { FactorSid: sid, AuthPayload: codeNow(app) });
      assertMatchesSpec('CreateChallenge', right);
      assert.equal(right.status, 201);
      assert.equal(right.body.status, 'approved');
      assert.equal(right.body.factor_type, 'totp');
      assert.equal(right.body.date_responded, right.body.date_created);
      const wrong = await api.post(`${entityPath}/Challenges`, { FactorSid: sid, AuthPayload: codeNow(app, 3) });
      assertMatchesSpec('CreateChallenge', wrong);
      assert.equal(wrong.body.status, 'pending');
      assert.equal(wrong.body.date_responded, null);
      const fetched = await api.get(`${entityPath}/Challenges/${right.body.sid}`);
      assertMatchesSpec('FetchChallenge', fetched);
      assert.equal(fetched.body.status, 'approved');
    });

    it('VERIFY-BEYOND: a challenge on an unverified factor is 60318 (403); an unknown factor 60390; a malformed one 60362', async () => {
      const { sid } = await enrol();
      assertTwilioError(await api.post(`${entityPath}/Challenges`, { FactorSid: sid, AuthPayload: '123456' }), 403, 60318);
      assertTwilioError(await api.post(`${entityPath}/Challenges`, { FactorSid: `YF${'0'.repeat(32)}`, AuthPayload: '123456' }), 404, 60390);
      assertTwilioError(await api.post(`${entityPath}/Challenges`, { FactorSid: 'nope' }), 400, 60362);
      assertTwilioError(await api.post(`/v2/Services/${serviceSid}/Entities/unknown-user-1/Challenges`, { FactorSid: sid }), 404, 60392);
    });

    it('VERIFY-BEYOND: a pending TOTP challenge takes codes through UpdateChallenge; the 6th try is 60308 (429)', async () => {
      const { sid, app } = await enrolVerified();
      const wrongCode = (): string => (codeNow(app) === '000000' ? '111111' : '000000');
      const created = await api.post(`${entityPath}/Challenges`, { FactorSid: sid, AuthPayload: wrongCode() });
      const path = `${entityPath}/Challenges/${created.body.sid}`;
      for (let i = 0; i < 4; i++) {
        const res = await api.post(path, { AuthPayload: wrongCode() });
        assertMatchesSpec('UpdateChallenge', res);
        assert.equal(res.body.status, 'pending');
      }
      assertTwilioError(await api.post(path, { AuthPayload: codeNow(app) }), 429, 60308);
    });

    it('VERIFY-BEYOND: an answered challenge is 60322, an expired one 60323 (default expiry 5 minutes)', async () => {
      const { sid, app } = await enrolVerified();
      const approved = await api.post(`${entityPath}/Challenges`, { FactorSid: sid, AuthPayload: codeNow(app) });
      assertTwilioError(await api.post(`${entityPath}/Challenges/${approved.body.sid}`, { AuthPayload: codeNow(app) }), 403, 60322);
      const pending = await api.post(`${entityPath}/Challenges`, { FactorSid: sid });
      assert.equal(Date.parse(pending.body.expiration_date) - Date.parse(pending.body.date_created), 5 * 60_000);
      emu.clock.advance(5 * 60_000);
      assert.equal((await api.get(`${entityPath}/Challenges/${pending.body.sid}`)).body.status, 'expired');
      assertTwilioError(await api.post(`${entityPath}/Challenges/${pending.body.sid}`, { AuthPayload: codeNow(app) }), 403, 60323);
    });

    it('ExpirationDate: at most 60 minutes ahead, and in the future (60200)', async () => {
      const { sid } = await enrolVerified();
      const at = (ms: number): string => new Date(emu.clock.now() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
      assert.equal((await api.post(`${entityPath}/Challenges`, { FactorSid: sid, ExpirationDate: at(60 * 60_000) })).body.expiration_date, at(60 * 60_000));
      assertTwilioError(await api.post(`${entityPath}/Challenges`, { FactorSid: sid, ExpirationDate: at(61 * 60_000) }), 400, 60200);
      assertTwilioError(await api.post(`${entityPath}/Challenges`, { FactorSid: sid, ExpirationDate: at(-1000) }), 400, 60200);
      assertTwilioError(await api.post(`${entityPath}/Challenges`, { FactorSid: sid, ExpirationDate: 'tomorrow' }), 400, 60200);
    });

    it('60312: a factor with 6-digit codes takes 50 challenges an hour; one with 4 digits 10 a day', async () => {
      const six = await enrolVerified();
      for (let i = 0; i < 50; i++) assert.equal((await api.post(`${entityPath}/Challenges`, { FactorSid: six.sid })).status, 201);
      assertTwilioError(await api.post(`${entityPath}/Challenges`, { FactorSid: six.sid }), 429, 60312);
      emu.clock.advance(60 * 60_000);
      assert.equal((await api.post(`${entityPath}/Challenges`, { FactorSid: six.sid })).status, 201, 'the hourly window moved on');
      const four = await enrolVerified({ 'Config.CodeLength': 4 });
      for (let i = 0; i < 10; i++) assert.equal((await api.post(`${entityPath}/Challenges`, { FactorSid: four.sid })).status, 201);
      assertTwilioError(await api.post(`${entityPath}/Challenges`, { FactorSid: four.sid }), 429, 60312);
    });

    it('ListChallenge filters by FactorSid and Status and orders asc (default) or desc, keeping the filters on page links', async () => {
      const a = await enrolVerified();
      const b = await enrolVerified();
      const c1 = (await api.post(`${entityPath}/Challenges`, { FactorSid: a.sid, AuthPayload: codeNow(a.app) })).body.sid;
      const c2 = (await api.post(`${entityPath}/Challenges`, { FactorSid: a.sid })).body.sid;
      const c3 = (await api.post(`${entityPath}/Challenges`, { FactorSid: b.sid })).body.sid;
      const list = async (query: Record<string, string | number>): Promise<any> => {
        const res = await api.get(`${entityPath}/Challenges`, query);
        assertMatchesSpec('ListChallenge', res);
        return res.body;
      };
      assert.deepEqual((await list({})).challenges.map((c: any) => c.sid), [c1, c2, c3]);
      assert.deepEqual((await list({ Order: 'desc' })).challenges.map((c: any) => c.sid), [c3, c2, c1]);
      assert.deepEqual((await list({ FactorSid: a.sid })).challenges.map((c: any) => c.sid), [c1, c2]);
      assert.deepEqual((await list({ Status: 'pending' })).challenges.map((c: any) => c.sid), [c2, c3]);
      const paged = await list({ Status: 'pending', PageSize: 1 });
      assert.match(paged.meta.next_page_url, /Status=pending/);
      assertTwilioError(await api.get(`${entityPath}/Challenges`, { Status: 'maybe' }), 400, 60200);
    });
  });

  describe('push factors, challenges and notifications (the device stand-in plays the phone)', () => {
    const pushForm = { FriendlyName: "Ana's phone", FactorType: 'push', 'Binding.Alg': 'ES256', 'Binding.PublicKey': 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE8GdwtibWe0kpgsFl6xPQBwhtwUEyeJkeozFmi2jiJDzxFSMwVy3kVR1h/dPVYOfgkC0EkfBRJ0J/6xW47FD5vA==', 'Config.AppId': 'com.example.myapp', 'Config.NotificationPlatform': 'fcm', 'Config.NotificationToken': 't'.repeat(64), 'Config.SdkVersion': '1.0' };

    it('a push factor is created unverified with its public key, verified by the device, then challenged, notified, approved', async () => {
      const created = await api.post(`${entityPath}/Factors`, pushForm);
      assertMatchesSpec('CreateNewFactor', created);
      assert.deepEqual(created.body.binding, { alg: 'ES256', public_key: pushForm['Binding.PublicKey'] });
      assert.deepEqual(created.body.config, { sdk_version: '1.0', app_id: 'com.example.myapp', notification_platform: 'fcm', notification_token: 't'.repeat(64) });
      assertTwilioError(await api.post(`${entityPath}/Factors/${created.body.sid}`, { AuthPayload: 'signature' }), 403, 60311);
      emu.device.verifyFactor(serviceSid, IDENTITY, created.body.sid);
      const challenge = await api.post(`${entityPath}/Challenges`, { FactorSid: created.body.sid, 'Details.Message': 'Approve the login?', 'Details.Fields': [JSON.stringify({ label: 'Location', value: 'Madrid' })], HiddenDetails: JSON.stringify({ ip: '172.168.1.234' }) });
      assertMatchesSpec('CreateChallenge', challenge);
      assert.equal(challenge.body.status, 'pending');
      assert.deepEqual(challenge.body.details, { message: 'Approve the login?', date: challenge.body.date_created, fields: [{ label: 'Location', value: 'Madrid' }] });
      assert.deepEqual(challenge.body.hidden_details, { ip: '172.168.1.234' });
      const notification = await api.post(`${entityPath}/Challenges/${challenge.body.sid}/Notifications`, { Ttl: 120 });
      assertMatchesSpec('CreateNotification', notification);
      assert.equal(notification.status, 201);
      assert.match(notification.body.sid, /^NT[0-9a-f]{32}$/);
      assert.equal(notification.body.ttl, 120);
      assert.equal(notification.body.priority, 'high');
      emu.device.answerChallenge(serviceSid, IDENTITY, challenge.body.sid, 'approved');
      assert.equal((await api.get(`${entityPath}/Challenges/${challenge.body.sid}`)).body.status, 'approved');
      assertTwilioError(await api.post(`${entityPath}/Challenges/${challenge.body.sid}/Notifications`, {}), 403, 60322);
    });

    it('a push challenge needs Details.Message; notifications are only for push challenges', async () => {
      const created = await api.post(`${entityPath}/Factors`, pushForm);
      emu.device.verifyFactor(serviceSid, IDENTITY, created.body.sid);
      assertTwilioError(await api.post(`${entityPath}/Challenges`, { FactorSid: created.body.sid }), 400, 60200);
      const totp = await enrolVerified();
      const challenge = await api.post(`${entityPath}/Challenges`, { FactorSid: totp.sid });
      assertTwilioError(await api.post(`${entityPath}/Challenges/${challenge.body.sid}/Notifications`, {}), 400, 60200);
    });
  });
});
