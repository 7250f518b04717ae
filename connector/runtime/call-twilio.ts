import { ConnectorError } from '../errors/connector-error.js';
import { errorFromException, errorFromResponse, type ErrorOverrides } from '../errors/map.js';
import type { ResolvedConnection } from '../transport/connection.js';
import { send } from '../transport/twilio-transport.js';
import type { WireRequest, WireResponse } from '../transport/wire.js';
import { DEFAULT_RETRY, type RetryPolicy } from './defaults.js';

export interface CallOptions {
  /** False for requests Twilio acts on (a start sends a code, a check burns an attempt): never sent twice. */
  idempotent: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
  errors?: ErrorOverrides;
  retry?: RetryPolicy;
}

function retryAfterMs(headers: Record<string, string>): number | undefined {
  const value = headers['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function backoff(policy: RetryPolicy, attempt: number): number {
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, exponential / 2 + Math.random() * (exponential / 2));
}

/** The caller's signal fired before a (re-)send: nothing more goes out. */
const cancelled = (): ConnectorError => new ConnectorError('network_error', 'The call was cancelled before the request was sent (again).');

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** After a failure Twilio may have acted on (a 5xx, a lost answer), a start or check must not be re-sent by anyone. */
function notSafeToRepeat(error: ConnectorError): ConnectorError {
  return error.with({
    retryable: false,
    remedy: 'Twilio may have acted on this request (a code may have been sent or an attempt used): fetch the verification to see its state before sending again.',
  });
}

/** The error of the last of several sends says how many were made (`details.attempts`), so nobody reads it as the first. */
function withAttempts(error: ConnectorError, attempts: number): ConnectorError {
  return error.with({ details: { ...error.details, attempts } });
}

/** When an error may be sent again: always where Twilio did not act (rate limits), for idempotent requests only otherwise. */
export function whenRetried(error: { code: string; retryable: boolean }): 'always' | 'if-idempotent' | 'never' {
  if (!error.retryable) return 'never';
  return error.code === 'rate_limited' ? 'always' : 'if-idempotent';
}

/**
 * One logical call: send, and send again only where Twilio did not act (20429, 60212 at any time; 5xx, timeouts and
 * network failures only for idempotent requests), waiting Retry-After when given, a bounded number of times.
 * The signal cancels the request in flight (its socket is closed) and any wait. Resolves the 2xx response; rejects a
 * ConnectorError.
 */
export async function callTwilio(c: ResolvedConnection, request: WireRequest, options: CallOptions): Promise<WireResponse> {
  const policy = options.retry ?? DEFAULT_RETRY;
  for (let attempt = 1; ; attempt++) {
    let error: ConnectorError;
    let waitMs: number | undefined;
    if (options.signal?.aborted) throw cancelled();
    try {
      const response = await send(c, request, options.timeoutMs, options.signal);
      if (response.statusCode >= 200 && response.statusCode < 300) return response;
      waitMs = retryAfterMs(response.headers);
      error = errorFromResponse(response.statusCode, response.body, options.errors, waitMs, response.headers);
    } catch (thrown) {
      error = errorFromException(thrown, options.timeoutMs);
    }
    const retried = whenRetried(error);
    const mayRetry = retried === 'always' || (retried === 'if-idempotent' && options.idempotent);
    const delay = waitMs ?? backoff(policy, attempt);
    if (mayRetry && attempt < policy.maxAttempts && delay <= policy.maxDelayMs) {
      await sleep(delay, options.signal);
      continue;
    }
    const nothingSent = error.details?.['sent'] === false;
    const final = retried === 'if-idempotent' && !options.idempotent && !nothingSent ? notSafeToRepeat(error) : error;
    throw attempt > 1 ? withAttempts(final, attempt) : final;
  }
}
