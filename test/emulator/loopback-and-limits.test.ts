/**
 * The emulator stays a loopback tool and answers what Node cannot parse in Twilio's error shape: a non-loopback host
 * needs unsafePublic, a taken port is refused, a body nested too deep is a 400, a header block too large a 431.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { isLoopbackHost } from '../../emulator/host.js';
import { EMULATOR_LIMITS, startEmulator, type Emulator } from '../../emulator/index.js';
import { assertTwilioError, client, startTestEmulator, type ApiResponse } from './helpers.js';

/** Sends raw bytes and reads the whole answer (the server closes the connection). */
function raw(emu: Emulator, request: string): Promise<ApiResponse> {
  const url = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(request));
    const parts: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => parts.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(parts).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      const headers = new Headers(head.split('\r\n').slice(1).map((line) => line.split(/:\s*/, 2) as [string, string]));
      resolve({ status, headers, text: body, body: body ? JSON.parse(body) : null });
    });
  });
}

describe('emulator: loopback only, and limits answered as Twilio would', () => {
  const loopback: Array<[string, boolean]> = [
    ['127.0.0.1', true], ['127.8.9.10', true], ['localhost', true], ['LOCALHOST', true], ['::1', true], ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true], ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false], ['::', false], ['192.168.1.10', false], ['10.0.0.1', false], ['::ffff:10.0.0.1', false], ['fe80::1', false],
    ['example.com', false], ['127.0.0.1.example.com', false], ['', false],
  ];
  for (const [host, expected] of loopback) {
    it(`${JSON.stringify(host)} is ${expected ? '' : 'not '}a loopback address`, () => assert.equal(isLoopbackHost(host), expected));
  }

  it('refuses a non-loopback host unless unsafePublic says so, and then listens on it', async () => {
    await assert.rejects(startEmulator({ host: '0.0.0.0' }), /loopback only .* not 0\.0\.0\.0.*unsafePublic/);
    const open = await startEmulator({ host: '0.0.0.0', unsafePublic: true });
    try {
      assert.match(open.url, /^http:\/\/127\.0\.0\.1:\d+$/, 'clients on this machine reach it on loopback');
      assert.equal((await fetch(`${open.url}/__emulator/outbox`)).status, 200);
    } finally {
      await open.close();
    }
  });

  it('a port that is not a TCP port is refused by name (a string would make Node listen on a Unix socket)', async () => {
    for (const port of ['4010', -1, 65536, 1.5]) {
      await assert.rejects(startEmulator({ port: port as number }), /port is a whole number from 0 to 65535/, String(port));
    }
  });

  it('a port in use is refused with EADDRINUSE (the CLI says "port N is already in use")', async () => {
    const first = await startTestEmulator();
    try {
      await assert.rejects(startEmulator({ port: Number(new URL(first.url).port) }), (error: NodeJS.ErrnoException) => error.code === 'EADDRINUSE');
    } finally {
      await first.close();
    }
  });

  describe('on a running emulator', () => {
    let emu: Emulator;
    before(async () => (emu = await startTestEmulator()));
    after(() => emu.close());

    for (const [what, body] of [
      ['arrays', `{"FriendlyName":"Deep","RateLimits":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
      ['objects', `{"FriendlyName":"Deep","RateLimits":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`],
      ['one level past the limit', `{"FriendlyName":"Deep","RateLimits":${'['.repeat(EMULATOR_LIMITS.MAX_JSON_DEPTH)}${']'.repeat(EMULATOR_LIMITS.MAX_JSON_DEPTH)}}`],
    ] as const) {
      it(`a JSON body nested too deep (${what}): 400 in Twilio's shape, and the emulator goes on`, async () => {
        const api = client(emu);
        const res = await api.call('POST', '/v2/Services', { body, headers: { 'content-type': 'application/json' } });
        assertTwilioError(res, 400, 20001);
        assert.match(res.body.message, new RegExp(`at most ${EMULATOR_LIMITS.MAX_JSON_DEPTH} levels`));
        assert.equal((await api.postJson('/v2/Services', { FriendlyName: 'Shallow' })).status, 201);
      });
    }

    it('a header block larger than Node reads: 431 in Twilio\'s shape, and the emulator goes on', async () => {
      const res = await raw(emu, `GET /v2/Services HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
      assertTwilioError(res, 431, 20431);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal((await client(emu).get('/v2/Services')).status, 200);
    });

    it('HTTP Node cannot parse: 400 in Twilio\'s shape', async () => {
      const res = await raw(emu, 'NOT HTTP AT ALL\r\n\r\n');
      assertTwilioError(res, 400, 20001);
    });
  });
});
