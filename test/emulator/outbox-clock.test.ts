import assert from 'node:assert/strict';
import { type Emulator, createClock, startEmulator } from '../../emulator/index.js';
import { Outbox } from '../../emulator/outbox.js';
import { openForAllTests } from '../support/open-for-tests.js';
import { type Client, assertTwilioError, client, createService, startTestEmulator } from './helpers.js';

const A = '+15005550001';
const B = '+15005550002';

describe('emulator: outbox', () => {
  let emu: Emulator;
  let api: Client;
  openForAllTests(startTestEmulator, async (opened) => {
    emu = opened;
    api = client(emu);
    const s = await createService(api, { FriendlyName: 'Outbox App' });
    await api.post(`/v2/Services/${s.sid}/Verifications`, { To: A, Channel: 'sms' });
    await api.post(`/v2/Services/${s.sid}/Verifications`, { To: B, Channel: 'call' });
    await api.post(`/2010-04-01/Accounts/${emu.accountSid}/Messages.json`, { To: A, Body: 'hello', From: '+15005550006' });
  });

  it('records every delivery as { to, channel, body, code, at } readable from code, filtered by to', () => {
    const all = emu.outbox();
    assert.equal(all.length, 3);
    for (const m of all) {
      assert.deepEqual(Object.keys(m).sort(), ['at', 'body', 'channel', 'code', 'to']);
      assert.equal(new Date(m.at).toISOString(), m.at);
    }
    const toA = emu.outbox({ to: A });
    assert.equal(toA.length, 2);
    assert.match(toA[0]?.body ?? '', /^Your Outbox App verification code is: \d{6}$/);
    assert.equal(toA[1]?.code, null);
    assert.equal(emu.outbox({ to: B })[0]?.channel, 'call');
    assert.deepEqual(emu.outbox({ to: '+19999999999' }), []);
  });

  it('returns a copy: changing it does not change the outbox', () => {
    const copy = emu.outbox();
    copy.pop();
    copy[0]!.code = 'tampered';
    assert.equal(emu.outbox().length, 3);
    assert.notEqual(emu.outbox()[0]?.code, 'tampered');
  });

  it('is readable over HTTP at GET /__emulator/outbox?to=… without auth, as { messages: [...] }', async () => {
    const anon = client(emu, null);
    const all = await anon.get('/__emulator/outbox');
    assert.equal(all.status, 200);
    assert.deepEqual(all.body, { messages: emu.outbox() });
    const toB = await anon.get('/__emulator/outbox', { to: B });
    assert.deepEqual(toB.body, { messages: emu.outbox({ to: B }) });
    // '+' unencoded in a query string means space; clients must encode it, as with Twilio.
    const raw = await anon.call('GET', `/__emulator/outbox?to=%2B${B.slice(1)}`);
    assert.equal(raw.body.messages.length, 1);
  });

  it('refuses other methods (405) and unknown emulator paths (404), Twilio-shaped', async () => {
    const anon = client(emu, null);
    assertTwilioError(await anon.post('/__emulator/outbox', {}), 405, 20004);
    assertTwilioError(await anon.get('/__emulator/nothing'), 404, 20404);
  });

  it('is capped: only the most recent messages are kept', () => {
    const box = new Outbox(100);
    for (let i = 0; i < 1000; i++) box.add({ to: A, channel: 'sms', body: `m${i}`, code: null, at: new Date(0).toISOString() });
    const kept = box.list();
    assert.equal(kept.length, 100);
    assert.equal(box.size, 100);
    assert.equal(kept[0]?.body, 'm900');
    assert.equal(kept[99]?.body, 'm999');
  });
});

describe('emulator: clock, stats and lifecycle', () => {
  it('createClock({ frozen }) moves only by advance()/set()', () => {
    const clock = createClock({ frozen: true, start: 1_000 });
    assert.equal(clock.now(), 1_000);
    assert.equal(clock.advance(500), 1_500);
    clock.set(10_000);
    assert.equal(clock.now(), 10_000);
    assert.throws(() => clock.advance(Number.NaN), TypeError);
  });

  it('the default clock follows the system time plus an offset', () => {
    const clock = createClock();
    const before = Date.now();
    const jumped = clock.advance(3_600_000);
    assert.ok(jumped >= before + 3_600_000);
    clock.set(0);
    assert.ok(clock.now() < 60_000);
  });

  it('startEmulator returns the given clock; url is http://127.0.0.1:PORT; stats count; close is idempotent', async () => {
    const clock = createClock({ frozen: true, start: Date.UTC(2030, 0, 1) });
    const emu = await startEmulator({ clock });
    try {
      assert.equal(emu.clock, clock);
      assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const api = client(emu);
      const s = await createService(api);
      assert.equal(s.date_created, '2030-01-01T00:00:00Z', 'resource dates come from the emulator clock');
      await api.post(`/v2/Services/${s.sid}/Verifications`, { To: A, Channel: 'sms' });
      const stats = emu.stats();
      assert.equal(stats.services, 1);
      assert.equal(stats.verifications, 1);
      assert.equal(stats.pendingVerifications, 1);
      assert.equal(stats.outbox, 1);
      assert.ok(stats.requests >= 2);
      clock.advance(10 * 60_000);
      assert.equal(emu.stats().pendingVerifications, 0);
    } finally {
      await emu.close();
      await emu.close();
    }
    await assert.rejects(fetch(`${emu.url}/v2/Services`));
  });

  it('listens on a given port', async () => {
    const first = await startEmulator();
    const port = Number(new URL(first.url).port);
    await first.close();
    const emu = await startEmulator({ port });
    try {
      assert.equal(emu.url, `http://127.0.0.1:${port}`);
    } finally {
      await emu.close();
    }
  });
});
