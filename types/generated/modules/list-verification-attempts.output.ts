/* Generated from schemas/modules/list-verification-attempts.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { VerificationAttempt } from '../resources/verification-attempt.js';

/**
 * The attempts found, newest first as Twilio lists them, at most the limit asked for. Map $.attempts[].conversion_status, $.attempts[].channel_data.country and $.attempts[].price.
 */
export interface ListVerificationAttemptsOutput {
  /**
   * Each code sent, as Twilio returns it.
   */
  attempts: VerificationAttempt[];
}
