/* Generated from schemas/modules/delete-factor.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Twilio answers a deletion with no content; the connector returns which factor was deleted so later steps can map it.
 */
export interface DeleteAFactorOutput {
  /**
   * The deleted factor's id (YF…).
   */
  sid: string;
  /**
   * The identity of the user who owned it.
   */
  identity: string;
  /**
   * Always true: the factor is gone.
   */
  deleted: boolean;
}
