/* Generated from schemas/modules/delete-webhook.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid, WebhookSid } from '../definitions.js';

export interface DeleteAWebhookInput {
  /**
   * The Verify service of the webhook (VA…).
   */
  serviceSid: ServiceSid;
  /**
   * The webhook to delete (YW…).
   */
  webhookSid: WebhookSid;
}
