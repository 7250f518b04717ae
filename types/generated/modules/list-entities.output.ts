/* Generated from schemas/modules/list-entities.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Entity } from '../resources/entity.js';

/**
 * The entities of the service, at most the limit asked for. Map $.entities[].identity.
 */
export interface ListEntitiesOutput {
  /**
   * The entities found, each as Twilio returns it.
   */
  entities: Entity[];
}
