/* Generated from schemas/modules/list-rate-limits.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { RateLimit } from '../resources/rate-limit.js';

/**
 * The service's rate limits, at most the limit asked for. Map $.rate_limits[].sid and $.rate_limits[].unique_name.
 */
export interface ListRateLimitsOutput {
  /**
   * Each rate limit, as Twilio returns it.
   */
  rate_limits: RateLimit[];
}
