/** A request as the runtime builds it, before credentials and hosts are applied. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type TwilioHost = 'verify' | 'api';

export interface WireRequest {
  method: HttpMethod;
  host: TwilioHost;
  /** Path on the host, starting with `/`. */
  path: string;
  /** An absolute URL to use instead of host + path (a next-page link already checked to be same-origin). */
  absoluteUrl?: string;
  query?: Array<[string, string]>;
  form?: Array<[string, string]>;
  json?: unknown;
  headers?: Record<string, string>;
}

export interface WireResponse {
  statusCode: number;
  headers: Record<string, string>;
  /** Parsed JSON when Twilio sent JSON; the raw text otherwise ('' for an empty answer). */
  body: unknown;
}

/** Pairs → the object shape qs and the twilio client expect; a repeated name becomes an array. */
export function pairsToObject(pairs: Array<[string, string]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of pairs) {
    const existing = out[name];
    if (existing === undefined) out[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[name] = [existing, value];
  }
  return out;
}

/** The form body as Twilio receives it, for logs, tests and the CLI's dry run. */
export function encodePairs(pairs: Array<[string, string]>): string {
  return new URLSearchParams(pairs).toString();
}
