/** SIDs and credentials: a two-letter prefix and 32 lowercase hex digits, as Twilio's are. */
import { randomBytes } from 'node:crypto';

export function hex32(): string {
  return randomBytes(16).toString('hex');
}

/** e.g. sid('VA') → 'VA0f3c…' (34 characters). */
export function sid(prefix: string): string {
  return prefix + hex32();
}

export const SID_PATTERNS = {
  account: /^AC[0-9a-fA-F]{32}$/,
  apiKey: /^SK[0-9a-fA-F]{32}$/,
  service: /^VA[0-9a-fA-F]{32}$/,
  verification: /^VE[0-9a-fA-F]{32}$/,
  credential: /^CR[0-9a-fA-F]{32}$/,
  template: /^HJ[0-9a-fA-F]{32}$/,
  messagingService: /^MG[0-9a-fA-F]{32}$/,
  mailer: /^MD[0-9a-fA-F]{32}$/,
} as const;
