/* Generated from schemas/modules/list-rate-limits.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * The service's rate limits, at most the limit asked for. Map $.rate_limits[].sid and $.rate_limits[].unique_name.
 */
export interface ListRateLimitsOutput {
  /**
   * Each rate limit, as Twilio returns it.
   */
  rate_limits: RateLimit[];
}
/**
 * A programmable rate limit of a service (the official spec's verify.v2.service.rate_limit): the key your app sends with each start, such as the user's IP address. Its buckets say how many starts each value may make per interval.
 */
export interface RateLimit {
  /**
   * The rate limit's id (RK…): give it to the bucket modules.
   */
  sid?: string | null;
  /**
   * The Verify service (VA…).
   */
  service_sid?: string | null;
  /**
   * The account (AC…).
   */
  account_sid?: string | null;
  /**
   * The key name your app sends in "Rate limit values" when it starts a verification, for example end_user_ip_address.
   */
  unique_name?: string | null;
  /**
   * What the rate limit is for.
   */
  description?: string | null;
  /**
   * When it was created (ISO 8601).
   */
  date_created?: string | null;
  /**
   * When it last changed (ISO 8601).
   */
  date_updated?: string | null;
  /**
   * The rate limit's API address.
   */
  url?: string | null;
  /**
   * Related API addresses: buckets.
   */
  links?: {} | null;
}
