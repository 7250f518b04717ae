/* Generated from schemas/modules/remove-safe-list-number.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Twilio answers a removal with no content; the connector returns which number was removed so later steps can map it.
 */
export interface RemoveANumberFromTheSafeListOutput {
  /**
   * The removed phone number, in E.164.
   */
  phone_number: string;
  /**
   * Always true: Fraud Guard and geo permissions apply to the number again.
   */
  deleted: boolean;
}
