/**
 * The HTTP front: one request listener that reads, authenticates, routes and answers.
 * Every failure becomes a Twilio-shaped JSON error; nothing a client sends can throw past here.
 * The emulator never logs, so no credential can leak into a log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { authenticate } from './auth.js';
import { readBody } from './body.js';
import { MAX_BODY_BYTES } from './constants.js';
import { TwilioError, errorBody, notFound } from './errors.js';
import { sid } from './ids.js';
import { addAttemptRoutes } from './attempt-routes.js';
import { addMessageRoutes } from './messages.js';
import { addMessagingConfigurationRoutes } from './messaging-configuration-routes.js';
import { type Params, parseBody, parseUrlEncoded } from './params.js';
import { addRateLimitRoutes } from './rate-limit-routes.js';
import { Router } from './router.js';
import { addSafeListRoutes } from './safe-list-routes.js';
import type { EmulatorState } from './state.js';
import { addTemplateRoutes } from './template-routes.js';
import { addVerifyRoutes } from './verify-routes.js';
import { addEntityRoutes } from './entity-routes.js';
import { addWebhookRoutes } from './webhook-routes.js';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * HTTP that Node cannot parse, answered in Twilio's error shape when the socket still takes it: a header block too
 * large (431), anything else malformed (400). Never throws; the connection is closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(errorBody(tooLarge ? 20431 : 20001, tooLarge ? undefined : 'Malformed HTTP request'));
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

export function createRequestListener(state: EmulatorState): RequestListener {
  const router = new Router();
  addVerifyRoutes(router, state);
  addMessageRoutes(router, state);
  addEntityRoutes(router, state);
  addWebhookRoutes(router, state);
  addAttemptRoutes(router, state);
  addTemplateRoutes(router, state);
  addRateLimitRoutes(router, state);
  addSafeListRoutes(router, state);
  addMessagingConfigurationRoutes(router, state);

  return (req, res) => {
    handle(req, res, state, router).catch(() => {
      // handle() already answers every error; this only guards against a failure while answering.
      safeEnd(res, 500, errorBody(20500));
    });
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, state: EmulatorState, router: Router): Promise<void> {
  state.counters.requests++;
  const secrets = [state.credentials.authToken, state.credentials.apiKeySecret];
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}, close = false): void =>
    send(res, status, body, headers, close, secrets);
  try {
    const method = (req.method ?? 'GET').toUpperCase();
    const { segments, rawQuery } = splitTarget(req.url ?? '/');
    const path = `/${segments.join('/')}`;

    // Emulator-only endpoints: no auth, so a test or a person can peek at delivered codes.
    if (segments[0] === '__emulator') {
      if (segments.length === 2 && segments[1] === 'outbox') {
        if (method !== 'GET') throw new TwilioError(20004, 'Method not allowed', { Allow: 'GET' });
        const to = parseUrlEncoded(rawQuery).get('to');
        return reply(200, { messages: state.outbox.list({ to }) });
      }
      throw notFound(path);
    }

    const auth = authenticate(req.headers.authorization, state.credentials);
    if (!auth.ok) throw new TwilioError(20003, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' });

    const match = router.match(method, segments);
    if (match.kind === 'notFound') throw notFound(path);
    if (match.kind === 'methodNotAllowed') {
      throw new TwilioError(20004, `Method ${truncateMethod(method)} not allowed on ${path}`, { Allow: match.allow.join(', ') });
    }

    let params: Params;
    if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
      const body = await readBody(req, MAX_BODY_BYTES);
      if (!body.ok) {
        state.counters.errors++;
        if (body.reason === 'tooLarge') {
          // Stop here: answer and close the connection instead of reading the rest of the upload.
          return reply(413, errorBody(20413), { Connection: 'close' }, true);
        }
        res.destroy();
        return;
      }
      params = parseBody(req.headers['content-type'], body.body);
    } else {
      params = parseUrlEncoded(rawQuery);
    }

    const result = match.handler({ method, path, pathParams: match.pathParams, params, auth });
    return reply(result.status, result.body, result.headers);
  } catch (error) {
    state.counters.errors++;
    if (error instanceof TwilioError) return reply(error.status, error.toBody(), error.headers);
    // A bug, not a client error: answer 500 without details (they could carry request data).
    return reply(500, errorBody(20500));
  }
}

/** Path segments (percent-decoded) and the raw query string of a request target. */
function splitTarget(target: string): { segments: string[]; rawQuery: string } {
  let pathAndQuery = target;
  if (!target.startsWith('/')) {
    // absolute-form (http://host/path) or garbage
    try {
      const url = new URL(target);
      pathAndQuery = url.pathname + url.search;
    } catch {
      throw notFound('/');
    }
  }
  const q = pathAndQuery.indexOf('?');
  const rawPath = q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
  const rawQuery = q === -1 ? '' : pathAndQuery.slice(q + 1);
  const segments = rawPath.split('/').filter((s) => s.length > 0).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      throw notFound(rawPath.slice(0, 200));
    }
  });
  return { segments, rawQuery };
}

function truncateMethod(method: string): string {
  return method.slice(0, 16);
}

/**
 * Last line of defence: error messages echo request data (paths, parameter values), so a client that
 * put a secret there would get it back. Every response text is scrubbed of the secrets it holds.
 */
function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0 && out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, close = false, secrets: readonly string[] = []): void {
  if (res.headersSent || res.destroyed) return;
  res.statusCode = status;
  res.setHeader('Twilio-Request-Id', sid('RQ'));
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (status === 204 || body === undefined) {
    res.end();
  } else {
    const text = redact(JSON.stringify(body), secrets);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(text));
    res.end(text);
  }
  if (close) res.once('finish', () => res.socket?.destroySoon?.());
}

function safeEnd(res: ServerResponse, status: number, body: unknown): void {
  try {
    send(res, status, body);
  } catch {
    res.destroy();
  }
}
