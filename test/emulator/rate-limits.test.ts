import assert from 'node:assert/strict';
import type { Emulator } from '../../emulator/index.js';
import { EMULATOR_LIMITS } from '../../emulator/index.js';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Client, assertMatchesSpec, assertTwilioError, createService, schemaProperties, startWithService } from './helpers.js';

describe('emulator: programmable rate limits and buckets, enforced on CreateVerification', () => {
  let emu: Emulator;
  let api: Client;
  let serviceSid: string;
  let base: string;
  openForEachTest(startWithService, (opened) => {
    ({ emu, api, serviceSid } = opened);
    base = `/v2/Services/${serviceSid}/RateLimits`;
  });

  const start = (to: string, rateLimits?: Record<string, string>) =>
    api.post(`/v2/Services/${serviceSid}/Verifications`, { To: to, Channel: 'sms', ...(rateLimits ? { RateLimits: JSON.stringify(rateLimits) } : {}) });

  it('creates, fetches, lists, updates and deletes a rate limit; every body is the spec verify.v2.service.rate_limit', async () => {
    const created = await api.post(base, { UniqueName: 'end_user_ip_address', Description: 'per IP' });
    assert.equal(created.status, 201, created.text);
    assertMatchesSpec('CreateRateLimit', created);
    assert.deepEqual(Object.keys(created.body), schemaProperties('verify.v2.service.rate_limit'));
    const rk = created.body.sid as string;
    assert.match(rk, /^RK[0-9a-f]{32}$/);
    assert.equal(created.body.links.buckets, `${emu.url}${base}/${rk}/Buckets`);
    const fetched = await api.get(`${base}/${rk}`);
    assertMatchesSpec('FetchRateLimit', fetched);
    assert.deepEqual(fetched.body, created.body);
    emu.clock.advance(1000);
    const updated = await api.post(`${base}/${rk}`, { Description: 'starts per IP' });
    assertMatchesSpec('UpdateRateLimit', updated);
    assert.equal(updated.body.description, 'starts per IP');
    assert.equal(updated.body.unique_name, 'end_user_ip_address');
    assert.notEqual(updated.body.date_updated, created.body.date_updated);
    const listed = await api.get(base);
    assertMatchesSpec('ListRateLimit', listed);
    assert.deepEqual(listed.body.rate_limits.map((r: { sid: string }) => r.sid), [rk]);
    assert.equal(listed.body.meta.key, 'rate_limits');
    const deleted = await api.del(`${base}/${rk}`);
    assert.equal(deleted.status, 204);
    assertMatchesSpec('DeleteRateLimit', deleted);
    assertTwilioError(await api.get(`${base}/${rk}`), 404, 20404);
  });

  it('refuses a duplicate UniqueName (60208), a malformed one (60209), a missing one (60200) and more than the emulator bound per service (60207)', async () => {
    assert.equal((await api.post(base, { UniqueName: 'phone' })).status, 201);
    assertTwilioError(await api.post(base, { UniqueName: 'phone' }), 400, 60208);
    assertTwilioError(await api.post(base, { UniqueName: 'has space' }), 400, 60209);
    assertTwilioError(await api.post(base, {}), 400, 60200);
    for (let i = 1; i < EMULATOR_LIMITS.MAX_RATE_LIMITS_PER_SERVICE; i++) assert.equal((await api.post(base, { UniqueName: `key-${i}` })).status, 201);
    assertTwilioError(await api.post(base, { UniqueName: 'one-too-many' }), 400, 60207);
  });

  it('creates, fetches, lists, updates and deletes buckets (spec verify.v2.service.rate_limit.bucket); an interval used twice is 60211', async () => {
    const rk = (await api.post(base, { UniqueName: 'ip' })).body.sid as string;
    const buckets = `${base}/${rk}/Buckets`;
    const created = await api.post(buckets, { Max: 5, Interval: 60 });
    assert.equal(created.status, 201, created.text);
    assertMatchesSpec('CreateBucket', created);
    assert.deepEqual(Object.keys(created.body), schemaProperties('verify.v2.service.rate_limit.bucket'));
    assert.match(created.body.sid, /^BL[0-9a-f]{32}$/);
    assert.deepEqual([created.body.max, created.body.interval, created.body.rate_limit_sid], [5, 60, rk]);
    const bl = created.body.sid as string;
    assertTwilioError(await api.post(buckets, { Max: 9, Interval: 60 }), 400, 60211);
    assertTwilioError(await api.post(buckets, { Max: 0, Interval: 30 }), 400, 60200);
    assertTwilioError(await api.post(buckets, { Interval: 30 }), 400, 60200);
    assertMatchesSpec('FetchBucket', await api.get(`${buckets}/${bl}`));
    const updated = await api.post(`${buckets}/${bl}`, { Max: 7 });
    assertMatchesSpec('UpdateBucket', updated);
    assert.deepEqual([updated.body.max, updated.body.interval], [7, 60]);
    const listed = await api.get(buckets);
    assertMatchesSpec('ListBucket', listed);
    assert.equal(listed.body.buckets.length, 1);
    assert.equal((await api.del(`${buckets}/${bl}`)).status, 204);
    assertTwilioError(await api.get(`${buckets}/${bl}`), 404, 20404);
    for (let i = 1; i <= EMULATOR_LIMITS.MAX_BUCKETS_PER_RATE_LIMIT; i++) assert.equal((await api.post(buckets, { Max: 1, Interval: i })).status, 201);
    assertTwilioError(await api.post(buckets, { Max: 1, Interval: 999 }), 400, 60210);
  });

  it('refuses the start over a bucket with 429 code 20429, Retry-After and Twilio-Reached-Rate-Limit (the spec 429 response), sending nothing', async () => {
    const rk = (await api.post(base, { UniqueName: 'end_user_ip_address' })).body.sid as string;
    await api.post(`${base}/${rk}/Buckets`, { Max: 2, Interval: 60 });
    const ip = { end_user_ip_address: '203.0.113.7' };
    assert.equal((await start('+15017122661', ip)).status, 201);
    emu.clock.advance(10_000);
    assert.equal((await start('+15017122662', ip)).status, 201);
    const refused = await start('+15017122663', ip);
    assertTwilioError(refused, 429, 20429);
    assertMatchesSpec('CreateVerification', refused);
    assert.equal(refused.body.message, 'Too many requests');
    assert.equal(refused.headers.get('twilio-reached-rate-limit'), 'end_user_ip_address');
    assert.equal(refused.headers.get('retry-after'), '50', 'the first start leaves the 60 s window 50 s from now');
    assert.equal(emu.outbox({ to: '+15017122663' }).length, 0, 'nothing was sent');
    // Another value of the same limit, and a start without the key, are not limited.
    assert.equal((await start('+15017122663', { end_user_ip_address: '198.51.100.1' })).status, 201);
    assert.equal((await start('+15017122664')).status, 201);
    // When the oldest counted start leaves the window, one more is admitted; the refused one was not counted.
    emu.clock.advance(50_000);
    assert.equal((await start('+15017122665', ip)).status, 201);
    assertTwilioError(await start('+15017122666', ip), 429, 20429);
  });

  it('counts per (rate limit, value) in every bucket: the tightest bucket names the limit; a re-send counts too; a deleted bucket stops limiting', async () => {
    const phone = (await api.post(base, { UniqueName: 'end_user_phone_number' })).body.sid as string;
    const minute = (await api.post(`${base}/${phone}/Buckets`, { Max: 3, Interval: 60 })).body.sid as string;
    await api.post(`${base}/${phone}/Buckets`, { Max: 4, Interval: 3600 });
    const key = { end_user_phone_number: '+15017122661' };
    for (let i = 0; i < 3; i++) assert.equal((await start('+15017122661', key)).status, 201, `start ${i + 1}`);
    const refused = await start('+15017122661', key);
    assertTwilioError(refused, 429, 20429);
    assert.equal(refused.headers.get('twilio-reached-rate-limit'), 'end_user_phone_number');
    emu.clock.advance(61_000);
    assert.equal((await start('+15017122661', key)).status, 201, 'the minute bucket emptied; the hour bucket has room for a 4th');
    assertTwilioError(await start('+15017122661', key), 429, 20429);
    assert.equal((await api.del(`${base}/${phone}/Buckets/${minute}`)).status, 204);
    assertTwilioError(await start('+15017122661', key), 429, 20429);
  });

  it('a rate limit without buckets limits nothing; deleting the service deletes its rate limits', async () => {
    await api.post(base, { UniqueName: 'ip' });
    for (let i = 0; i < 4; i++) assert.equal((await start(`+1501712267${i}`, { ip: 'same' })).status, 201);
    assert.equal((await api.del(`/v2/Services/${serviceSid}`)).status, 204);
    const again = await createService(api);
    assert.deepEqual((await api.get(`/v2/Services/${again.sid}/RateLimits`)).body.rate_limits, []);
    assertTwilioError(await api.get(base), 404, 20404);
  });
});
