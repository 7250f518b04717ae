/* Generated from schemas/modules/list-challenges.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Challenge } from '../resources/challenge.js';

/**
 * The challenges of the user, at most the limit asked for. Map $.challenges[].status.
 */
export interface ListChallengesOutput {
  /**
   * The challenges found, each as Twilio returns it.
   */
  challenges: Challenge[];
}
