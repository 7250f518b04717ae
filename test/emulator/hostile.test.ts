import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import type { Emulator } from '../../emulator/index.js';
import { openForEachTest } from '../support/open-for-tests.js';
import { type Client, assertMatchesSpec, assertTwilioError, client, createService, startTestEmulator, startWithService } from './helpers.js';

const TO = '+15017122661';

/** Sends a raw HTTP request (for bodies fetch cannot produce) and resolves status and text. */
function raw(emu: Emulator, options: { method: string; path: string; headers?: Record<string, string>; chunks?: Buffer[] }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(emu.url);
    const req = request({ host: url.hostname, port: url.port, method: options.method, path: options.path, headers: options.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    // The server may close early (413): that is the point, not a failure of the test.
    req.on('error', () => undefined);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

describe('emulator: hostile input never crashes it', () => {
  let emu: Emulator;
  let api: Client;
  let base: string;
  const auth = () => ({ authorization: `Basic ${Buffer.from(`${emu.accountSid}:${emu.authToken}`).toString('base64')}` });

  openForEachTest(startWithService, (opened) => {
    ({ emu, api } = opened);
    base = `/v2/Services/${opened.serviceSid}`;
  });

  async function stillAlive(): Promise<void> {
    const res = await api.get('/v2/Services');
    assert.equal(res.status, 200);
    assertMatchesSpec('ListService', res);
  }

  it('malformed percent-encoding in a form body or query → 400 code 20001; in a path → 404 20404', async () => {
    for (const body of ['FriendlyName=%E0%A4%A', 'FriendlyName=%zz', '%=x', 'To=%ff%fe&Channel=sms']) {
      const res = await api.call('POST', '/v2/Services', { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assertTwilioError(res, 400, 20001);
    }
    assertTwilioError(await api.call('GET', '/v2/Services?PageSize=%'), 400, 20001);
    assertTwilioError(await api.call('GET', '/v2/Services/%E0%A4%A'), 404, 20404);
    await stillAlive();
  });

  it('odd but well-formed forms are handled: empty pairs, no "=", repeated keys (first wins), + as space', async () => {
    const res = await api.call('POST', '/v2/Services', {
      body: '&&FriendlyName=Plus+Sign&FriendlyName=Second&Junk&=&CodeLength=5',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.friendly_name, 'Plus Sign');
    assert.equal(res.body.code_length, 5);
  });

  it('bad JSON, or JSON that is not an object → 400 code 20001', async () => {
    for (const body of ['{', '{"FriendlyName":', '[1,2]', '"text"', 'null', '42']) {
      assertTwilioError(await api.call('POST', '/v2/Services', { body, headers: { 'content-type': 'application/json' } }), 400, 20001);
    }
    const nested = await api.postJson(`${base}/Verifications`, { To: TO, Channel: 'sms', RateLimits: { key: 'v' }, Tags: ['a', 'b'] });
    assert.equal(nested.status, 400, 'an array is not a JSON object for Tags');
    const objects = await api.postJson(`${base}/Verifications`, { To: TO, Channel: 'sms', RateLimits: { key: 'v' }, Tags: { tenant: 1 } });
    assert.equal(objects.status, 201, 'JSON objects in a JSON body stand for the JSON-string parameters');
    await stillAlive();
  });

  it('unknown paths → 404 code 20404, Twilio-shaped', async () => {
    for (const path of ['/', '/v1/Services', '/v2/Nope', `${base}/Verifications/x/y`, '/2010-04-01/Accounts', '/v2/Services/../../etc/passwd', '/%2e%2e/']) {
      assertTwilioError(await api.call('GET', path), 404, 20404);
    }
  });

  it('wrong methods → 405 code 20004 with Allow, Twilio-shaped', async () => {
    const cases: Array<[string, string, string]> = [
      ['PUT', '/v2/Services', 'GET, POST'],
      ['DELETE', '/v2/Services', 'GET, POST'],
      ['PATCH', `${base}`, 'GET, POST, DELETE'],
      ['GET', `${base}/Verifications`, 'POST'],
      ['GET', `${base}/VerificationCheck`, 'POST'],
      ['DELETE', `${base}/Verifications/VE${'1'.repeat(32)}`, 'GET, POST'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await api.call(method, path);
      assertTwilioError(res, 405, 20004);
      assert.equal(res.headers.get('allow'), allow);
    }
  });

  it('a body over 1 MB (declared by Content-Length) → 413, not read further; the server keeps serving', async () => {
    const big = new Uint8Array(2 * 1024 * 1024).fill(0x61);
    const res = await api.call('POST', '/v2/Services', { body: big, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.status, 413);
    assert.deepEqual(Object.keys(res.body).sort(), ['code', 'message', 'more_info', 'status']);
    assert.equal(res.body.status, 413);
    await stillAlive();
  });

  it('a chunked body that grows past 1 MB → 413 once the limit is crossed; the server keeps serving', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const res = await raw(emu, {
      method: 'POST',
      path: '/v2/Services',
      headers: { ...auth(), 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: 40 }, () => chunk),
    });
    assert.equal(res.status, 413);
    assert.equal(JSON.parse(res.text).status, 413);
    await stillAlive();
  });

  it('a body of exactly 1 MB is read (and then judged on its content)', async () => {
    const body = `FriendlyName=Big&TtsName=${'a'.repeat(1024 * 1024 - 'FriendlyName=Big&TtsName='.length)}`;
    assert.equal(Buffer.byteLength(body), 1024 * 1024);
    const res = await api.call('POST', '/v2/Services', { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.status, 201);
  });

  it('garbage on the socket gets a 400 and does not take the server down', async () => {
    const url = new URL(emu.url);
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    assert.match(reply, /^HTTP\/1\.1 400/);
    await stillAlive();
  });

  it('an exception inside a handler becomes a Twilio-shaped 500 (code 20500) without details; the server keeps serving', async () => {
    const broken = await startTestEmulator({
      codeGenerator: () => {
        throw new Error('generator exploded with secret-ish detail');
      },
    });
    try {
      const bapi = client(broken);
      const s = await createService(bapi);
      const res = await bapi.post(`/v2/Services/${s.sid}/Verifications`, { To: TO, Channel: 'sms' });
      assertTwilioError(res, 500, 20500);
      assert.ok(!res.text.includes('exploded'));
      assert.equal((await bapi.get('/v2/Services')).status, 200);
    } finally {
      await broken.close();
    }
  });

  it('no secret (auth token, API key secret) appears in any response or log', async () => {
    const logged: string[] = [];
    const original = { log: console.log, error: console.error, warn: console.warn, info: console.info, debug: console.debug };
    const capture = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    Object.assign(console, { log: capture, error: capture, warn: capture, info: capture, debug: capture });
    const texts: string[] = [];
    try {
      const keyed = client(emu, `Basic ${Buffer.from(`${emu.apiKeySid}:${emu.apiKeySecret}`).toString('base64')}`);
      const bad = client(emu, `Basic ${Buffer.from(`${emu.accountSid}:${emu.apiKeySecret}`).toString('base64')}`);
      const responses = await Promise.all([
        api.post('/v2/Services', {}),
        api.post('/v2/Services', { FriendlyName: emu.authToken }), // too long → the error must not echo it
        bad.get('/v2/Services'),
        keyed.get('/v2/Services'),
        keyed.post(`/2010-04-01/Accounts/${emu.apiKeySid}/Messages.json`, { To: TO, Body: 'x', From: '+15005550006' }),
        api.post(`${base}/Verifications`, { To: emu.authToken, Channel: 'sms' }),
        api.call('PUT', `/v2/Services/${emu.authToken}`),
        api.get(`/v2/Services/${emu.apiKeySecret}`),
        client(emu, null).get('/__emulator/outbox'),
      ]);
      for (const r of responses) {
        texts.push(r.text);
        for (const [, value] of r.headers) texts.push(value);
      }
    } finally {
      Object.assign(console, original);
    }
    for (const text of [...texts, ...logged]) {
      assert.ok(!text.includes(emu.authToken), `auth token leaked: ${text}`);
      assert.ok(!text.includes(emu.apiKeySecret), `API key secret leaked: ${text}`);
    }
    // Even where a client put a secret into a path or parameter that Twilio echoes, it comes back redacted.
    assert.ok(texts.some((t) => t.includes('[redacted]')));
    assert.deepEqual(logged, [], 'the emulator never logs');
  });
});

describe('emulator: concurrency', () => {
  it('50 quick concurrent requests (creates, starts, checks, lists) all get proper answers and it keeps serving', async () => {
    const emu = await startTestEmulator();
    try {
      const api = client(emu);
      const base = `/v2/Services/${(await createService(api)).sid}`;
      const requests = Array.from({ length: 50 }, (_, i) => {
        const to = `+1500555${String(i).padStart(4, '0')}`;
        switch (i % 5) {
          case 0:
            return api.post('/v2/Services', { FriendlyName: `Concurrent ${i}` }).then((r) => [201, r.status]);
          case 1:
          case 2:
            return api.post(`${base}/Verifications`, { To: to, Channel: 'sms' }).then((r) => [201, r.status]);
          case 3:
            return api.post(`${base}/VerificationCheck`, { To: to, Code: '123456' }).then((r) => [404, r.status]);
          default:
            return api.get('/v2/Services', { PageSize: 5 }).then((r) => [200, r.status]);
        }
      });
      const results = await Promise.all(requests);
      for (const [expected, actual] of results) assert.equal(actual, expected);
      assert.equal(emu.stats().verifications, 20);
      assert.equal(emu.outbox().length, 20);
      assert.equal((await api.get('/v2/Services')).body.services.length, 11);
    } finally {
      await emu.close();
    }
  });
});
