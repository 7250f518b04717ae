/* Generated from schemas/modules/get-entity.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Identity, ServiceSid } from '../definitions.js';

export interface GetAnEntityInput {
  /**
   * The Verify service (VA…) the user belongs to: the same one for every factor and challenge of this user.
   */
  serviceSid: ServiceSid;
  /**
   * Your own id for the user (8 to 64 letters and digits, groups joined by dashes).
   */
  identity: Identity;
}
