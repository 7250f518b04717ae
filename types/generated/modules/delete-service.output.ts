/* Generated from schemas/modules/delete-service.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Twilio answers a deletion with no content; the connector returns which service was deleted so later steps can map it.
 */
export interface DeleteAServiceOutput {
  /**
   * The deleted service's id (VA…).
   */
  sid: string;
  /**
   * Always true: the service and its verifications are gone.
   */
  deleted: boolean;
}
