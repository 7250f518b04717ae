/* Generated from schemas/modules/create-rate-limit-bucket.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { RateLimitSid, ServiceSid } from '../definitions.js';

/**
 * The rate limit, and how many starts per how many seconds.
 */
export interface CreateARateLimitBucketInput {
  /**
   * The Verify service (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * The rate limit (RK…). Find it with "List rate limits".
   */
  rateLimitSid: RateLimitSid;
  /**
   * How many verifications one value of the rate limit may start within the interval, for example 5.
   */
  max: number;
  /**
   * The window the maximum applies to, in seconds: 60 for a minute, 3600 for an hour, 86400 for a day. Each bucket of a rate limit needs its own interval.
   */
  interval: number;
}
