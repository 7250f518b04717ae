import assert from 'node:assert/strict';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Harness, type Json, TO, harnessWithService } from './helpers.js';

describe('emulator × modules: rate limits and buckets (create, list, get, update, delete), enforced on start-verification', () => {
  let h: Harness;
  let serviceSid: string;
  openForEachTest(harnessWithService, (opened) => ({ h, serviceSid } = opened));

  const setUp = async (max: number, interval: number): Promise<{ limit: Json; bucket: Json }> => {
    const limit = await h.run('create-rate-limit', { serviceSid, uniqueName: 'end_user_ip_address', description: 'Starts per IP' });
    const bucket = await h.run('create-rate-limit-bucket', { serviceSid, rateLimitSid: limit.sid, max, interval });
    return { limit, bucket };
  };

  it('rate limits set up through the modules make the emulator refuse the next start with 20429 and the reached limit', async () => {
    const { limit, bucket } = await setUp(2, 3600);
    assert.match(limit.sid, /^RK[0-9a-f]{32}$/);
    assert.deepEqual([bucket.max, bucket.interval, bucket.rate_limit_sid], [2, 3600, limit.sid]);
    const start = (to: string) => ({ serviceSid, to, channel: 'sms', rateLimits: { end_user_ip_address: '203.0.113.7' } });
    assert.deepEqual(h.connector.prepareRequest('start-verification', start(TO)).form, [['To', TO], ['Channel', 'sms'], ['RateLimits', '{"end_user_ip_address":"203.0.113.7"}']]);
    await h.run('start-verification', start('+15017122661'));
    h.emu.clock.advance(60_000);
    await h.run('start-verification', start('+15017122662'));
    const requestsBefore = h.emu.stats().requests;
    const error = await h.fails('start-verification', start('+15017122663'), 'rate_limited');
    assert.equal(error.twilioCode, 20429);
    assert.equal(error.status, 429);
    assert.equal(error.retryable, true, 'Twilio did not act: a later start is safe');
    assert.equal(error.message, 'Too many requests (Twilio error 20429). Rate limit reached: end_user_ip_address.');
    assert.deepEqual(error.details, { retryAfterMs: 3_540_000, reachedRateLimit: 'end_user_ip_address' });
    assert.equal(h.emu.stats().requests - requestsBefore, 1, 'a Retry-After beyond the retry bound is not waited for: one request');
    assert.deepEqual(h.emu.outbox({ to: '+15017122663' }), [], 'no code was sent');
  });

  it('a Retry-After within the bound is waited for and the start re-sent, at most maxAttempts times in all; the error says how many', async () => {
    await setUp(1, 1);
    const start = { serviceSid, to: TO, channel: 'sms', rateLimits: { end_user_ip_address: 'x' } };
    await h.run('start-verification', start);
    const requestsBefore = h.emu.stats().requests;
    // The emulator's clock is frozen, so the bucket never empties: every retry is refused too.
    const error = await h.connector.execute('start-verification', h.connection, start, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1_000 } }).then(
      () => assert.fail('should be refused'),
      (e: { code: string; details: Json; retryable: boolean }) => e,
    );
    assert.equal(error.code, 'rate_limited');
    assert.deepEqual(error.details, { retryAfterMs: 1000, reachedRateLimit: 'end_user_ip_address', attempts: 3 });
    assert.equal(h.emu.stats().requests - requestsBefore, 3);
    assert.equal(h.emu.outbox({ to: TO }).length, 1, 'only the first start sent a code');
  });

  it('list-rate-limits, get-rate-limit and update-rate-limit read and change what create-rate-limit made; a duplicate name is already_exists (60208)', async () => {
    const { limit } = await setUp(5, 60);
    const listed = await h.run('list-rate-limits', { serviceSid });
    assert.deepEqual(listed.rate_limits.map((r: Json) => r.unique_name), ['end_user_ip_address']);
    assert.deepEqual(await h.run('get-rate-limit', { serviceSid, rateLimitSid: limit.sid }), limit);
    assert.deepEqual(h.connector.prepareRequest('update-rate-limit', { serviceSid, rateLimitSid: limit.sid, description: 'Per IP' }), {
      method: 'POST', host: 'verify', path: `/v2/Services/${serviceSid}/RateLimits/${limit.sid}`, form: [['Description', 'Per IP']],
    });
    const updated = await h.run('update-rate-limit', { serviceSid, rateLimitSid: limit.sid, description: 'Per IP' });
    assert.equal(updated.description, 'Per IP');
    const error = await h.fails('create-rate-limit', { serviceSid, uniqueName: 'end_user_ip_address' }, 'already_exists');
    assert.equal(error.twilioCode, 60208);
  });

  it('list-rate-limit-buckets, get-rate-limit-bucket, update-rate-limit-bucket and delete-rate-limit-bucket; a bucket interval used twice is already_exists (60211)', async () => {
    const { limit, bucket } = await setUp(5, 60);
    const ids = { serviceSid, rateLimitSid: limit.sid };
    assert.deepEqual((await h.run('list-rate-limit-buckets', ids)).buckets, [bucket]);
    assert.deepEqual(await h.run('get-rate-limit-bucket', { ...ids, bucketSid: bucket.sid }), bucket);
    const updated = await h.run('update-rate-limit-bucket', { ...ids, bucketSid: bucket.sid, max: 1 });
    assert.deepEqual([updated.max, updated.interval], [1, 60]);
    assert.equal((await h.fails('create-rate-limit-bucket', { ...ids, max: 3, interval: 60 }, 'already_exists')).twilioCode, 60211);
    const start = { serviceSid, to: TO, channel: 'sms', rateLimits: { end_user_ip_address: 'y' } };
    await h.run('start-verification', start);
    await h.fails('start-verification', { ...start, to: '+15017122662' }, 'rate_limited');
    assert.deepEqual(h.connector.prepareRequest('delete-rate-limit-bucket', { ...ids, bucketSid: bucket.sid }), {
      method: 'DELETE', host: 'verify', path: `/v2/Services/${serviceSid}/RateLimits/${limit.sid}/Buckets/${bucket.sid}`,
    });
    assert.deepEqual(await h.run('delete-rate-limit-bucket', { ...ids, bucketSid: bucket.sid }), { sid: bucket.sid, deleted: true });
    await h.run('start-verification', { ...start, to: '+15017122662' });
    await h.fails('get-rate-limit-bucket', { ...ids, bucketSid: bucket.sid }, 'not_found');
  });

  it('delete-rate-limit removes the limit and its buckets: starts naming its key are no longer limited', async () => {
    const { limit } = await setUp(1, 3600);
    const start = (to: string) => ({ serviceSid, to, channel: 'sms', rateLimits: { end_user_ip_address: 'z' } });
    await h.run('start-verification', start('+15017122661'));
    await h.fails('start-verification', start('+15017122662'), 'rate_limited');
    assert.deepEqual(await h.run('delete-rate-limit', { serviceSid, rateLimitSid: limit.sid }), { sid: limit.sid, deleted: true });
    await h.run('start-verification', start('+15017122662'));
    assert.deepEqual((await h.run('list-rate-limits', { serviceSid })).rate_limits, []);
    await h.fails('get-rate-limit', { serviceSid, rateLimitSid: limit.sid }, 'not_found');
  });

  it('refuses a unique name Twilio would refuse (60209) and a bucket maximum of 0 by schema, sending nothing', async () => {
    const before = h.emu.stats().requests;
    await h.fails('create-rate-limit', { serviceSid, uniqueName: 'has space' }, 'invalid_input');
    await h.fails('create-rate-limit-bucket', { serviceSid, rateLimitSid: `RK${'a'.repeat(32)}`, max: 0, interval: 60 }, 'invalid_input');
    assert.equal(h.emu.stats().requests, before);
  });
});
