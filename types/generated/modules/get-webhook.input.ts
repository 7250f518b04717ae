/* Generated from schemas/modules/get-webhook.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid, WebhookSid } from '../definitions.js';

export interface GetAWebhookInput {
  /**
   * The Verify service of the webhook (VA…).
   */
  serviceSid: ServiceSid;
  /**
   * The webhook to fetch (YW…).
   */
  webhookSid: WebhookSid;
}
