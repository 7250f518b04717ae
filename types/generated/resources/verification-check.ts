/* Generated from schemas/resources/verification-check.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * The result of checking a code, as Twilio returns it. Map $.status in later steps: approved means the code was right; pending means it was wrong and the person may try again (up to 5 checks). $.valid is true for a right code and false for a wrong one. A wrong code is an answer, not an error. Every field may be null; fields Twilio adds later are kept.
 */
export interface VerificationCheck {
  /**
   * The verification's id (VE…), the same sid "Start a verification" returned.
   */
  sid?: string | null;
  /**
   * The Verify service (VA…).
   */
  service_sid?: string | null;
  /**
   * The account (AC…).
   */
  account_sid?: string | null;
  /**
   * The phone number or email address that was verified.
   */
  to?: string | null;
  /**
   * How the code was sent: sms, call, email, whatsapp or sna.
   */
  channel?: string | null;
  /**
   * approved when the code was right; pending when it was wrong (the person may try again); also canceled, max_attempts_reached, deleted, failed or expired.
   */
  status?: string | null;
  /**
   * true when the code was right, false when it was wrong. Twilio calls this legacy and prefers status; both work.
   */
  valid?: boolean | null;
  /**
   * The PSD2 transaction amount.
   */
  amount?: string | null;
  /**
   * The PSD2 payee.
   */
  payee?: string | null;
  /**
   * When the verification started (ISO 8601).
   */
  date_created?: string | null;
  /**
   * When it last changed (ISO 8601).
   */
  date_updated?: string | null;
  /**
   * For the sna channel: the error of each failed attempt, oldest first (empty when none failed; null when the last channel was not sna).
   */
  sna_attempts_error_codes?: unknown[] | null;
}
