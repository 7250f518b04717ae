/* Generated from schemas/modules/get-rate-limit-bucket.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { BucketSid, RateLimitSid, ServiceSid } from '../definitions.js';

/**
 * The bucket to fetch.
 */
export interface GetARateLimitBucketInput {
  /**
   * The Verify service (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * The rate limit (RK…). Find it with "List rate limits".
   */
  rateLimitSid: RateLimitSid;
  /**
   * The bucket (BL…). Find it with "List rate limit buckets".
   */
  bucketSid: BucketSid;
}
