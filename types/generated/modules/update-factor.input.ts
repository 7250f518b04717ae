/* Generated from schemas/modules/update-factor.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { FactorSid, Identity, ServiceSid } from '../definitions.js';
import type { TotpCodeLength, TotpSkew, TotpTimeStep } from '../service-settings.js';

/**
 * The factor and the settings to change.
 */
export interface UpdateAFactorInput {
  /**
   * The Verify service (VA…) the user belongs to: the same one for every factor and challenge of this user.
   */
  serviceSid: ServiceSid;
  /**
   * Your own id for the user (8 to 64 letters and digits, groups joined by dashes, such as a UUID), the same one you gave "Create a TOTP factor". Never a phone number, email address or name: Twilio treats it as not personal.
   */
  identity: Identity;
  /**
   * The factor to change (YF…).
   */
  factorSid: FactorSid;
  /**
   * The factor's new name (at most 64 characters).
   */
  friendlyName?: string;
  /**
   * The TOTP settings to change. The authenticator app keeps making codes with the old settings: change them only before the person scans the QR code, or enrol again.
   */
  config?: {
    /**
     * How many seconds each code lasts, from 20 to 60. Most authenticator apps only support 30.
     */
    timeStep?: TotpTimeStep;
    /**
     * How many time steps early or late a code is still accepted, from 0 to 2, for phones whose clock is a little off.
     */
    skew?: TotpSkew;
    /**
     * How many digits each code has, from 3 to 8. Most authenticator apps only support 6.
     */
    codeLength?: TotpCodeLength;
    /**
     * The hash the codes are made with: sha1 (what every authenticator app supports), sha256 or sha512.
     */
    alg?: 'sha1' | 'sha256' | 'sha512';
  };
}
