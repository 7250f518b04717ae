/* Generated from schemas/modules/list-entities.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid } from '../definitions.js';

/**
 * Only the service is required: by default the first 50 entities are returned.
 */
export interface ListEntitiesInput {
  /**
   * The Verify service whose entities to list (VA…).
   */
  serviceSid: ServiceSid;
  /**
   * The most entities to return, from 1 to 10000 (default 50). The connector follows Twilio's pages until it has this many or the list ends.
   */
  limit?: number;
  /**
   * How many entities Twilio returns per request, from 1 to 1000 (Twilio's default is 50). Only affects speed: larger pages mean fewer requests for long lists.
   */
  pageSize?: number;
}
