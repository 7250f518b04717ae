/**
 * Request parameters as Twilio reads them: PascalCase names, repeated keys allowed
 * (application/x-www-form-urlencoded for bodies, the query string for GET), or a JSON object body.
 * Names are case-sensitive and unknown names are ignored, like Twilio.
 */
import { MAX_JSON_DEPTH } from './constants.js';
import { TwilioError } from './errors.js';

export class Params {
  private readonly values = new Map<string, string[]>();

  append(name: string, value: string): void {
    const list = this.values.get(name);
    if (list) list.push(value);
    else this.values.set(name, [value]);
  }

  /** First value of a parameter (Twilio uses the first when a scalar is repeated). */
  get(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  getAll(name: string): string[] {
    return [...(this.values.get(name) ?? [])];
  }

  has(name: string): boolean {
    return this.values.has(name);
  }
}

/**
 * Strict urlencoded parsing: a malformed percent-escape is a client error (400), never an exception
 * that escapes the handler. `+` means space, as in HTML forms.
 */
export function parseUrlEncoded(text: string): Params {
  const params = new Params();
  if (text.length === 0) return params;
  for (const pair of text.split('&')) {
    if (pair.length === 0) continue;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    params.append(decodeComponent(rawName), decodeComponent(rawValue));
  }
  return params;
}

function decodeComponent(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw new TwilioError(20001, 'Malformed percent-encoding in request parameters');
  }
}

/**
 * A JSON object body, accepted for convenience: strings as they are, numbers and booleans as text,
 * arrays of scalars as repeated keys, objects (RateLimits, ChannelConfiguration, …) as JSON strings.
 */
export function parseJsonBody(text: string): Params {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.length === 0 ? '{}' : text);
  } catch {
    throw new TwilioError(20001, 'Request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new TwilioError(20001, 'A JSON request body must be an object');
  }
  if (nestsDeeperThan(parsed, MAX_JSON_DEPTH)) throw new TwilioError(20001, `A JSON request body may nest at most ${MAX_JSON_DEPTH} levels`);
  const params = new Params();
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
      for (const item of value) if (item !== null) params.append(name, String(item));
    } else if (typeof value === 'object') {
      params.append(name, JSON.stringify(value));
    } else {
      params.append(name, String(value));
    }
  }
  return params;
}

/** Depth of a parsed value, measured without recursion (a deep body must not exhaust the stack while it is measured). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (node !== null && typeof node === 'object') for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Chooses the parser from the Content-Type; anything but JSON is read as a form, as Twilio does. */
export function parseBody(contentType: string | undefined, body: Buffer): Params {
  const text = body.toString('utf8');
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return parseJsonBody(text);
  return parseUrlEncoded(text);
}
