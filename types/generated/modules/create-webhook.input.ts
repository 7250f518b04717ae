/* Generated from schemas/modules/create-webhook.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid } from '../definitions.js';

/**
 * The URL to call and the events it should receive.
 */
export interface CreateAWebhookInput {
  /**
   * The Verify service whose events to receive (VA…).
   */
  serviceSid: ServiceSid;
  /**
   * A name for the webhook, for example "Login events" (no personal data).
   */
  friendlyName: string;
  /**
   * The events to receive: factor.created, factor.verified, factor.deleted, challenge.approved, challenge.denied, or * for all of them.
   *
   * @minItems 1
   */
  eventTypes: (
    '*' | 'factor.created' | 'factor.verified' | 'factor.deleted' | 'challenge.approved' | 'challenge.denied'
  )[];
  /**
   * Your endpoint that receives the events as a POST, signed with the X-Twilio-Signature header (check it with your Auth Token), for example https://example.com/twilio/verify-events.
   */
  webhookUrl: string;
  /**
   * enabled (the default) calls the URL; disabled keeps the webhook without calling it.
   */
  status?: 'enabled' | 'disabled';
  /**
   * v2 (the default) sends every current field; v1 is legacy.
   */
  version?: 'v1' | 'v2';
}
