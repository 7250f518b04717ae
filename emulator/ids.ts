/** SIDs and credentials: a two-letter prefix and 32 lowercase hex digits, as Twilio's are. */
import { randomBytes } from 'node:crypto';

// Every response carries a fresh request SID and every start two more: random bytes are drawn in blocks, not 16 at a time.
const POOL_BYTES = 16 * 256;
let pool = Buffer.alloc(0);
let offset = POOL_BYTES;

export function hex32(): string {
  if (offset + 16 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + 16);
  offset += 16;
  return hex;
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
  factor: /^YF[0-9a-fA-F]{32}$/,
  challenge: /^YC[0-9a-fA-F]{32}$/,
  webhook: /^YW[0-9a-fA-F]{32}$/,
} as const;
