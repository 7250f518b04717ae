/** Parsing and checking of individual parameter values; failures are Twilio's 60200. */
import { invalidParameter } from './errors.js';

/** E.164: a plus, a non-zero country digit, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{1,14}$/;

/** A pragmatic address check (Twilio rejects obviously malformed addresses with 60200). */
export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export function parseBoolean(name: string, raw: string): boolean {
  const v = raw.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw invalidParameter(name, `expected true or false, got ${JSON.stringify(truncate(raw))}`);
}

export function parseInteger(name: string, raw: string, min: number, max: number): number {
  const v = raw.trim();
  if (!/^-?\d{1,9}$/.test(v)) throw invalidParameter(name, `expected an integer from ${min} to ${max}`);
  const n = Number(v);
  if (n < min || n > max) throw invalidParameter(name, `must be from ${min} to ${max}`);
  return n;
}

/** JSON-string parameters (RateLimits, ChannelConfiguration, TemplateCustomSubstitutions, Tags) must hold an object. */
export function parseJsonObject(name: string, raw: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter(name, 'expected a JSON object');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidParameter(name, 'expected a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** Keeps error messages short when a client sends something huge. */
export function truncate(value: string, max = 64): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
