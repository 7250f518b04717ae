/* Generated from schemas/modules/delete-entity.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Twilio answers a deletion with no content; the connector returns which entity was deleted so later steps can map it.
 */
export interface DeleteAnEntityOutput {
  /**
   * The deleted entity's identity.
   */
  identity: string;
  /**
   * Always true: the entity and its factors and challenges are gone.
   */
  deleted: boolean;
}
