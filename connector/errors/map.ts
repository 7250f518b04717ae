import { ConnectorError, type ErrorCode } from './connector-error.js';
import { NO_ANSWER_TABLE, ruleForStatus, TWILIO_ERROR_TABLE, type ErrorRule } from './table.js';

/** A module may give a Twilio code a more precise meaning in its context (20404 on a check: no longer pending). */
export type ErrorOverrides = Readonly<Record<string, { code: ErrorCode; remedy: string }>>;

interface TwilioErrorBody {
  code?: unknown;
  message?: unknown;
  more_info?: unknown;
}

function asErrorBody(body: unknown): TwilioErrorBody {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as TwilioErrorBody) : {};
}

/** A header's value as a person may read it in a message: one line, printable, short. */
function headerText(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '').trim().slice(0, 200);
}

/** Twilio answered with an error status: turn its body (and the headers its table row declares) into the closed error set. */
export function errorFromResponse(statusCode: number, body: unknown, overrides?: ErrorOverrides, retryAfterMs?: number, headers: Readonly<Record<string, string>> = {}): ConnectorError {
  const parsed = asErrorBody(body);
  const twilioCode = typeof parsed.code === 'number' && Number.isInteger(parsed.code) ? parsed.code : undefined;
  const twilioMessage = typeof parsed.message === 'string' ? parsed.message.slice(0, 500) : undefined;
  const moreInfo = typeof parsed.more_info === 'string' ? parsed.more_info.slice(0, 300) : undefined;

  const override = twilioCode !== undefined ? overrides?.[String(twilioCode)] : undefined;
  const rule: ErrorRule = override
    ? { ...(TWILIO_ERROR_TABLE[twilioCode!] ?? ruleForStatus(statusCode)), ...override }
    : (twilioCode !== undefined ? TWILIO_ERROR_TABLE[twilioCode] : undefined) ?? ruleForStatus(statusCode);

  const what = twilioMessage ?? `Twilio answered HTTP ${statusCode}`;
  let message = twilioCode !== undefined ? `${what} (Twilio error ${twilioCode}).` : `${what}.`;
  const details: Record<string, unknown> = {};
  if (retryAfterMs !== undefined) details['retryAfterMs'] = retryAfterMs;
  for (const [name, { detail, label }] of Object.entries(rule.headers ?? {})) {
    const value = headers[name] === undefined ? '' : headerText(headers[name]!);
    if (value === '') continue;
    details[detail] = value;
    message += ` ${label[0]!.toUpperCase()}${label.slice(1)}: ${value}.`;
  }
  return new ConnectorError(rule.code, message, {
    status: statusCode,
    ...(twilioCode !== undefined ? { twilioCode } : {}),
    ...(moreInfo !== undefined ? { moreInfo } : {}),
    retryable: rule.retryable,
    remedy: rule.remedy,
    ...(Object.keys(details).length > 0 ? { details } : {}),
  });
}

/** Failures before any connection existed (refused, no such host, no route): the request never left. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/** Network-level failures. Only the error's code is read: an HTTP library's error object carries the request's headers, credentials included. */
export function errorFromException(error: unknown, timeoutMs: number): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  const name = typeof (error as { name?: unknown })?.name === 'string' ? (error as { name: string }).name : '';
  const { timeout, cancelled, notConnected, unreachable } = NO_ANSWER_TABLE;
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || name === 'TimeoutError') return new ConnectorError(timeout.code, `Twilio did not answer within ${timeoutMs} ms.`, timeout);
  if (code === 'ERR_CANCELED' || name === 'AbortError' || name === 'CanceledError') return new ConnectorError(cancelled.code, 'The request was cancelled before Twilio answered.', cancelled);
  // No connection was made, so no request reached Twilio: "may have been sent" would be wrong (details.sent says so).
  if (NOT_CONNECTED.has(code)) return new ConnectorError(notConnected.code, `Could not connect to Twilio (${code}).`, { ...notConnected, details: { sent: false } });
  return new ConnectorError(unreachable.code, `Could not reach Twilio (${code !== '' ? code : 'connection failed'}).`, unreachable);
}
