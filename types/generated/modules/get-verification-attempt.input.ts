/* Generated from schemas/modules/get-verification-attempt.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { AttemptSid } from '../definitions.js';

/**
 * The attempt to fetch.
 */
export interface GetAVerificationAttemptInput {
  /**
   * The attempt (VL…): the attempt_sid in a verification's send_code_attempts, or a sid listed by "List verification attempts".
   */
  attemptSid: AttemptSid;
}
