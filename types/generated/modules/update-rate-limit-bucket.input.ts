/* Generated from schemas/modules/update-rate-limit-bucket.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { BucketSid, RateLimitSid, ServiceSid } from '../definitions.js';

/**
 * Give the maximum, the interval or both; what you leave out keeps its value.
 */
export interface UpdateARateLimitBucketInput {
  /**
   * The Verify service (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * The rate limit (RK…). Find it with "List rate limits".
   */
  rateLimitSid: RateLimitSid;
  /**
   * The bucket (BL…) to change. Find it with "List rate limit buckets".
   */
  bucketSid: BucketSid;
  /**
   * How many verifications one value of the rate limit may start within the interval, for example 5.
   */
  max?: number;
  /**
   * The window the maximum applies to, in seconds: 60 for a minute, 3600 for an hour, 86400 for a day. Each bucket of a rate limit needs its own interval.
   */
  interval?: number;
}
