/* Generated from schemas/modules/delete-entity.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Identity, ServiceSid } from '../definitions.js';

export interface DeleteAnEntityInput {
  /**
   * The Verify service (VA…) the user belongs to: the same one for every factor and challenge of this user.
   */
  serviceSid: ServiceSid;
  /**
   * The user to delete (your own id for them). Deleting cannot be undone: every factor of the user goes with it.
   */
  identity: Identity;
}
