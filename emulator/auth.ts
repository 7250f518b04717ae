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

/** SHA-256 of each credential, worked out once per credentials object (they never change while the emulator runs). */
interface CredentialDigests {
  accountSid: Buffer;
  authToken: Buffer;
  apiKeySid: Buffer;
  apiKeySecret: Buffer;
}

const digestsByCredentials = new WeakMap<Credentials, CredentialDigests>();

function credentialDigests(credentials: Credentials): CredentialDigests {
  let digests = digestsByCredentials.get(credentials);
  if (!digests || !sameCredentials(digests, credentials)) {
    digests = {
      accountSid: digest(credentials.accountSid),
      authToken: digest(credentials.authToken),
      apiKeySid: digest(credentials.apiKeySid),
      apiKeySecret: digest(credentials.apiKeySecret),
    };
    sources.set(digests, { ...credentials });
    digestsByCredentials.set(credentials, digests);
  }
  return digests;
}

/** The object could have been changed since the digests were made: the source strings are kept beside them to check. */
const sources = new WeakMap<CredentialDigests, Credentials>();

function sameCredentials(digests: CredentialDigests, credentials: Credentials): boolean {
  const source = sources.get(digests);
  return (
    source !== undefined &&
    source.accountSid === credentials.accountSid &&
    source.authToken === credentials.authToken &&
    source.apiKeySid === credentials.apiKeySid &&
    source.apiKeySecret === credentials.apiKeySecret
  );
}

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
  // Evaluate both pairs every time so the response time does not reveal which username matched. Each side is a
  // SHA-256 digest, so the comparison is constant-time whatever the lengths; the stored digests are made once.
  const stored = credentialDigests(credentials);
  const user = digest(username);
  const pass = digest(password);
  const account = same(user, stored.accountSid) & same(pass, stored.authToken);
  const apiKey = same(user, stored.apiKeySid) & same(pass, stored.apiKeySecret);
  if (account) return { ok: true, username, kind: 'account' };
  if (apiKey) return { ok: true, username, kind: 'apiKey' };
  return { ok: false };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function same(a: Buffer, b: Buffer): number {
  return timingSafeEqual(a, b) ? 1 : 0;
}
