/* Generated from schemas/modules/list-rate-limit-buckets.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { RateLimitBucket } from '../resources/bucket.js';

/**
 * The rate limit's buckets, at most the limit asked for. Map $.buckets[].max and $.buckets[].interval.
 */
export interface ListRateLimitBucketsOutput {
  /**
   * Each bucket, as Twilio returns it.
   */
  buckets: RateLimitBucket[];
}
