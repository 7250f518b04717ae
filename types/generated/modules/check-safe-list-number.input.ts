/* Generated from schemas/modules/check-safe-list-number.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { E164 } from '../definitions.js';

/**
 * The phone number to look for.
 */
export interface CheckANumberOnTheSafeListInput {
  /**
   * The phone number to look for, in E.164 (+15017122661).
   */
  phoneNumber: E164;
}
