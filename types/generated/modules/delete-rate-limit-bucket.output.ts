/* Generated from schemas/modules/delete-rate-limit-bucket.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Twilio answers a deletion with no content; the connector returns which bucket was deleted so later steps can map it.
 */
export interface DeleteARateLimitBucketOutput {
  /**
   * The deleted bucket's id (BL…).
   */
  sid: string;
  /**
   * Always true: the bucket no longer limits starts.
   */
  deleted: boolean;
}
