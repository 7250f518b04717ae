/* Generated from schemas/modules/remove-safe-list-number.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { E164 } from '../definitions.js';

/**
 * The phone number to remove.
 */
export interface RemoveANumberFromTheSafeListInput {
  /**
   * The phone number to take off the safe list, in E.164 (+15017122661).
   */
  phoneNumber: E164;
}
