/* Generated from schemas/modules/delete-factor.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { FactorSid, Identity, ServiceSid } from '../definitions.js';

export interface DeleteAFactorInput {
  /**
   * The Verify service (VA…) the user belongs to: the same one for every factor and challenge of this user.
   */
  serviceSid: ServiceSid;
  /**
   * Your own id for the user (8 to 64 letters and digits, groups joined by dashes, such as a UUID), the same one you gave "Create a TOTP factor". Never a phone number, email address or name: Twilio treats it as not personal.
   */
  identity: Identity;
  /**
   * The factor to delete (YF…). Deleting cannot be undone.
   */
  factorSid: FactorSid;
}
