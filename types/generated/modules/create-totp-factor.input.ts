/* Generated from schemas/modules/create-totp-factor.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Identity, ServiceSid } from '../definitions.js';
import type { TotpCodeLength, TotpSkew, TotpTimeStep } from '../service-settings.js';

/**
 * The user and a name for the factor; the TOTP settings default to the service's (30-second, 6-digit SHA-1 codes unless the service says otherwise).
 */
export interface CreateATOTPFactorInput {
  /**
   * The Verify service (VA…). Its TOTP settings (issuer, time step, code length, skew) are the defaults of the factor.
   */
  serviceSid: ServiceSid;
  /**
   * Your own id for the user (8 to 64 letters and digits, groups joined by dashes, such as a UUID). Twilio creates the entity on the first factor. Never a phone number, email address or name.
   */
  identity: Identity;
  /**
   * The account name the authenticator app shows next to the codes, for example ana@example.com or "Acme account" (at most 64 characters). Twilio puts it into binding.uri.
   */
  friendlyName: string;
  /**
   * Leave empty to let Twilio generate a strong secret (recommended). Only to move an existing authenticator over: its shared key in Base32 (letters A–Z and digits 2–7, at least 16 characters).
   */
  secret?: string;
  /**
   * Only to differ from the service's TOTP settings for this factor.
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
  /**
   * Your own notes about the factor as key/value text, for example { "device": "work phone" }; returned with the factor.
   */
  metadata?: {
    [k: string]: string | undefined;
  };
}
