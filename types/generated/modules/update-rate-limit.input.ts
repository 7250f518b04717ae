/* Generated from schemas/modules/update-rate-limit.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { RateLimitSid, ServiceSid } from '../definitions.js';

/**
 * Only the description can change; the unique name stays.
 */
export interface UpdateARateLimitInput {
  /**
   * The Verify service (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * The rate limit (RK…). Find it with "List rate limits".
   */
  rateLimitSid: RateLimitSid;
  /**
   * What the rate limit is for, for example "Starts per end-user IP address".
   */
  description?: string;
}
