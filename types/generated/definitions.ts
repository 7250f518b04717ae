/* Generated from schemas/definitions.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Pieces every other schema refers to: Twilio SIDs, phone numbers, Twilio's error body.
 */
export interface SharedDefinitions {
  [k: string]: unknown | undefined;
}
