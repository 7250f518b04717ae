/**
 * The entity, factor and challenge modules against the real emulator: each request as the connector builds it
 * (prepareRequest, the same builder execute uses), then executed through the runtime and the twilio client, the
 * output validated by the runtime. Codes come from otpauth, an independent TOTP library, reading binding.uri.
 */
import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Harness, type Json, harnessWithService } from './helpers.js';

const IDENTITY = 'ff483d1ff591898a9942916050d2ca3f';

describe('emulator × modules: entities, TOTP factors and challenges', () => {
  let h: Harness;
  let serviceSid: string;
  openForEachTest(harnessWithService, (opened) => ({ h, serviceSid } = opened));

  const user = (extra: Json = {}): Json => ({ serviceSid, identity: IDENTITY, ...extra });
  const app = (factor: Json): OTPAuth.TOTP => OTPAuth.URI.parse(factor.binding.uri) as OTPAuth.TOTP;
  const code = (totp: OTPAuth.TOTP, steps = 0): string => totp.generate({ timestamp: h.emu.clock.now() + steps * totp.period * 1000 });
  /** A code of the same length that is certainly not accepted (no step within the skew makes it). */
  const wrongCode = (totp: OTPAuth.TOTP): string => {
    const near = new Set([-1, 0, 1].map((s) => code(totp, s)));
    for (let n = 0; ; n++) {
      const candidate = String(n).padStart(totp.digits, '0');
      if (!near.has(candidate)) return candidate;
    }
  };

  it('create-entity, get-entity, list-entities, delete-entity', async () => {
    assert.deepEqual(h.connector.prepareRequest('create-entity', user()), { method: 'POST', host: 'verify', path: `/v2/Services/${serviceSid}/Entities`, form: [['Identity', IDENTITY]] });
    const created = await h.run('create-entity', user());
    assert.equal(created.identity, IDENTITY);
    assert.deepEqual(h.connector.prepareRequest('get-entity', user()), { method: 'GET', host: 'verify', path: `/v2/Services/${serviceSid}/Entities/${IDENTITY}` });
    assert.equal((await h.run('get-entity', user())).sid, created.sid);
    assert.deepEqual(h.connector.prepareRequest('list-entities', { serviceSid, pageSize: 1 }), { method: 'GET', host: 'verify', path: `/v2/Services/${serviceSid}/Entities`, query: [['PageSize', '1']] });
    await h.run('create-entity', { serviceSid, identity: 'second-user-0001' });
    assert.deepEqual((await h.run('list-entities', { serviceSid, pageSize: 1 })).entities.map((e: Json) => e.identity), [IDENTITY, 'second-user-0001'], 'pages followed');
    assert.deepEqual(await h.run('delete-entity', user()), { identity: IDENTITY, deleted: true });
    const gone = await h.fails('get-entity', user(), 'not_found');
    assert.equal(gone.twilioCode, 60392);
    assert.match(gone.remedy ?? '', /No entity with this identity/);
  });

  it('create-totp-factor sends FactorType=totp (fixed) with the input, returns binding.uri and binding.secret once; get-factor and list-factors never do', async () => {
    const input = user({ friendlyName: 'ana@example.com', config: { codeLength: 8, alg: 'sha256' }, metadata: { device: 'work phone' } });
    assert.deepEqual(h.connector.prepareRequest('create-totp-factor', input), {
      method: 'POST',
      host: 'verify',
      path: `/v2/Services/${serviceSid}/Entities/${IDENTITY}/Factors`,
      form: [['FactorType', 'totp'], ['FriendlyName', 'ana@example.com'], ['Config.CodeLength', '8'], ['Config.Alg', 'sha256'], ['Metadata', '{"device":"work phone"}']],
    });
    const factor = await h.run('create-totp-factor', input);
    assert.equal(factor.status, 'unverified');
    assert.deepEqual(factor.config, { alg: 'sha256', skew: 1, code_length: 8, time_step: 30 });
    assert.deepEqual(factor.metadata, { device: 'work phone' });
    assert.match(factor.binding.uri, /^otpauth:\/\/totp\/Acme:ana%40example\.com\?secret=[A-Z2-7]{32}&issuer=Acme&algorithm=SHA256&digits=8&period=30$/);
    assert.equal(app(factor).secret.base32, factor.binding.secret);
    const fetched = await h.run('get-factor', user({ factorSid: factor.sid }));
    assert.equal(fetched.sid, factor.sid);
    assert.equal(fetched.binding, undefined);
    const listed = await h.run('list-factors', user());
    assert.deepEqual(listed.factors.map((f: Json) => [f.sid, f.status, f.binding]), [[factor.sid, 'unverified', undefined]]);
  });

  it('verify-totp-factor: a wrong code is an answer (unverified), the right one verifies; each try is sent once', async () => {
    const factor = await h.run('create-totp-factor', user({ friendlyName: 'ana@example.com' }));
    const totp = app(factor);
    const input = user({ factorSid: factor.sid, code: wrongCode(totp) });
    assert.deepEqual(h.connector.prepareRequest('verify-totp-factor', input), { method: 'POST', host: 'verify', path: `/v2/Services/${serviceSid}/Entities/${IDENTITY}/Factors/${factor.sid}`, form: [['AuthPayload', input.code]] });
    const before = h.emu.stats().requests;
    assert.equal((await h.run('verify-totp-factor', input)).status, 'unverified');
    assert.equal((await h.run('verify-totp-factor', user({ factorSid: factor.sid, code: code(totp) }))).status, 'verified');
    assert.equal(h.emu.stats().requests - before, 2);
  });

  it('verify-totp-factor: 5 wrong codes, then max_check_attempts (60310, 429), not retried', async () => {
    const factor = await h.run('create-totp-factor', user({ friendlyName: 'ana@example.com' }));
    const totp = app(factor);
    for (let i = 0; i < 5; i++) await h.run('verify-totp-factor', user({ factorSid: factor.sid, code: wrongCode(totp) }));
    const before = h.emu.stats().requests;
    const error = await h.fails('verify-totp-factor', user({ factorSid: factor.sid, code: code(totp) }), 'max_check_attempts');
    assert.equal(error.twilioCode, 60310);
    assert.equal(error.status, 429);
    assert.equal(error.retryable, false);
    assert.equal(h.emu.stats().requests - before, 1);
    assert.match(error.remedy ?? '', /create a new TOTP factor/);
  });

  it('update-factor renames and changes TOTP settings; delete-factor deletes', async () => {
    const factor = await h.run('create-totp-factor', user({ friendlyName: 'ana@example.com' }));
    const input = user({ factorSid: factor.sid, friendlyName: 'Work phone', config: { timeStep: 60, skew: 0 } });
    assert.deepEqual(h.connector.prepareRequest('update-factor', input).form, [['FriendlyName', 'Work phone'], ['Config.TimeStep', '60'], ['Config.Skew', '0']]);
    const updated = await h.run('update-factor', input);
    assert.equal(updated.friendly_name, 'Work phone');
    assert.deepEqual(updated.config, { alg: 'sha1', skew: 0, code_length: 6, time_step: 60 });
    assert.deepEqual(h.connector.prepareRequest('delete-factor', user({ factorSid: factor.sid })), { method: 'DELETE', host: 'verify', path: `/v2/Services/${serviceSid}/Entities/${IDENTITY}/Factors/${factor.sid}` });
    assert.deepEqual(await h.run('delete-factor', user({ factorSid: factor.sid })), { sid: factor.sid, identity: IDENTITY, deleted: true });
    assert.equal((await h.fails('get-factor', user({ factorSid: factor.sid }), 'not_found')).twilioCode, 60390);
  });

  it('check-totp-code: an unverified factor is refused (60318); then right → approved, wrong → pending (an answer); get-challenge and list-challenges read them', async () => {
    const factor = await h.run('create-totp-factor', user({ friendlyName: 'ana@example.com' }));
    const totp = app(factor);
    const early = await h.fails('check-totp-code', user({ factorSid: factor.sid, code: code(totp) }), 'invalid_parameter');
    assert.equal(early.twilioCode, 60318);
    assert.match(early.remedy ?? '', /Verify a TOTP factor/);
    await h.run('verify-totp-factor', user({ factorSid: factor.sid, code: code(totp) }));
    h.emu.clock.advance(30_000);

    const input = user({ factorSid: factor.sid, code: code(totp), hiddenDetails: { ip: '172.168.1.234' } });
    assert.deepEqual(h.connector.prepareRequest('check-totp-code', input), {
      method: 'POST',
      host: 'verify',
      path: `/v2/Services/${serviceSid}/Entities/${IDENTITY}/Challenges`,
      form: [['FactorSid', factor.sid], ['AuthPayload', input.code], ['HiddenDetails', '{"ip":"172.168.1.234"}']],
    });
    const before = h.emu.stats().requests;
    const approved = await h.run('check-totp-code', input);
    assert.equal(approved.status, 'approved');
    assert.deepEqual(approved.hidden_details, { ip: '172.168.1.234' });
    const pending = await h.run('check-totp-code', user({ factorSid: factor.sid, code: wrongCode(totp) }));
    assert.equal(pending.status, 'pending');
    assert.equal(h.emu.stats().requests - before, 2, 'each check is sent exactly once');

    assert.equal((await h.run('get-challenge', user({ challengeSid: approved.sid }))).status, 'approved');
    assert.deepEqual(h.connector.prepareRequest('list-challenges', user({ factorSid: factor.sid, status: 'pending', order: 'desc' })).query, [['FactorSid', factor.sid], ['Status', 'pending'], ['Order', 'desc']]);
    assert.deepEqual((await h.run('list-challenges', user({ status: 'pending' }))).challenges.map((c: Json) => c.sid), [pending.sid]);
    assert.deepEqual((await h.run('list-challenges', user({ order: 'desc' }))).challenges.map((c: Json) => c.sid), [pending.sid, approved.sid]);
    h.emu.clock.advance(5 * 60_000);
    assert.equal((await h.run('get-challenge', user({ challengeSid: pending.sid }))).status, 'expired');
  });

  it('create-push-challenge and create-notification (need the customer\'s app: the emulator\'s device stand-in plays it)', async () => {
    // A push factor is registered by the phone (the Verify Push SDK): here through make-api-call, as the recipe does.
    const registered = await h.run('make-api-call', {
      url: `/v2/Services/${serviceSid}/Entities/${IDENTITY}/Factors`,
      method: 'POST',
      body: { FriendlyName: "Ana's phone", FactorType: 'push', 'Binding.PublicKey': 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE', 'Config.AppId': 'com.example.myapp', 'Config.NotificationPlatform': 'fcm', 'Config.NotificationToken': 't'.repeat(64), 'Config.SdkVersion': '1.0' },
    });
    const factorSid = registered.body.sid as string;
    h.emu.device.verifyFactor(serviceSid, IDENTITY, factorSid);

    const input = user({ factorSid, details: { message: 'Approve the login to Acme?', fields: [{ label: 'Location', value: 'Madrid' }] }, expirationDate: new Date(h.emu.clock.now() + 10 * 60_000).toISOString() });
    assert.deepEqual(h.connector.prepareRequest('create-push-challenge', input).form, [
      ['FactorSid', factorSid],
      ['Details.Message', 'Approve the login to Acme?'],
      ['Details.Fields', '{"label":"Location","value":"Madrid"}'],
      ['ExpirationDate', input.expirationDate],
    ]);
    const challenge = await h.run('create-push-challenge', input);
    assert.equal(challenge.status, 'pending');
    assert.deepEqual(challenge.details.fields, [{ label: 'Location', value: 'Madrid' }]);
    assert.equal(Date.parse(challenge.expiration_date), Date.parse(input.expirationDate) - (Date.parse(input.expirationDate) % 1000));

    assert.deepEqual(h.connector.prepareRequest('create-notification', user({ challengeSid: challenge.sid, ttl: 60 })), {
      method: 'POST', host: 'verify', path: `/v2/Services/${serviceSid}/Entities/${IDENTITY}/Challenges/${challenge.sid}/Notifications`, form: [['Ttl', '60']],
    });
    const notification = await h.run('create-notification', user({ challengeSid: challenge.sid, ttl: 60 }));
    assert.equal(notification.challenge_sid, challenge.sid);
    assert.equal(notification.ttl, 60);
    h.emu.device.answerChallenge(serviceSid, IDENTITY, challenge.sid, 'approved');
    assert.equal((await h.run('get-challenge', user({ challengeSid: challenge.sid }))).status, 'approved');
    const late = await h.fails('create-notification', user({ challengeSid: challenge.sid }), 'verification_not_pending');
    assert.equal(late.twilioCode, 60322);
  });

  it('bad identities and SIDs are refused by the schema before anything is sent', async () => {
    const before = h.emu.stats().requests;
    for (const [moduleId, input, pointer] of [
      ['create-totp-factor', user({ identity: 'ana@example.com', friendlyName: 'x' }), '/identity'],
      ['get-factor', user({ factorSid: 'YC00000000000000000000000000000000' }), '/factorSid'],
      ['check-totp-code', user({ factorSid: `YF${'0'.repeat(32)}`, code: '12ab56' }), '/code'],
      ['get-challenge', user({ challengeSid: 'nope' }), '/challengeSid'],
    ] as const) {
      const error = await h.fails(moduleId, input, 'invalid_input');
      assert.ok((error.details?.['problems'] as Array<{ pointer: string }>).some((p) => p.pointer === pointer), `${moduleId}: ${JSON.stringify(error.details)}`);
    }
    assert.equal(h.emu.stats().requests, before);
  });
});
