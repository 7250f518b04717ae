import assert from 'node:assert/strict';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Harness, type Json, MAILER_SID, TO, WINDOW_MS, harnessWithService, wrong } from './helpers.js';

describe('emulator × modules: verifications (start, get, check, update status)', () => {
  let h: Harness;
  let serviceSid: string;
  openForEachTest(harnessWithService, (opened) => ({ h, serviceSid } = opened));

  const start = (extra: Json = {}) => h.run('start-verification', { serviceSid, to: TO, channel: 'sms', ...extra });

  it('start-verification: pending, valid false, one send attempt, the code in the outbox', async () => {
    const v = await start();
    assert.match(v.sid, /^VE[0-9a-f]{32}$/);
    assert.equal(v.service_sid, serviceSid);
    assert.equal(v.to, TO);
    assert.equal(v.channel, 'sms');
    assert.equal(v.status, 'pending');
    assert.equal(v.valid, false);
    assert.equal(v.send_code_attempts.length, 1);
    const [message, ...rest] = h.emu.outbox({ to: TO });
    assert.equal(rest.length, 0);
    assert.match(message?.code ?? '', /^\d{6}$/);
    assert.equal(message?.body, `Your Acme verification code is: ${message?.code}`);
  });

  it('VERIFY-FACTS: starting again while pending re-sends the same code on the same verification (send_code_attempts grows, channel may change)', async () => {
    const first = await start();
    const again = await start({ channel: 'call' });
    assert.equal(again.sid, first.sid);
    assert.equal(again.channel, 'call');
    assert.equal(again.send_code_attempts.length, 2);
    const codes = h.emu.outbox({ to: TO }).map((m) => m.code);
    assert.equal(codes.length, 2);
    assert.equal(codes[0], codes[1]);
  });

  it('VERIFY-FACTS: the 6th send within the window → max_send_attempts (60203, 429), not retried', async () => {
    for (let i = 0; i < 5; i++) await start();
    const before = h.emu.stats().requests;
    const error = await h.fails('start-verification', { serviceSid, to: TO, channel: 'sms' }, 'max_send_attempts');
    assert.equal(error.twilioCode, 60203);
    assert.equal(error.status, 429);
    assert.equal(error.retryable, false);
    assert.equal(h.emu.stats().requests - before, 1, 'a business limit is never retried');
    assert.equal(h.emu.outbox({ to: TO }).length, 5);
  });

  it('a malformed To is refused by our schema before sending: invalid_input naming /to, zero requests, empty outbox', async () => {
    const error = await h.fails('start-verification', { serviceSid, to: '5017122661', channel: 'sms' }, 'invalid_input');
    assert.match(JSON.stringify(error.details), /\/to/);
    await h.fails('start-verification', { serviceSid, to: 'not-an-email', channel: 'email' }, 'invalid_input');
    assert.deepEqual(h.emu.outbox(), []);
    assert.equal(h.emu.stats().requests, 1, 'only the create-service of the hook reached the emulator');
  });

  it('get-verification: fetches the pending verification by SID', async () => {
    const v = await start();
    const fetched = await h.run('get-verification', { serviceSid, verificationSid: v.sid });
    assert.equal(fetched.sid, v.sid);
    assert.equal(fetched.status, 'pending');
    assert.equal(fetched.send_code_attempts.length, 1);
  });

  it('get-verification: an unknown verification SID → verification_not_pending (20404, with the remedy)', async () => {
    const error = await h.fails('get-verification', { serviceSid, verificationSid: `VE${'0'.repeat(32)}` }, 'verification_not_pending');
    assert.equal(error.twilioCode, 20404);
    assert.match(error.remedy ?? '', /new verification/);
  });

  it('check-verification: wrong code → 200 pending/valid false; right code → approved/valid true (by To)', async () => {
    await start();
    const code = h.lastCode();
    const bad = await h.run('check-verification', { serviceSid, to: TO, code: wrong(code) });
    assert.equal(bad.status, 'pending');
    assert.equal(bad.valid, false);
    const good = await h.run('check-verification', { serviceSid, to: TO, code });
    assert.equal(good.status, 'approved');
    assert.equal(good.valid, true);
    assert.equal(good.to, TO);
  });

  it('check-verification by verification SID approves', async () => {
    const v = await start();
    const good = await h.run('check-verification', { serviceSid, verificationSid: v.sid, code: h.lastCode() });
    assert.equal(good.sid, v.sid);
    assert.equal(good.status, 'approved');
  });

  it('VERIFY-FACTS: a check after approval → verification_not_pending (404, 20404), explained, never retried', async () => {
    await start();
    const code = h.lastCode();
    await h.run('check-verification', { serviceSid, to: TO, code });
    const before = h.emu.stats().requests;
    const error = await h.fails('check-verification', { serviceSid, to: TO, code }, 'verification_not_pending');
    assert.equal(error.status, 404);
    assert.equal(error.twilioCode, 20404);
    assert.match(error.remedy ?? '', /approved/);
    assert.equal(h.emu.stats().requests - before, 1);
  });

  it('VERIFY-FACTS: 5 wrong checks → status max_attempts_reached; the next check → max_check_attempts (60202, 429)', async () => {
    await start();
    const code = h.lastCode();
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await h.run('check-verification', { serviceSid, to: TO, code: wrong(code) })).status);
    assert.deepEqual(statuses, ['pending', 'pending', 'pending', 'pending', 'max_attempts_reached']);
    const error = await h.fails('check-verification', { serviceSid, to: TO, code }, 'max_check_attempts');
    assert.equal(error.twilioCode, 60202);
    assert.equal(error.status, 429);
    assert.equal(error.retryable, false);
  });

  it('update-verification-status: cancel → canceled; the code then no longer works (verification_not_pending); canceling again too', async () => {
    const v = await start();
    const canceled = await h.run('update-verification-status', { serviceSid, verificationSid: v.sid, status: 'canceled' });
    assert.equal(canceled.sid, v.sid);
    assert.equal(canceled.status, 'canceled');
    await h.fails('check-verification', { serviceSid, to: TO, code: h.lastCode() }, 'verification_not_pending');
    await h.fails('update-verification-status', { serviceSid, verificationSid: v.sid, status: 'canceled' }, 'verification_not_pending');
  });

  it('update-verification-status: a status other than approved/canceled is refused by our schema', async () => {
    const v = await start();
    await h.fails('update-verification-status', { serviceSid, verificationSid: v.sid, status: 'pending' }, 'invalid_input');
  });

  it('VERIFY-FACTS: a custom code without CustomCodeEnabled → feature_not_enabled (60204, 403), nothing delivered', async () => {
    const error = await h.fails('start-verification', { serviceSid, to: TO, channel: 'sms', customCode: '4242' }, 'feature_not_enabled');
    assert.equal(error.twilioCode, 60204);
    assert.equal(error.status, 403);
    assert.deepEqual(h.emu.outbox(), []);
  });

  it('custom code with CustomCodeEnabled: the code is the one given; the app approves with update-verification-status', async () => {
    const custom = await h.createService({ friendlyName: 'Custom', customCodeEnabled: true });
    const v = await h.run('start-verification', { serviceSid: custom.sid, to: TO, channel: 'sms', customCode: '4242' });
    assert.equal(h.lastCode(), '4242');
    const approved = await h.run('update-verification-status', { serviceSid: custom.sid, verificationSid: v.sid, status: 'approved' });
    assert.equal(approved.status, 'approved');
  });

  describe('PSD2', () => {
    let psd2Sid: string;
    const payment = { amount: '€39.99', payee: 'Acme Inc.' };
    beforeEach(async () => {
      psd2Sid = (await h.createService({ friendlyName: 'Pay', psd2Enabled: true })).sid;
    });

    it('VERIFY-FACTS: start without amount and payee → psd2_required (60206, 400)', async () => {
      const error = await h.fails('start-verification', { serviceSid: psd2Sid, to: TO, channel: 'sms' }, 'psd2_required');
      assert.equal(error.twilioCode, 60206);
      assert.equal(error.status, 400);
      assert.deepEqual(h.emu.outbox(), []);
    });

    it('a check without amount and payee → psd2_required; with other values it does not approve; with the same it does', async () => {
      const v = await h.run('start-verification', { serviceSid: psd2Sid, to: TO, channel: 'sms', ...payment });
      assert.equal(v.amount, payment.amount);
      assert.equal(v.payee, payment.payee);
      const code = h.lastCode();
      await h.fails('check-verification', { serviceSid: psd2Sid, to: TO, code }, 'psd2_required');
      const other = await h.run('check-verification', { serviceSid: psd2Sid, to: TO, code, amount: '€3999.00', payee: payment.payee });
      assert.equal(other.status, 'pending');
      assert.equal(other.valid, false);
      const same = await h.run('check-verification', { serviceSid: psd2Sid, to: TO, code, ...payment });
      assert.equal(same.status, 'approved');
    });
  });

  it('VERIFY-FACTS: email without an email integration → channel_not_configured (60217); with one (MailerSid) the code is emailed', async () => {
    const error = await h.fails('start-verification', { serviceSid, to: 'ana@example.com', channel: 'email' }, 'channel_not_configured');
    assert.equal(error.twilioCode, 60217);
    assert.deepEqual(h.emu.outbox(), []);
    const mail = await h.createService({ friendlyName: 'Mail', mailerSid: MAILER_SID });
    const v = await h.run('start-verification', { serviceSid: mail.sid, to: 'ana@example.com', channel: 'email', channelConfiguration: { from_name: 'Acme' } });
    assert.equal(v.channel, 'email');
    assert.equal(h.emu.outbox({ to: 'ana@example.com' }).length, 1);
  });

  describe('expiry (clock moved, never waited for)', () => {
    it('VERIFY-FACTS: 10 minutes later get-verification shows expired, and a check with the right code → verification_not_pending', async () => {
      const v = await start();
      const code = h.lastCode();
      h.emu.clock.advance(WINDOW_MS + 1);
      const fetched = await h.run('get-verification', { serviceSid, verificationSid: v.sid });
      assert.equal(fetched.status, 'expired');
      const error = await h.fails('check-verification', { serviceSid, to: TO, code }, 'verification_not_pending');
      assert.equal(error.twilioCode, 20404);
    });

    it('one millisecond before the window ends the code still approves', async () => {
      await start();
      h.emu.clock.advance(WINDOW_MS - 1);
      assert.equal((await h.run('check-verification', { serviceSid, to: TO, code: h.lastCode() })).status, 'approved');
    });

    it('after expiry a new start makes a new verification with a new code', async () => {
      const first = await start();
      const oldCode = h.lastCode();
      h.emu.clock.advance(WINDOW_MS + 1);
      const second = await start();
      assert.notEqual(second.sid, first.sid);
      assert.equal(second.status, 'pending');
      assert.notEqual(h.lastCode(), oldCode);
    });
  });
});
