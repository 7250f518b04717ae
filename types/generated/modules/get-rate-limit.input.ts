/* Generated from schemas/modules/get-rate-limit.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { RateLimitSid, ServiceSid } from '../definitions.js';

/**
 * The rate limit to fetch.
 */
export interface GetARateLimitInput {
  /**
   * The Verify service (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * The rate limit (RK…). Find it with "List rate limits".
   */
  rateLimitSid: RateLimitSid;
}
