/* Generated from schemas/modules/delete-service.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid } from '../definitions.js';

/**
 * The service to delete.
 */
export interface DeleteAServiceInput {
  /**
   * The Verify service to delete (VA…). Deleting cannot be undone: its pending verifications stop working.
   */
  serviceSid: ServiceSid;
}
