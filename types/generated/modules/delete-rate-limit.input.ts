/* Generated from schemas/modules/delete-rate-limit.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { RateLimitSid, ServiceSid } from '../definitions.js';

/**
 * The rate limit to delete.
 */
export interface DeleteARateLimitInput {
  /**
   * The Verify service (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * The rate limit (RK…) to delete, with its buckets. Starts that still send its key are no longer limited by it.
   */
  rateLimitSid: RateLimitSid;
}
