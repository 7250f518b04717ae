/* Generated from schemas/modules/add-safe-list-number.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { E164 } from '../definitions.js';

/**
 * The phone number to add.
 */
export interface AddANumberToTheSafeListInput {
  /**
   * The phone number, in E.164 (+15017122661), that Fraud Guard and geo permissions must never block.
   */
  phoneNumber: E164;
}
