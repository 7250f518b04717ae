/**
 * HTTP Basic authentication as Twilio does it: `AccountSid:AuthToken` or `ApiKeySid:ApiKeySecret`.
 * Comparisons are constant-time over SHA-256 digests so that neither length nor content leaks by timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface Credentials {
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
}

export type AuthResult = { ok: true; username: string; kind: 'account' | 'apiKey' } | { ok: false };

export function authenticate(header: string | undefined, credentials: Credentials): AuthResult {
  if (typeof header !== 'string') return { ok: false };
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) return { ok: false };
  let decoded: string;
  try {
    decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  } catch {
    return { ok: false };
  }
  const colon = decoded.indexOf(':');
  if (colon === -1) return { ok: false };
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  // Evaluate both pairs every time so the response time does not reveal which username matched.
  const account = same(username, credentials.accountSid) & same(password, credentials.authToken);
  const apiKey = same(username, credentials.apiKeySid) & same(password, credentials.apiKeySecret);
  if (account) return { ok: true, username, kind: 'account' };
  if (apiKey) return { ok: true, username, kind: 'apiKey' };
  return { ok: false };
}

function same(a: string, b: string): number {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db) ? 1 : 0;
}
