/* Generated from schemas/resources/safe-list-number.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * A phone number on the safe list (the official spec's verify.v2.safelist): Fraud Guard and geo permissions never block it.
 */
export interface SafeListNumber {
  /**
   * The entry's id (GN…).
   */
  sid?: string | null;
  /**
   * The phone number, in E.164.
   */
  phone_number?: string | null;
  /**
   * The entry's API address.
   */
  url?: string | null;
}
