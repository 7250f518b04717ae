import assert from 'node:assert/strict';
import { EMULATOR_LIMITS, TEMPLATE_FIXTURES, type Emulator } from '../../emulator/index.js';
import { openForEachTest } from '../support/open-for-tests.js';
import {
  type Client,
  assertMatchesSpec,
  assertTwilioError,
  client,
  createService,
  requestParameters,
  schemaProperties,
  sequenceCodes,
  startTestEmulator,
} from './helpers.js';

const TO = '+15017122661';
const MINUTE = 60_000;
const MD = `MD${'e'.repeat(32)}`;
const MG = `MG${'d'.repeat(32)}`;
/** A template the emulator has (an unknown TemplateSid is 60228). */
const HJ = TEMPLATE_FIXTURES[0]!.sid;

describe('emulator: Verifications (start, fetch, update)', () => {
  let emu: Emulator;
  let api: Client;
  let service: Record<string, any>;
  let base: string;
  openForEachTest(startTestEmulator, async (opened) => {
    emu = opened;
    api = client(emu);
    service = await createService(api, { FriendlyName: 'Acme' });
    base = `/v2/Services/${service.sid}`;
  });

  it('starts an SMS verification: 201, spec verify.v2.service.verification with exactly its properties, code in the outbox', async () => {
    const res = await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms' });
    assert.equal(res.status, 201);
    assertMatchesSpec('CreateVerification', res);
    assert.deepEqual(Object.keys(res.body), schemaProperties('verify.v2.service.verification'));
    assert.match(res.body.sid, /^VE[0-9a-f]{32}$/);
    assert.equal(res.body.service_sid, service.sid);
    assert.equal(res.body.account_sid, emu.accountSid);
    assert.equal(res.body.to, TO);
    assert.equal(res.body.channel, 'sms');
    assert.equal(res.body.status, 'pending');
    assert.equal(res.body.valid, false);
    assert.equal(res.body.url, `${emu.url}${base}/Verifications/${res.body.sid}`);
    assert.equal(res.body.send_code_attempts.length, 1);
    assert.deepEqual(Object.keys(res.body.send_code_attempts[0]).sort(), ['attempt_sid', 'channel', 'time']);
    assert.match(res.body.send_code_attempts[0].attempt_sid, /^VL[0-9a-f]{32}$/);
    assert.equal(res.body.send_code_attempts[0].channel, 'sms');
    const [message, ...rest] = emu.outbox({ to: TO });
    assert.equal(rest.length, 0);
    assert.ok(message);
    assert.match(message.code ?? '', /^\d{6}$/, 'VERIFY-FACTS: default code length 6, numeric');
    assert.equal(message.body, `Your Acme verification code is: ${message.code}`);
    assert.equal(message.channel, 'sms');
    assert.equal(message.to, TO);
    assert.equal(message.at, new Date(emu.clock.now()).toISOString());
  });

  it('uses the service code length and the injected code generator', async () => {
    const det = await startTestEmulator({ codeGenerator: sequenceCodes() });
    try {
      const dapi = client(det);
      const s = await createService(dapi, { CodeLength: 8 });
      await dapi.post(`/v2/Services/${s.sid}/Verifications`, { To: TO, Channel: 'sms' });
      assert.equal(det.outbox()[0]?.code, '12345678');
    } finally {
      await det.close();
    }
    const eight = await createService(api, { CodeLength: 10 });
    await api.post(`/v2/Services/${eight.sid}/Verifications`, { To: TO, Channel: 'call' });
    assert.match(emu.outbox({ to: TO })[0]?.code ?? '', /^\d{10}$/);
  });

  it('re-sends the same code on the same verification while pending and appends to send_code_attempts, a new channel allowed (VERIFY-FACTS)', async () => {
    const first = await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms' });
    emu.clock.advance(30_000);
    const second = await api.post(`${base}/Verifications`, { To: TO, Channel: 'call' });
    assert.equal(second.status, 201);
    assertMatchesSpec('CreateVerification', second);
    assert.equal(second.body.sid, first.body.sid);
    assert.equal(second.body.channel, 'call');
    assert.deepEqual(second.body.send_code_attempts.map((a: { channel: string }) => a.channel), ['sms', 'call']);
    assert.notEqual(second.body.send_code_attempts[0].attempt_sid, second.body.send_code_attempts[1].attempt_sid);
    const sent = emu.outbox({ to: TO });
    assert.equal(sent.length, 2);
    assert.equal(sent[0]?.code, sent[1]?.code, 'same code re-sent');
    assert.equal(sent[1]?.channel, 'call');
  });

  it(`allows ${EMULATOR_LIMITS.MAX_SEND_ATTEMPTS} sends per window; the next is 429 code 60203 (with Retry-After); a new window starts afresh`, async () => {
    for (let i = 0; i < EMULATOR_LIMITS.MAX_SEND_ATTEMPTS; i++) {
      assert.equal((await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms' })).status, 201);
    }
    const limited = await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms' });
    assertTwilioError(limited, 429, 60203);
    assertMatchesSpec('CreateVerification', limited); // the spec documents this operation's 429 body
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal(emu.outbox({ to: TO }).length, EMULATOR_LIMITS.MAX_SEND_ATTEMPTS, 'nothing sent when limited');
    emu.clock.advance(10 * MINUTE);
    const fresh = await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms' });
    assert.equal(fresh.status, 201);
    assert.equal(fresh.body.send_code_attempts.length, 1);
  });

  it('supports the channels sms, call, email (with an email integration), whatsapp (with a sender), sna and auto', async () => {
    const full = await createService(api, { MailerSid: MD, 'Whatsapp.MsgServiceSid': MG });
    const path = `/v2/Services/${full.sid}/Verifications`;
    const cases: Array<[string, string, string]> = [
      ['sms', '+15005550001', 'sms'],
      ['call', '+15005550002', 'call'],
      ['email', 'user@example.com', 'email'],
      ['whatsapp', '+15005550003', 'whatsapp'],
      ['sna', '+15005550004', 'sna'],
      ['auto', '+15005550005', 'sms'],
    ];
    for (const [channel, to, shown] of cases) {
      const res = await api.post(path, { To: to, Channel: channel });
      assert.equal(res.status, 201, `${channel}: ${res.text}`);
      assertMatchesSpec('CreateVerification', res);
      assert.equal(res.body.channel, shown);
      if (channel === 'sna') assert.match(res.body.sna.url, /^http:\/\/127\.0\.0\.1:\d+\/__emulator\/sna\/VE/);
      else assert.equal(res.body.sna, null);
      assert.equal(emu.outbox({ to })[0]?.channel, shown);
    }
  });

  it('rejects a missing or malformed To, and a missing or unknown Channel, with 400 code 60200', async () => {
    const path = `${base}/Verifications`;
    const bad: Array<Record<string, string>> = [
      { Channel: 'sms' },
      { To: TO },
      { To: TO, Channel: 'pigeon' },
      { To: '5017122661', Channel: 'sms' },
      { To: '+0123456', Channel: 'sms' },
      { To: '+1501712266199999', Channel: 'call' },
      { To: 'user@example.com', Channel: 'sms' },
      { To: 'not an email', Channel: 'email' },
      { To: TO, Channel: 'email' },
      { To: 'abc', Channel: 'whatsapp' },
      { To: '+1 501 712 2661', Channel: 'auto' },
    ];
    for (const form of bad) {
      assertTwilioError(await api.post(path, form), 400, 60200);
    }
    assert.equal(emu.outbox().length, 0);
  });

  it('email needs an email integration on the service (400 code 60217); WhatsApp needs a sender (400 code 68008)', async () => {
    assertTwilioError(await api.post(`${base}/Verifications`, { To: 'user@example.com', Channel: 'email' }), 400, 60217);
    assertTwilioError(await api.post(`${base}/Verifications`, { To: TO, Channel: 'whatsapp' }), 400, 68008);
    const withFrom = await createService(api, { 'Whatsapp.From': 'whatsapp:+15005550006' });
    assert.equal((await api.post(`/v2/Services/${withFrom.sid}/Verifications`, { To: TO, Channel: 'whatsapp' })).status, 201);
  });

  it('CustomCode needs custom_code_enabled (403 code 60204); when enabled the custom code is delivered; 4–10 characters (60200)', async () => {
    assertTwilioError(await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms', CustomCode: '4321' }), 403, 60204);
    const custom = await createService(api, { CustomCodeEnabled: true });
    const path = `/v2/Services/${custom.sid}/Verifications`;
    assertTwilioError(await api.post(path, { To: TO, Channel: 'sms', CustomCode: '123' }), 400, 60200);
    assertTwilioError(await api.post(path, { To: TO, Channel: 'sms', CustomCode: '12345678901' }), 400, 60200);
    const res = await api.post(path, { To: TO, Channel: 'sms', CustomCode: 'AB12cd' });
    assert.equal(res.status, 201);
    assert.equal(emu.outbox({ to: TO })[0]?.code, 'AB12cd');
    const check = await api.post(`/v2/Services/${custom.sid}/VerificationCheck`, { To: TO, Code: 'AB12cd' });
    assert.equal(check.body.status, 'approved');
  });

  it('PSD2 services need Amount and Payee on start (400 code 60206) and echo them', async () => {
    const psd2 = await createService(api, { Psd2Enabled: true });
    const path = `/v2/Services/${psd2.sid}/Verifications`;
    assertTwilioError(await api.post(path, { To: TO, Channel: 'sms' }), 400, 60206);
    assertTwilioError(await api.post(path, { To: TO, Channel: 'sms', Amount: '€39.99' }), 400, 60206);
    assertTwilioError(await api.post(path, { To: TO, Channel: 'sms', Payee: 'Acme Inc.' }), 400, 60206);
    const res = await api.post(path, { To: TO, Channel: 'sms', Amount: '€39.99', Payee: 'Acme Inc.' });
    assert.equal(res.status, 201);
    assertMatchesSpec('CreateVerification', res);
    assert.equal(res.body.amount, '€39.99');
    assert.equal(res.body.payee, 'Acme Inc.');
  });

  it('accepts every CreateVerification parameter of the spec; JSON-string parameters must hold JSON objects (60200)', async () => {
    const form = {
      To: TO,
      Channel: 'sms',
      CustomFriendlyName: 'Shop',
      CustomMessage: 'deprecated',
      SendDigits: 'ww1',
      Locale: 'en',
      CustomCode: '9876',
      Amount: '1.00',
      Payee: 'Shop',
      RateLimits: JSON.stringify({ my_key: 'abc' }),
      ChannelConfiguration: JSON.stringify({ from: 'a@b.co', from_name: 'B', template_id: 'd-1', substitutions: { x: 1 } }),
      AppHash: 'AAAAAAAAAAA',
      TemplateSid: HJ,
      TemplateCustomSubstitutions: JSON.stringify({ AppName: 'MyApp' }),
      DeviceIp: '203.0.113.1',
      EnableSnaClientToken: 'false',
      RiskCheck: 'enable',
      Tags: JSON.stringify({ tenant_id: '12345' }),
    };
    assert.deepEqual(Object.keys(form).sort(), requestParameters('CreateVerification').sort());
    const custom = await createService(api, { CustomCodeEnabled: true, FriendlyName: 'Ignored' });
    const res = await api.post(`/v2/Services/${custom.sid}/Verifications`, form);
    assert.equal(res.status, 201, res.text);
    assertMatchesSpec('CreateVerification', res);
    assert.equal(emu.outbox({ to: TO })[0]?.body, 'Your Shop verification code is: 9876. Do not share this code with anyone.', 'the template is filled in, CustomFriendlyName replacing the service name');
    for (const name of ['RateLimits', 'ChannelConfiguration', 'TemplateCustomSubstitutions', 'Tags']) {
      assertTwilioError(await api.post(`${base}/Verifications`, { To: '+15005550009', Channel: 'sms', [name]: '{not json' }), 400, 60200);
      assertTwilioError(await api.post(`${base}/Verifications`, { To: '+15005550009', Channel: 'sms', [name]: '[1,2]' }), 400, 60200);
    }
    assertTwilioError(await api.post(`${base}/Verifications`, { To: '+15005550009', Channel: 'sms', RiskCheck: 'maybe' }), 400, 60200);
  });

  it('appends the do-not-share warning to SMS when the service enables it', async () => {
    const warn = await createService(api, { DoNotShareWarningEnabled: true });
    await api.post(`/v2/Services/${warn.sid}/Verifications`, { To: TO, Channel: 'sms' });
    assert.match(emu.outbox({ to: TO })[0]?.body ?? '', /^Your Test App verification code is: \d{6}\. Don't share this code/);
  });

  it('unknown service → 404 code 20404 for every Verify operation', async () => {
    const ghost = `/v2/Services/VA${'9'.repeat(32)}`;
    assertTwilioError(await api.post(`${ghost}/Verifications`, { To: TO, Channel: 'sms' }), 404, 20404);
    assertTwilioError(await api.get(`${ghost}/Verifications/VE${'1'.repeat(32)}`), 404, 20404);
    assertTwilioError(await api.post(`${ghost}/Verifications/VE${'1'.repeat(32)}`, { Status: 'canceled' }), 404, 20404);
    assertTwilioError(await api.post(`${ghost}/VerificationCheck`, { To: TO, Code: '123456' }), 404, 20404);
  });

  it('fetches by SID and by To (FetchVerification 200); unknown → 404 20404', async () => {
    const started = await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms' });
    const bySid = await api.get(`${base}/Verifications/${started.body.sid}`);
    assert.equal(bySid.status, 200);
    assertMatchesSpec('FetchVerification', bySid);
    assert.deepEqual(bySid.body, started.body);
    const byTo = await api.get(`${base}/Verifications/${encodeURIComponent(TO)}`);
    assert.equal(byTo.status, 200);
    assert.equal(byTo.body.sid, started.body.sid);
    assertTwilioError(await api.get(`${base}/Verifications/VE${'0'.repeat(32)}`), 404, 20404);
    assertTwilioError(await api.get(`${base}/Verifications/${encodeURIComponent('+15005550000')}`), 404, 20404);
    // A verification of another service is not visible through this one.
    const other = await createService(api);
    assertTwilioError(await api.get(`/v2/Services/${other.sid}/Verifications/${started.body.sid}`), 404, 20404);
  });

  it('Status=canceled cancels (UpdateVerification 200); later checks and updates are 404 20404', async () => {
    const started = await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms' });
    const res = await api.post(`${base}/Verifications/${started.body.sid}`, { Status: 'canceled' });
    assert.equal(res.status, 200);
    assertMatchesSpec('UpdateVerification', res);
    assert.equal(res.body.status, 'canceled');
    assert.equal(res.body.valid, false);
    const code = emu.outbox({ to: TO })[0]?.code ?? '';
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { To: TO, Code: code }), 404, 20404);
    assertTwilioError(await api.post(`${base}/Verifications/${started.body.sid}`, { Status: 'canceled' }), 404, 20404);
    // After a cancel, starting again makes a new verification.
    const again = await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms' });
    assert.notEqual(again.body.sid, started.body.sid);
  });

  it('Status=approved is allowed only for CustomCode verifications (60200 otherwise); other Status values are 60200', async () => {
    const started = await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms' });
    assertTwilioError(await api.post(`${base}/Verifications/${started.body.sid}`, { Status: 'approved' }), 400, 60200);
    assertTwilioError(await api.post(`${base}/Verifications/${started.body.sid}`, { Status: 'pending' }), 400, 60200);
    assertTwilioError(await api.post(`${base}/Verifications/${started.body.sid}`, {}), 400, 60200);
    const custom = await createService(api, { CustomCodeEnabled: true });
    const v = await api.post(`/v2/Services/${custom.sid}/Verifications`, { To: TO, Channel: 'sms', CustomCode: '5555' });
    const approved = await api.post(`/v2/Services/${custom.sid}/Verifications/${encodeURIComponent(TO)}`, { Status: 'approved' });
    assert.equal(approved.status, 200);
    assertMatchesSpec('UpdateVerification', approved);
    assert.equal(approved.body.sid, v.body.sid);
    assert.equal(approved.body.status, 'approved');
    assert.equal(approved.body.valid, true);
  });

  it('deleting a service removes its verifications', async () => {
    await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms' });
    assert.equal(emu.stats().verifications, 1);
    await api.del(base);
    assert.equal(emu.stats().verifications, 0);
  });
});

describe('emulator: VerificationCheck', () => {
  let emu: Emulator;
  let api: Client;
  let base: string;
  const start = async (to = TO, extra: Record<string, string> = {}) => {
    const res = await api.post(`${base}/Verifications`, { To: to, Channel: 'sms', ...extra });
    assert.equal(res.status, 201, res.text);
    return { sid: res.body.sid as string, code: emu.outbox({ to }).at(-1)?.code ?? '' };
  };
  const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

  openForEachTest(startTestEmulator, async (opened) => {
    emu = opened;
    api = client(emu);
    base = `/v2/Services/${(await createService(api)).sid}`;
  });

  it('a wrong code → 200 status pending, valid false; the right code → approved, valid true (CreateVerificationCheck 200, exact properties)', async () => {
    const { sid, code } = await start();
    const bad = await api.post(`${base}/VerificationCheck`, { To: TO, Code: wrong(code) });
    assert.equal(bad.status, 200);
    assertMatchesSpec('CreateVerificationCheck', bad);
    assert.deepEqual(Object.keys(bad.body), schemaProperties('verify.v2.service.verification_check'));
    assert.equal(bad.body.status, 'pending');
    assert.equal(bad.body.valid, false);
    assert.equal(bad.body.sid, sid);
    const good = await api.post(`${base}/VerificationCheck`, { To: TO, Code: code });
    assert.equal(good.status, 200);
    assertMatchesSpec('CreateVerificationCheck', good);
    assert.equal(good.body.status, 'approved');
    assert.equal(good.body.valid, true);
    const fetched = await api.get(`${base}/Verifications/${sid}`);
    assert.equal(fetched.body.status, 'approved');
    assert.equal(fetched.body.valid, true);
    assertMatchesSpec('FetchVerification', fetched);
  });

  it('checks by VerificationSid; a To that does not match the SID is 404', async () => {
    const { sid, code } = await start();
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { VerificationSid: sid, To: '+15005550000', Code: code }), 404, 20404);
    const res = await api.post(`${base}/VerificationCheck`, { VerificationSid: sid, Code: code });
    assert.equal(res.body.status, 'approved');
  });

  it('after approval a check is 404 code 20404 (VERIFY-FACTS: approved verifications are not found)', async () => {
    const { code } = await start();
    await api.post(`${base}/VerificationCheck`, { To: TO, Code: code });
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { To: TO, Code: code }), 404, 20404);
  });

  it(`${EMULATOR_LIMITS.MAX_CHECK_ATTEMPTS} wrong checks → max_attempts_reached; further checks (even right) → 429 code 60202; after the window → 404 20404`, async () => {
    const { sid, code } = await start();
    for (let i = 1; i <= EMULATOR_LIMITS.MAX_CHECK_ATTEMPTS; i++) {
      const res = await api.post(`${base}/VerificationCheck`, { To: TO, Code: wrong(code) });
      assert.equal(res.status, 200);
      assertMatchesSpec('CreateVerificationCheck', res);
      assert.equal(res.body.status, i < EMULATOR_LIMITS.MAX_CHECK_ATTEMPTS ? 'pending' : 'max_attempts_reached');
      assert.equal(res.body.valid, false);
    }
    const fetched = await api.get(`${base}/Verifications/${sid}`);
    assert.equal(fetched.body.status, 'max_attempts_reached');
    assertMatchesSpec('FetchVerification', fetched);
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { To: TO, Code: code }), 429, 60202);
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { VerificationSid: sid, Code: code }), 429, 60202);
    emu.clock.advance(10 * MINUTE);
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { To: TO, Code: code }), 404, 20404);
  });

  it('a verification past its 10-minute window is expired: fetch shows it (spec-valid), a check is 404 20404', async () => {
    const { sid, code } = await start();
    emu.clock.advance(10 * MINUTE - 1000);
    assert.equal((await api.get(`${base}/Verifications/${sid}`)).body.status, 'pending');
    emu.clock.advance(1000);
    const fetched = await api.get(`${base}/Verifications/${sid}`);
    assert.equal(fetched.status, 200);
    assertMatchesSpec('FetchVerification', fetched);
    assert.equal(fetched.body.status, 'expired');
    assert.equal(fetched.body.valid, false);
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { To: TO, Code: code }), 404, 20404);
    assertTwilioError(await api.post(`${base}/Verifications/${sid}`, { Status: 'canceled' }), 404, 20404);
    // A re-send does not extend the window: a start now makes a new verification.
    const again = await api.post(`${base}/Verifications`, { To: TO, Channel: 'sms' });
    assert.notEqual(again.body.sid, sid);
  });

  it('re-sends do not extend the window', async () => {
    const { sid } = await start();
    emu.clock.advance(9 * MINUTE);
    const resent = await api.post(`${base}/Verifications`, { To: TO, Channel: 'call' });
    assert.equal(resent.body.sid, sid);
    emu.clock.advance(MINUTE);
    assert.equal((await api.get(`${base}/Verifications/${sid}`)).body.status, 'expired');
  });

  it('sweep() forgets finished and expired verifications once their retention ends; memory stays bounded', async () => {
    const a = await start('+15005550001');
    const b = await start('+15005550002');
    await api.post(`${base}/VerificationCheck`, { To: '+15005550002', Code: b.code });
    await start('+15005550003');
    assert.equal(emu.sweep(), 0, 'nothing is old enough yet');
    emu.clock.advance(10 * MINUTE);
    assert.equal(emu.sweep(), 0, 'expired verifications stay readable for a while');
    assert.equal((await api.get(`${base}/Verifications/${a.sid}`)).body.status, 'expired');
    emu.clock.advance(EMULATOR_LIMITS.FINISHED_RETENTION_MS);
    assert.equal(emu.sweep(), 3);
    assert.equal(emu.stats().verifications, 0);
    assertTwilioError(await api.get(`${base}/Verifications/${a.sid}`), 404, 20404);
  });

  it('Code is required (4–10 characters) and so is To or VerificationSid (60200); no attempt is burnt', async () => {
    const { sid, code } = await start();
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { To: TO }), 400, 60200);
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { To: TO, Code: '12' }), 400, 60200);
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { Code: code }), 400, 60200);
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { VerificationSid: 'VE123', Code: code }), 400, 60200);
    for (let i = 0; i < EMULATOR_LIMITS.MAX_CHECK_ATTEMPTS - 1; i++) await api.post(`${base}/VerificationCheck`, { VerificationSid: sid, Code: wrong(code) });
    assert.equal((await api.post(`${base}/VerificationCheck`, { VerificationSid: sid, Code: code })).body.status, 'approved');
  });

  it('a check for a To with no verification is 404 20404', async () => {
    assertTwilioError(await api.post(`${base}/VerificationCheck`, { To: TO, Code: '123456' }), 404, 20404);
  });

  it('PSD2: a check needs Amount and Payee (60206); a different amount or payee does not approve', async () => {
    const psd2 = `/v2/Services/${(await createService(api, { Psd2Enabled: true })).sid}`;
    await api.post(`${psd2}/Verifications`, { To: TO, Channel: 'sms', Amount: '€39.99', Payee: 'Acme Inc.' });
    const code = emu.outbox({ to: TO })[0]?.code ?? '';
    assertTwilioError(await api.post(`${psd2}/VerificationCheck`, { To: TO, Code: code }), 400, 60206);
    const otherAmount = await api.post(`${psd2}/VerificationCheck`, { To: TO, Code: code, Amount: '€1000.00', Payee: 'Acme Inc.' });
    assert.equal(otherAmount.status, 200);
    assert.equal(otherAmount.body.status, 'pending');
    assert.equal(otherAmount.body.valid, false);
    const otherPayee = await api.post(`${psd2}/VerificationCheck`, { To: TO, Code: code, Amount: '€39.99', Payee: 'Mallory' });
    assert.equal(otherPayee.body.status, 'pending');
    const good = await api.post(`${psd2}/VerificationCheck`, { To: TO, Code: code, Amount: '€39.99', Payee: 'Acme Inc.' });
    assert.equal(good.body.status, 'approved');
    assert.equal(good.body.amount, '€39.99');
    assert.equal(good.body.payee, 'Acme Inc.');
    assertMatchesSpec('CreateVerificationCheck', good);
  });
});
