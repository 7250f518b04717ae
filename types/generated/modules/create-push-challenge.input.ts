/* Generated from schemas/modules/create-push-challenge.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { FactorSid, Identity, ServiceSid } from '../definitions.js';

/**
 * The user, the push factor their phone registered (only your app with the Verify Push SDK can register one) and what the notification says.
 */
export interface SendAPushChallengeInput {
  /**
   * The Verify service (VA…) the user belongs to: the same one for every factor and challenge of this user.
   */
  serviceSid: ServiceSid;
  /**
   * Your own id for the user (8 to 64 letters and digits, groups joined by dashes, such as a UUID), the same one you gave "Create a TOTP factor". Never a phone number, email address or name: Twilio treats it as not personal.
   */
  identity: Identity;
  /**
   * The verified push factor of the user's phone (YF…), registered by your app with the Verify Push SDK.
   */
  factorSid: FactorSid;
  /**
   * The message of the push notification and up to 20 label/value lines shown in your app.
   */
  details: {
    /**
     * Shown when the notification arrives, for example "Approve the login to Acme?" (at most 256 characters).
     */
    message: string;
    /**
     * Up to 20 lines shown in your app, each a label (at most 36 characters) and a value (at most 128), for example { "label": "Location", "value": "Madrid" }.
     *
     * @minItems 1
     * @maxItems 20
     */
    fields?: {
      label: string;
      value: string;
    }[];
  };
  /**
   * Your own notes about this login as key/value text, not shown to the person, for example { "ip": "172.168.1.234" }; returned with the challenge.
   */
  hiddenDetails?: {
    [k: string]: string | undefined;
  };
  /**
   * When the request stops being valid (ISO 8601, for example 2025-01-15T12:10:00Z): at most 60 minutes after now. Twilio's default is 5 minutes.
   */
  expirationDate?: string;
}
