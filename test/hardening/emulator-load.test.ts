/**
 * The emulator under load: 50 concurrent clients on loopback, each in a bounded loop for LOAD_SECONDS (5 s by
 * default, LOAD_SECONDS=30 by hand), sending a random mix of valid and invalid requests. Proves: no crash, no 5xx,
 * no socket error, memory bounded, and consistent state: every verification the emulator reports approved was
 * approved by a check with its right code (tracked on the client side), every such check is reported approved
 * by GET, and the emulator counted every request.
 */
import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { startEmulator, type Emulator } from '../../emulator/index.js';

const SECONDS = Math.max(1, Number(process.env['LOAD_SECONDS'] ?? 5) || 5);
const CLIENTS = 50;

interface Answer {
  status: number;
  body: any;
}

/** A small deterministic PRNG (mulberry32) so a failing mix can be replayed with LOAD_SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('hardening: the emulator under load', function () {
  this.timeout((SECONDS + 60) * 1000);
  let emu: Emulator;
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

  before(async () => {
    emu = await startEmulator();
  });
  after(async () => {
    agent.destroy();
    await emu.close();
  });

  function call(method: string, path: string, options: { body?: string | Buffer; type?: string; auth?: string | null } = {}): Promise<Answer> {
    const auth = options.auth === undefined ? `Basic ${Buffer.from(`${emu.accountSid}:${emu.authToken}`).toString('base64')}` : options.auth;
    const url = new URL(emu.url);
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {};
      if (auth) headers['authorization'] = auth;
      if (options.body !== undefined) headers['content-type'] = options.type ?? 'application/x-www-form-urlencoded';
      const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let body: unknown = text;
          try {
            body = text === '' ? '' : JSON.parse(text);
          } catch {
            /* keep the text */
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  }

  it(`${CLIENTS} concurrent clients for ${SECONDS} s: no crash, no 5xx, bounded memory, consistent state`, async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const service = await call('POST', '/v2/Services', { body: 'FriendlyName=Load' });
    assert.equal(service.status, 201);
    const base = `/v2/Services/${service.body.sid}`;

    let sent = 1;
    const statuses = new Map<number, number>();
    const approvedByRightCheck = new Set<string>();
    const knownSids = new Set<string>();
    const fiveHundreds: string[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    const seed = Number(process.env['LOAD_SEED'] ?? 20250115);

    async function client(index: number): Promise<void> {
      const random = prng(seed + index);
      const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
      // Each client owns its recipients, so its model of "the current code" is never raced by another client.
      const numbers = Array.from({ length: 3 }, (_, k) => `+1555${String(index).padStart(3, '0')}${String(k).padStart(4, '0')}`);
      const current = new Map<string, { sid: string; code: string }>();
      const record = async (what: string, answer: Promise<Answer>): Promise<Answer> => {
        sent++;
        const a = await answer;
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        if (a.status >= 500) fiveHundreds.push(`${what} → ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
        return a;
      };
      while (Date.now() < deadline) {
        const to = pick(numbers);
        const roll = random();
        if (roll < 0.25) {
          const a = await record('start', call('POST', `${base}/Verifications`, { body: `To=${encodeURIComponent(to)}&Channel=${pick(['sms', 'call', 'sms'])}` }));
          if (a.status === 201) {
            knownSids.add(a.body.sid);
            const code = emu.outbox({ to }).at(-1)?.code;
            assert.ok(code, 'a started verification delivered a code');
            current.set(to, { sid: a.body.sid, code });
          }
        } else if (roll < 0.4 && current.has(to)) {
          const { sid, code } = current.get(to)!;
          const a = await record('right check', call('POST', `${base}/VerificationCheck`, { body: `VerificationSid=${sid}&Code=${code}` }));
          if (a.status === 200) {
            assert.equal(a.body.status, 'approved', 'the right code approves a pending verification');
            approvedByRightCheck.add(sid);
          } else {
            assert.ok([404, 429].includes(a.status), `right check: ${a.status}`);
          }
          current.delete(to);
        } else if (roll < 0.55 && current.has(to)) {
          const { sid, code } = current.get(to)!;
          const wrong = [...code].map((c) => String((Number(c) + 1) % 10)).join('');
          const a = await record('wrong check', call('POST', `${base}/VerificationCheck`, { body: `VerificationSid=${sid}&Code=${wrong}` }));
          if (a.status === 200) assert.notEqual(a.body.status, 'approved', 'a wrong code never approves');
        } else if (roll < 0.65 && current.has(to)) {
          const a = await record('get', call('GET', `${base}/Verifications/${current.get(to)!.sid}`));
          assert.ok([200, 404].includes(a.status));
        } else if (roll < 0.7 && current.has(to)) {
          const a = await record('cancel', call('POST', `${base}/Verifications/${current.get(to)!.sid}`, { body: 'Status=canceled' }));
          assert.ok([200, 404].includes(a.status));
          current.delete(to);
        } else {
          // Invalid requests of every kind: each must be a 4xx, never a crash or a 5xx.
          const bad = pick<() => Promise<Answer>>([
            () => call('POST', `${base}/Verifications`, { body: 'To=not-a-number&Channel=sms' }),
            () => call('POST', `${base}/Verifications`, { body: `To=${encodeURIComponent(to)}&Channel=pigeon` }),
            () => call('POST', `${base}/VerificationCheck`, { body: 'Code=1' }),
            () => call('POST', `${base}/VerificationCheck`, { body: `VerificationSid=VE${'0'.repeat(32)}&Code=123456` }),
            () => call('GET', `/v2/Services/VA${'f'.repeat(32)}`),
            () => call('GET', '/v2/Services/%E0%A4%A'),
            () => call('POST', '/v2/Services', { body: 'FriendlyName=%zz' }),
            () => call('POST', '/v2/Services', { body: '{"FriendlyName":', type: 'application/json' }),
            () => call('POST', '/v2/Services', { body: '[1,2,3]', type: 'application/json' }),
            () => call('POST', `${base}`, { body: 'CodeLength=99' }),
            () => call('DELETE', `${base}/VerificationCheck`),
            () => call('GET', '/v2/Services', { auth: null }),
            () => call('GET', '/v2/Services', { auth: `Basic ${Buffer.from(`${emu.accountSid}:wrong`).toString('base64')}` }),
            () => call('GET', '/v2/Services?PageSize=0'),
            () => call('GET', `/v2/${'a/'.repeat(500)}`),
            () => call('POST', '/v2/Services', { body: `FriendlyName=${'x'.repeat(5000)}` }),
            () => call('POST', `/2010-04-01/Accounts/${emu.accountSid}/Messages.json`, { body: 'To=bad&Body=x' }),
          ]);
          const a = await record('invalid', bad());
          assert.ok(a.status >= 400 && a.status < 500, `an invalid request answered ${a.status}`);
        }
      }
    }

    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));

    assert.deepEqual(fiveHundreds, [], 'no 5xx');
    assert.ok(sent > CLIENTS * 10, `the load was real (${sent} requests)`);
    // Every verification the emulator has approved was approved by a right check we made, and vice versa.
    for (const sid of knownSids) {
      const a = await call('GET', `${base}/Verifications/${sid}`);
      sent++;
      assert.ok([200, 404].includes(a.status), `GET ${sid}: ${a.status}`);
      if (a.status === 200 && a.body.status === 'approved') assert.ok(approvedByRightCheck.has(sid), `${sid} is approved without a right check`);
      if (approvedByRightCheck.has(sid)) assert.ok(a.status === 200 && a.body.status === 'approved', `${sid} was approved by a right check but GET says ${a.status} ${a.body?.status}`);
    }
    const stats = emu.stats();
    assert.equal(stats.requests, sent, 'the emulator counted every request');
    assert.ok(stats.verifications <= knownSids.size);
    assert.ok(stats.pendingVerifications <= stats.verifications);
    gc?.();
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    assert.ok(grownMb < (gc ? 64 : 256), `heap grew ${grownMb.toFixed(1)} MB`);
    assert.ok(approvedByRightCheck.size > 0 && (statuses.get(400) ?? 0) > 0, `a real mix: ${JSON.stringify([...statuses])}`);
  });
});
