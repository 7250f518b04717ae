/* Generated from schemas/modules/list-templates.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { MessageTemplate } from '../resources/template.js';

/**
 * The templates found, at most the limit asked for. Map $.templates[].sid as a template and $.templates[].translations to see which languages are approved.
 */
export interface ListTemplatesOutput {
  /**
   * Each template, as Twilio returns it.
   */
  templates: MessageTemplate[];
}
