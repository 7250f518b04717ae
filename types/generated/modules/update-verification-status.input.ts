/* Generated from schemas/modules/update-verification-status.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid, VerificationSid } from '../definitions.js';

export interface UpdateAVerificationStatusInput {
  /**
   * The Verify service that started the verification (VA…), the same one you gave "Start a verification".
   */
  serviceSid: ServiceSid;
  /**
   * The pending verification to close (VE…): map the sid that "Start a verification" returned.
   */
  verificationSid: VerificationSid;
  /**
   * canceled stops the code from working, for example when the person leaves the sign-up. approved is only for verifications started with a custom code that you checked yourself: it tells Twilio the person entered the right code. For codes Twilio generated, use "Check a verification" instead.
   */
  status: 'approved' | 'canceled';
}
