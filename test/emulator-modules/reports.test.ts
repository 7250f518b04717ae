import assert from 'node:assert/strict';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Harness, type Json, harnessWithService } from './helpers.js';

describe('emulator × modules: verification attempts reports (list, get, summary)', () => {
  let h: Harness;
  let serviceSid: string;
  openForEachTest(harnessWithService, (opened) => ({ h, serviceSid } = opened));

  const verify = async (to: string, approve: boolean, channel = 'sms'): Promise<Json> => {
    const v = await h.run('start-verification', { serviceSid, to, channel });
    if (approve) await h.run('check-verification', { serviceSid, to, code: h.lastCode(to) });
    return v;
  };

  it('list-verification-attempts: one attempt per send, conversion following the verification, newest first', async () => {
    const approved = await verify('+573003003030', true);
    h.emu.clock.advance(1000);
    await verify('+15017122661', false, 'call');
    const { attempts } = await h.run('list-verification-attempts', {});
    assert.deepEqual(attempts.map((a: Json) => [a.channel, a.conversion_status, a.channel_data.country]), [['call', 'unconverted', 'US'], ['sms', 'converted', 'CO']]);
    assert.equal(attempts[1].sid, approved.send_code_attempts[0].attempt_sid);
    assert.equal(attempts[0].channel_data.call_status, 'completed');
  });

  it('list-verification-attempts sends every filter as Twilio names it, and the emulator applies them across pages up to the limit', async () => {
    for (let i = 0; i < 5; i++) await verify(`+5730500000${i}`, i % 2 === 0);
    await verify('+15017122661', false);
    const input = { channel: 'sms', country: 'CO', status: 'unconverted', serviceSid, dateCreatedAfter: '2025-01-15T11:00:00Z', dateCreatedBefore: '2025-01-15T13:00:00Z', pageSize: 1, limit: 5 };
    const request = h.connector.prepareRequest('list-verification-attempts', input);
    assert.deepEqual(request.query, [
      ['PageSize', '1'], ['DateCreatedAfter', '2025-01-15T11:00:00Z'], ['DateCreatedBefore', '2025-01-15T13:00:00Z'], ['Country', 'CO'], ['Channel', 'sms'], ['VerifyServiceSid', serviceSid], ['Status', 'unconverted'],
    ]);
    const before = h.emu.stats().requests;
    const { attempts } = await h.run('list-verification-attempts', input);
    assert.deepEqual(attempts.map((a: Json) => a.channel_data.to), ['+57305000003', '+57305000001']);
    assert.equal(h.emu.stats().requests - before, 2, 'page 2 came from next_page_url, which kept the filters');
    const one = await h.run('list-verification-attempts', { to: '+15017122661' });
    assert.equal(one.attempts.length, 1);
    const byVerification = await h.run('list-verification-attempts', { verificationSid: one.attempts[0].verification_sid });
    assert.deepEqual(byVerification, one);
  });

  it('get-verification-attempt fetches one attempt by the attempt_sid of send_code_attempts; an unknown one is not_found', async () => {
    const v = await verify('+15017122661', false);
    const attemptSid = v.send_code_attempts[0].attempt_sid;
    assert.deepEqual(h.connector.prepareRequest('get-verification-attempt', { attemptSid }), { method: 'GET', host: 'verify', path: `/v2/Attempts/${attemptSid}` });
    const attempt = await h.run('get-verification-attempt', { attemptSid });
    assert.equal(attempt.verification_sid, v.sid);
    assert.equal(attempt.channel_data.status, 'unconfirmed');
    await h.fails('get-verification-attempt', { attemptSid: `VL${'0'.repeat(32)}` }, 'not_found');
  });

  it('get-verification-attempts-summary: totals and the conversion rate as text, with DestinationPrefix', async () => {
    for (let i = 0; i < 3; i++) await verify(`+5730500000${i}`, i < 2);
    await verify('+15017122661', true);
    const input = { destinationPrefix: '+57305', channel: 'sms', serviceSid };
    assert.deepEqual(h.connector.prepareRequest('get-verification-attempts-summary', input).query, [['VerifyServiceSid', serviceSid], ['Channel', 'sms'], ['DestinationPrefix', '+57305']]);
    const summary = await h.run('get-verification-attempts-summary', input);
    assert.deepEqual(summary, { total_attempts: 3, total_converted: 2, total_unconverted: 1, conversion_rate_percentage: '66.666666667', url: `${h.emu.url}/v2/Attempts/Summary` });
    assert.equal((await h.run('get-verification-attempts-summary', {})).conversion_rate_percentage, '75');
  });
});
