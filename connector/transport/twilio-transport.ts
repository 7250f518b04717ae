import type { ResolvedConnection } from './connection.js';
import { pairsToObject, type TwilioHost, type WireRequest, type WireResponse } from './wire.js';

/** The slice of the twilio client this package uses: its authenticated, keep-alive HTTP request. */
interface TwilioClientLike {
  /** The client's RequestClient, whose axios instance sends every request (typed in twilio's RequestClient.d.ts). */
  readonly httpClient: { axios: { interceptors: { request: { use(onRequest: (config: { signal?: unknown }) => unknown): unknown } } } };
  request(opts: {
    method: string;
    uri: string;
    params?: Record<string, unknown>;
    data?: unknown;
    headers?: Record<string, string>;
    timeout?: number;
  }): Promise<{ statusCode: number; body: unknown; headers: unknown }>;
}

type TwilioFactory = (username: string, password: string, opts: Record<string, unknown>) => TwilioClientLike;

let factory: Promise<TwilioFactory> | undefined;

/** `twilio` costs ~130 ms and ~25 MB to load: it is imported on the first network call, never at import time. */
function loadTwilio(): Promise<TwilioFactory> {
  factory ??= import('twilio').then((mod) => (mod.default ?? mod) as unknown as TwilioFactory);
  return factory;
}

const MAX_CLIENTS = 64;
const clients = new Map<string, TwilioClientLike>();

type CreateHash = typeof import('node:crypto').createHash;
/** A resolved connection is reused while the host's connection object is unchanged: its key is hashed once. */
const keyByConnection = new WeakMap<ResolvedConnection, string>();
let createHash: CreateHash | undefined;
type SignalStore = import('node:async_hooks').AsyncLocalStorage<AbortSignal>;
/** The caller's abort signal while its request is on the way: twilio's request() takes none, so axios gets it here. */
let currentSignal: SignalStore | undefined;

/** One client (one keep-alive agent) per connection; the key is a hash so no secret is kept as a map key. */
function clientKey(c: ResolvedConnection, createHash: CreateHash): string {
  return createHash('sha256').update([c.accountSid, c.username, c.password, c.region ?? '', c.edge ?? '', c.baseUrl ?? ''].join('\u0000')).digest('hex');
}

async function clientFor(c: ResolvedConnection): Promise<TwilioClientLike> {
  let key = keyByConnection.get(c);
  if (key === undefined) {
    // node:crypto is loaded with the first call, like twilio, not at import.
    createHash ??= (await import('node:crypto')).createHash;
    currentSignal ??= new (await import('node:async_hooks')).AsyncLocalStorage<AbortSignal>();
    key = clientKey(c, createHash);
    keyByConnection.set(c, key);
  }
  const cached = clients.get(key);
  if (cached) return cached;
  const twilio = await loadTwilio();
  const opts: Record<string, unknown> = { accountSid: c.accountSid, keepAlive: true, autoRetry: false, env: {} };
  // Region and edge rewrite *.twilio.com host names; an emulator's loopback address must stay as it is.
  if (!c.baseUrl) {
    if (c.region) opts['region'] = c.region;
    if (c.edge) opts['edge'] = c.edge;
  }
  const client = twilio(c.username, c.password, opts);
  const store = currentSignal!;
  client.httpClient.axios.interceptors.request.use((config) => {
    const signal = store.getStore();
    if (signal) config.signal = signal;
    return config;
  });
  if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
  clients.set(key, client);
  return client;
}

export function baseUrlFor(c: ResolvedConnection, host: TwilioHost): string {
  return c.baseUrl ?? `https://${host}.twilio.com`;
}

export function urlFor(c: ResolvedConnection, request: WireRequest): string {
  return request.absoluteUrl ?? `${baseUrlFor(c, request.host)}${request.path}`;
}

function flatHeaders(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    const source = typeof (raw as { toJSON?: unknown }).toJSON === 'function' ? (raw as { toJSON(): object }).toJSON() : raw;
    for (const [name, value] of Object.entries(source)) {
      if (value !== undefined && value !== null) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  return out;
}

/**
 * Sends one request through the twilio client (Basic auth, user agent, keep-alive, timeout, region/edge). The signal
 * aborts the request itself: axios destroys its socket, and the promise rejects with a cancel (ERR_CANCELED).
 */
export async function send(c: ResolvedConnection, request: WireRequest, timeoutMs: number, signal?: AbortSignal): Promise<WireResponse> {
  const client = await clientFor(c);
  const headers: Record<string, string> = { ...request.headers };
  let data: unknown;
  if (request.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    data = request.json;
  } else if (request.form && request.form.length > 0) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    data = pairsToObject(request.form);
  }
  const opts = {
    method: request.method.toLowerCase(),
    uri: urlFor(c, request),
    ...(request.query && request.query.length > 0 ? { params: pairsToObject(request.query) } : {}),
    ...(data !== undefined ? { data } : {}),
    headers,
    timeout: timeoutMs,
  };
  const response = await (signal ? currentSignal!.run(signal, () => client.request(opts)) : client.request(opts));
  return { statusCode: response.statusCode, headers: flatHeaders(response.headers), body: response.body ?? '' };
}
