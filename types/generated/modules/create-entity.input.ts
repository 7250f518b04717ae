/* Generated from schemas/modules/create-entity.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Identity, ServiceSid } from '../definitions.js';

export interface CreateAnEntityInput {
  /**
   * The Verify service (VA…) the user belongs to: the same one for every factor and challenge of this user.
   */
  serviceSid: ServiceSid;
  /**
   * Your own id for the user (8 to 64 letters and digits, groups joined by dashes), such as their UUID in your database. Never a phone number, email address or name: Twilio treats it as not personal.
   */
  identity: Identity;
}
