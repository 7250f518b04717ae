/* Generated from schemas/modules/verify-totp-factor.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { FactorSid, Identity, ServiceSid } from '../definitions.js';

/**
 * The new factor and the code the person read from the authenticator app after scanning the QR code.
 */
export interface VerifyATOTPFactorInput {
  /**
   * The Verify service (VA…) the user belongs to: the same one for every factor and challenge of this user.
   */
  serviceSid: ServiceSid;
  /**
   * Your own id for the user (8 to 64 letters and digits, groups joined by dashes, such as a UUID), the same one you gave "Create a TOTP factor". Never a phone number, email address or name: Twilio treats it as not personal.
   */
  identity: Identity;
  /**
   * The factor to verify (YF…): map the sid "Create a TOTP factor" returned.
   */
  factorSid: FactorSid;
  /**
   * The code the authenticator app shows now, for example 123456 (3 to 8 digits). A wrong code leaves the factor unverified; after 5 wrong codes the factor is locked and must be created again.
   */
  code: string;
}
