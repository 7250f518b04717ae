/* Generated from schemas/modules/delete-webhook.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Twilio answers a deletion with no content; the connector returns which webhook was deleted so later steps can map it.
 */
export interface DeleteAWebhookOutput {
  /**
   * The deleted webhook's id (YW…).
   */
  sid: string;
  /**
   * Always true: Twilio no longer calls its URL.
   */
  deleted: boolean;
}
