/* Generated from schemas/modules/delete-rate-limit.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Twilio answers a deletion with no content; the connector returns which rate limit was deleted so later steps can map it.
 */
export interface DeleteARateLimitOutput {
  /**
   * The deleted rate limit's id (RK…).
   */
  sid: string;
  /**
   * Always true: the rate limit and its buckets are gone.
   */
  deleted: boolean;
}
