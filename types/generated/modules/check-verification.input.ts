/* Generated from schemas/modules/check-verification.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid, VerificationSid } from '../definitions.js';

/**
 * The code the person entered, and which verification it is for: either the phone number or email address it was sent to, or the verification SID.
 */
export interface CheckAVerificationInput {
  /**
   * The Verify service that sent the code (VA…), the same one you gave "Start a verification".
   */
  serviceSid: ServiceSid;
  /**
   * The code the person received and typed in, for example 123456 (4 to 10 letters or digits). Each check uses one of the 5 attempts, right or wrong.
   */
  code: string;
  /**
   * The phone number in E.164 format (+15017122661) or the email address the code was sent to, exactly as given to "Start a verification". Fill in this or the verification SID, not both.
   */
  to?: string;
  /**
   * The verification the code is for (VE…): map the sid that "Start a verification" returned. Fill in this or To, not both.
   */
  verificationSid?: VerificationSid;
  /**
   * For PSD2 services: the same amount given when the verification started, for example €39.99. Required when the service has PSD2 enabled.
   */
  amount?: string;
  /**
   * For PSD2 services: the same payee given when the verification started, for example Acme Inc. Required when the service has PSD2 enabled.
   */
  payee?: string;
  /**
   * For the sna channel started with "Require an SNA client token": the token the device received when it opened the SNA URL. The check succeeds only if it matches.
   */
  snaClientToken?: string;
}
