/* Generated from schemas/modules/list-rate-limit-buckets.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * The rate limit's buckets, at most the limit asked for. Map $.buckets[].max and $.buckets[].interval.
 */
export interface ListRateLimitBucketsOutput {
  /**
   * Each bucket, as Twilio returns it.
   */
  buckets: RateLimitBucket[];
}
/**
 * One bucket of a rate limit (the official spec's verify.v2.service.rate_limit.bucket): at most `max` starts per `interval` seconds for each value of the rate limit.
 */
export interface RateLimitBucket {
  /**
   * The bucket's id (BL…).
   */
  sid?: string | null;
  /**
   * The rate limit (RK…) it belongs to.
   */
  rate_limit_sid?: string | null;
  /**
   * The Verify service (VA…).
   */
  service_sid?: string | null;
  /**
   * The account (AC…).
   */
  account_sid?: string | null;
  /**
   * How many starts one value may make within the interval.
   */
  max?: number | null;
  /**
   * The interval, in seconds.
   */
  interval?: number | null;
  /**
   * When it was created (ISO 8601).
   */
  date_created?: string | null;
  /**
   * When it last changed (ISO 8601).
   */
  date_updated?: string | null;
  /**
   * The bucket's API address.
   */
  url?: string | null;
}
