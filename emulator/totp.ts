/**
 * RFC 6238 time-based one-time passwords over RFC 4226 HOTP, and RFC 4648 Base32 for the shared secret.
 * T = floor(unix seconds / time step); HMAC-alg(secret, 8-byte big-endian T); dynamic truncation; mod 10^digits.
 * Twilio allows 3–8 digits and sha1, sha256 or sha512.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpSettings {
  alg: TotpAlgorithm;
  /** Seconds per code (Twilio: 20–60). */
  timeStep: number;
  /** Digits per code (Twilio: 3–8). */
  codeLength: number;
  /** Time steps accepted before and after the current one (Twilio: 0–2). */
  skew: number;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** Base32 (case-insensitive, padding optional) → bytes; undefined when a character is not Base32. */
export function base32Decode(text: string): Buffer | undefined {
  const clean = text.replace(/=+$/, '').toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32.indexOf(char);
    if (value === -1) return undefined;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** A new secret as Twilio makes them: 20 random bytes (160 bits, RFC 4226's recommendation), 32 Base32 characters. */
export function newSecret(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 4226 HOTP value of one counter. */
export function hotp(key: Uint8Array, counter: number, digits: number, alg: TotpAlgorithm): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(alg, key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time-step counter T of a moment. */
export function timeCounter(nowMs: number, timeStep: number): number {
  return Math.floor(nowMs / 1000 / timeStep);
}

/** The code an authenticator app shows at `nowMs`. */
export function totpCode(key: Uint8Array, nowMs: number, settings: Pick<TotpSettings, 'alg' | 'timeStep' | 'codeLength'>): string {
  return hotp(key, timeCounter(nowMs, settings.timeStep), settings.codeLength, settings.alg);
}

/** Whether `code` is the code of T−skew … T+skew (compared in constant time per candidate). */
export function totpMatches(key: Uint8Array, code: string, nowMs: number, settings: TotpSettings): boolean {
  if (!/^[0-9]+$/.test(code) || code.length !== settings.codeLength) return false;
  const counter = timeCounter(nowMs, settings.timeStep);
  let matched = false;
  for (let offset = -settings.skew; offset <= settings.skew; offset++) {
    if (counter + offset < 0) continue;
    const candidate = hotp(key, counter + offset, settings.codeLength, settings.alg);
    let diff = 0;
    for (let i = 0; i < candidate.length; i++) diff |= candidate.charCodeAt(i) ^ code.charCodeAt(i);
    if (diff === 0) matched = true;
  }
  return matched;
}

/** The Key URI Format authenticator apps scan: otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=…&digits=…&period=… */
export function otpauthUri(issuer: string, account: string, secret: string, settings: Pick<TotpSettings, 'alg' | 'timeStep' | 'codeLength'>): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=${settings.alg.toUpperCase()}&digits=${settings.codeLength}&period=${settings.timeStep}`;
}
