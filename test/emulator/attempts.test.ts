import assert from 'node:assert/strict';
import type { Emulator } from '../../emulator/index.js';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Client, assertMatchesSpec, assertTwilioError, createService, schemaProperties, sequenceCodes, startWithService } from './helpers.js';

describe('emulator: verification attempts and their summary (GET /v2/Attempts, /v2/Attempts/Summary)', () => {
  let emu: Emulator;
  let api: Client;
  let serviceSid: string;
  openForEachTest(() => startWithService({ codeGenerator: sequenceCodes() }), (opened) => ({ emu, api, serviceSid } = opened));

  const start = async (to: string, form: Record<string, string> = {}): Promise<Record<string, any>> => {
    const res = await api.post(`/v2/Services/${serviceSid}/Verifications`, { To: to, Channel: 'sms', ...form });
    assert.equal(res.status, 201, res.text);
    return res.body;
  };

  it('records one attempt per code sent, its sid the send_code_attempts attempt_sid; the body is the spec verify.v2.verification_attempt', async () => {
    const v = await start('+573003003030', { Locale: 'es' });
    const resent = await start('+573003003030');
    const listed = await api.get('/v2/Attempts');
    assert.equal(listed.status, 200);
    assertMatchesSpec('ListVerificationAttempt', listed);
    assert.equal(listed.body.meta.key, 'attempts');
    const sids = resent.send_code_attempts.map((a: { attempt_sid: string }) => a.attempt_sid);
    assert.deepEqual(listed.body.attempts.map((a: { sid: string }) => a.sid), [...sids].reverse(), 'newest first');
    const fetched = await api.get(`/v2/Attempts/${sids[0]}`);
    assertMatchesSpec('FetchVerificationAttempt', fetched);
    assert.deepEqual(Object.keys(fetched.body), schemaProperties('verify.v2.verification_attempt'));
    const a = fetched.body;
    assert.equal(a.verification_sid, v.sid);
    assert.equal(a.service_sid, serviceSid);
    assert.equal(a.account_sid, emu.accountSid);
    assert.equal(a.conversion_status, 'unconverted');
    assert.equal(a.channel, 'sms');
    assert.equal(a.url, `${emu.url}/v2/Attempts/${sids[0]}`);
    assert.deepEqual(a.channel_data, {
      verification_sid: v.sid, to: '+573003003030', status: 'unconfirmed', message_status: 'delivered', error_code: null,
      country: 'CO', code_length: 6, locale: 'es', mcc: null, mnc: null, carrier: null,
    });
    assertTwilioError(await api.get(`/v2/Attempts/VL${'0'.repeat(32)}`), 404, 20404);
  });

  it('conversion_status follows the verification: every attempt of an approved verification is converted (channel_data.status confirmed); an unapproved one expires', async () => {
    await start('+15017122661');
    await start('+15017122661');
    const check = await api.post(`/v2/Services/${serviceSid}/VerificationCheck`, { To: '+15017122661', Code: emu.outbox({ to: '+15017122661' })[0]!.code! });
    assert.equal(check.body.status, 'approved');
    await start('+15017122662');
    emu.clock.advance(11 * 60_000);
    const attempts = (await api.get('/v2/Attempts')).body.attempts as Array<Record<string, any>>;
    assert.deepEqual(attempts.map((a) => [a.channel_data.to, a.conversion_status, a.channel_data.status]), [
      ['+15017122662', 'unconverted', 'expired'],
      ['+15017122661', 'converted', 'confirmed'],
      ['+15017122661', 'converted', 'confirmed'],
    ]);
  });

  it('filters by every ListVerificationAttempt parameter, and next_page_url keeps the filters', async () => {
    const other = (await createService(api, { FriendlyName: 'Other' })).sid as string;
    const first = await start('+15017122661');
    emu.clock.advance(60_000);
    const middle = emu.clock.now();
    await api.post(`/v2/Services/${other}/Verifications`, { To: '+447700900123', Channel: 'call' });
    emu.clock.advance(60_000);
    await start('+573003003030');
    await api.post(`/v2/Services/${serviceSid}/VerificationCheck`, { To: '+573003003030', Code: emu.outbox({ to: '+573003003030' })[0]!.code! });
    const tos = async (query: Record<string, string>): Promise<string[]> => {
      const res = await api.get('/v2/Attempts', query);
      assert.equal(res.status, 200, res.text);
      assertMatchesSpec('ListVerificationAttempt', res);
      return res.body.attempts.map((a: { channel_data: { to: string } }) => a.channel_data.to);
    };
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    assert.deepEqual(await tos({}), ['+573003003030', '+447700900123', '+15017122661']);
    assert.deepEqual(await tos({ DateCreatedAfter: iso(middle - 1000) }), ['+573003003030', '+447700900123']);
    assert.deepEqual(await tos({ DateCreatedBefore: iso(middle - 1000) }), ['+15017122661']);
    assert.deepEqual(await tos({ 'ChannelData.To': '+447700900123' }), ['+447700900123']);
    assert.deepEqual(await tos({ Country: 'GB' }), ['+447700900123']);
    assert.deepEqual(await tos({ Channel: 'call' }), ['+447700900123']);
    assert.deepEqual(await tos({ VerifyServiceSid: other }), ['+447700900123']);
    assert.deepEqual(await tos({ VerificationSid: first.sid }), ['+15017122661']);
    assert.deepEqual(await tos({ Status: 'converted' }), ['+573003003030']);
    assert.deepEqual(await tos({ Status: 'unconverted', Country: 'US' }), ['+15017122661']);
    const paged = await api.get('/v2/Attempts', { Status: 'unconverted', PageSize: 1 });
    assert.match(paged.body.meta.next_page_url, /^http:\/\/127\.0\.0\.1:\d+\/v2\/Attempts\?Status=unconverted&PageSize=1&Page=1&PageToken=PAVL/);
    const next = await api.get(new URL(paged.body.meta.next_page_url).pathname + new URL(paged.body.meta.next_page_url).search);
    assert.deepEqual(next.body.attempts.map((a: { channel_data: { to: string } }) => a.channel_data.to), ['+15017122661']);
    assert.equal(next.body.meta.next_page_url, null);
    const bad: Array<Record<string, string>> = [{ DateCreatedAfter: 'yesterday' }, { Channel: 'pigeon' }, { Status: 'maybe' }, { Country: 'Colombia' }];
    for (const query of bad) {
      assertTwilioError(await api.get('/v2/Attempts', query), 400, 60200);
    }
  });

  it('summarises with every FetchVerificationAttemptsSummary filter; conversion_rate_percentage is a string (spec verify.v2.verification_attempts_summary)', async () => {
    for (let i = 0; i < 11; i++) {
      const to = `+5730500000${String(i).padStart(2, '0')}`;
      await start(to);
      if (i < 9) await api.post(`/v2/Services/${serviceSid}/VerificationCheck`, { To: to, Code: emu.outbox({ to })[0]!.code! });
    }
    await start('+15017122661');
    const summary = async (query: Record<string, string> = {}) => {
      const res = await api.get('/v2/Attempts/Summary', query);
      assert.equal(res.status, 200, res.text);
      assertMatchesSpec('FetchVerificationAttemptsSummary', res);
      assert.deepEqual(Object.keys(res.body), schemaProperties('verify.v2.verification_attempts_summary'));
      return res.body;
    };
    assert.deepEqual(await summary({ DestinationPrefix: '+57305' }), {
      total_attempts: 11, total_converted: 9, total_unconverted: 2, conversion_rate_percentage: '81.818181818', url: `${emu.url}/v2/Attempts/Summary`,
    });
    assert.equal((await summary()).total_attempts, 12);
    assert.equal((await summary({ Country: 'US' })).conversion_rate_percentage, '0');
    assert.equal((await summary({ Channel: 'call' })).conversion_rate_percentage, null, 'no attempts, no rate');
    assert.equal((await summary({ VerifyServiceSid: serviceSid, DateCreatedAfter: '2025-01-15T11:59:00Z', DateCreatedBefore: '2025-01-15T12:01:00Z' })).total_attempts, 12);
    assert.equal((await summary({ DateCreatedBefore: '2025-01-15T11:59:00Z' })).total_attempts, 0);
  });

  it('reports only the last 30 days: older attempts are neither listed nor fetched, and sweep() forgets them', async () => {
    const v = await start('+15017122661');
    emu.clock.advance(31 * 24 * 3600_000);
    assert.deepEqual((await api.get('/v2/Attempts')).body.attempts, []);
    assertTwilioError(await api.get(`/v2/Attempts/${v.send_code_attempts[0].attempt_sid}`), 404, 20404);
    assert.equal(emu.stats().attempts, 1);
    emu.sweep();
    assert.equal(emu.stats().attempts, 0);
  });
});
