/** The abort signal cancels the HTTP request itself: the socket closes, nothing is sent again. A real loopback server. */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { loadConnector } from '../../connector/index.js';
import { ACCOUNT_SID, AUTH_TOKEN, SERVICE_SID } from '../support/nock.js';

interface Loopback {
  url: string;
  requests: IncomingMessage[];
  /** Resolves with the socket of the next request that arrives. */
  nextRequest(): Promise<Socket>;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1, port 0, that answers only when `answer` says so. */
async function loopback(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<Loopback> {
  const requests: IncomingMessage[] = [];
  const waiting: Array<(socket: Socket) => void> = [];
  const server: Server = createServer((req, res) => {
    requests.push(req);
    waiting.shift()?.(req.socket);
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const closed = (socket: Socket): Promise<void> => (socket.destroyed ? Promise.resolve() : new Promise((resolve) => socket.once('close', () => resolve())));

describe('runtime: the abort signal reaches the request', () => {
  let server: Loopback | undefined;
  afterEach(async () => server?.close());

  it('aborting a call Twilio has not answered closes its socket, resolves network_error, and sends nothing again', async () => {
    server = await loopback(() => undefined); // never answers
    const connector = await loadConnector();
    const controller = new AbortController();
    const arrived = server.nextRequest();
    const call = connector.execute('get-service', { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: server.url }, { serviceSid: SERVICE_SID }, { signal: controller.signal, onError: 'output', timeoutMs: 60_000 });
    const socket = await arrived;
    controller.abort();
    await closed(socket);
    const result = await call;
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'network_error');
    assert.match(!result.ok ? result.error.message : '', /cancelled/);
    assert.equal(server.requests.length, 1, 'an idempotent read is not retried after a cancel');
  });

  it('a call that is answered leaves its keep-alive socket open (the check above can fail)', async () => {
    server = await loopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ sid: SERVICE_SID, friendly_name: 'Acme' }));
    });
    const connector = await loadConnector();
    const arrived = server.nextRequest();
    const output = await connector.execute('get-service', { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: server.url }, { serviceSid: SERVICE_SID }, { signal: new AbortController().signal });
    assert.equal((output as { sid: string }).sid, SERVICE_SID);
    const socket = await arrived;
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(socket.destroyed, false);
  });

  it('a signal aborted before the call sends nothing', async () => {
    server = await loopback(() => undefined);
    const connector = await loadConnector();
    const result = await connector.execute('get-service', { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: server.url }, { serviceSid: SERVICE_SID }, { signal: AbortSignal.abort(), onError: 'output' });
    assert.equal(!result.ok && result.error.code, 'network_error');
    assert.equal(server.requests.length, 0);
  });
});
