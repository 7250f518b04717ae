/* Generated from schemas/modules/check-totp-code.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { FactorSid, Identity, ServiceSid } from '../definitions.js';

/**
 * The user, their verified TOTP factor and the code they typed.
 */
export interface CheckATOTPCodeInput {
  /**
   * The Verify service (VA…) the user belongs to: the same one for every factor and challenge of this user.
   */
  serviceSid: ServiceSid;
  /**
   * Your own id for the user (8 to 64 letters and digits, groups joined by dashes, such as a UUID), the same one you gave "Create a TOTP factor". Never a phone number, email address or name: Twilio treats it as not personal.
   */
  identity: Identity;
  /**
   * The user's verified TOTP factor (YF…): the sid "Create a TOTP factor" returned, or pick it from the user's factors.
   */
  factorSid: FactorSid;
  /**
   * The code the person typed from their authenticator app, for example 123456 (3 to 8 digits).
   */
  code: string;
  /**
   * Your own notes about this login as key/value text, not shown to the person, for example { "ip": "172.168.1.234" }; returned with the challenge.
   */
  hiddenDetails?: {
    [k: string]: string | undefined;
  };
}
