/* Generated from schemas/resources/verification-attempts-summary.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * How many codes were sent and how many led to a right code, for the filters given (the official spec's verify.v2.verification_attempts_summary). Map $.conversion_rate_percentage for alerts: it is text, for example "81.818181818".
 */
export interface VerificationAttemptsSummary {
  /**
   * Codes sent that match the filters.
   */
  total_attempts?: number | null;
  /**
   * Of those, attempts whose verification was approved (the person entered the right code).
   */
  total_converted?: number | null;
  /**
   * Of those, attempts whose verification was not approved.
   */
  total_unconverted?: number | null;
  /**
   * total_converted / total_attempts × 100 as text, for example "81.818181818" (Twilio sends a string, not a number); null when nothing was sent.
   */
  conversion_rate_percentage?: string | null;
  /**
   * The summary's API address.
   */
  url?: string | null;
}
