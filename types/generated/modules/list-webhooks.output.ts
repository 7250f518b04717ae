/* Generated from schemas/modules/list-webhooks.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Webhook } from '../resources/webhook.js';

/**
 * The webhooks of the service, at most the limit asked for.
 */
export interface ListWebhooksOutput {
  /**
   * The webhooks found, each as Twilio returns it.
   */
  webhooks: Webhook[];
}
