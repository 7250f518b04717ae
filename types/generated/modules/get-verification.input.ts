/* Generated from schemas/modules/get-verification.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid, VerificationSid } from '../definitions.js';

export interface GetAVerificationInput {
  /**
   * The Verify service that started the verification (VA…), the same one you gave "Start a verification".
   */
  serviceSid: ServiceSid;
  /**
   * The verification to look up (VE…): map the sid that "Start a verification" returned, for example VEbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb. Only pending verifications can be fetched.
   */
  verificationSid: VerificationSid;
}
