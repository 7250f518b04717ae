/* Generated from schemas/modules/list-rate-limits.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid } from '../definitions.js';

/**
 * The service whose rate limits to list.
 */
export interface ListRateLimitsInput {
  /**
   * The Verify service (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * The most rate limits to return, from 1 to 10000 (default 50). The connector follows Twilio's pages until it has this many or the list ends.
   */
  limit?: number;
  /**
   * How many rate limits Twilio returns per request, from 1 to 1000 (Twilio's default is 50). Only affects speed: larger pages mean fewer requests for long lists.
   */
  pageSize?: number;
}
