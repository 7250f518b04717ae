/* Generated from schemas/modules/list-factors.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Factor } from '../resources/factor.js';

/**
 * The factors of the user, at most the limit asked for. Map $.factors[].sid and $.factors[].status.
 */
export interface ListFactorsOutput {
  /**
   * The factors found, each as Twilio returns it.
   */
  factors: Factor[];
}
