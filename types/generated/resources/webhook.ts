/* Generated from schemas/resources/webhook.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * A webhook as Twilio returns it (the spec's verify.v2.service.webhook): a URL Twilio calls with a signed POST when a factor or challenge event of the service happens. Every field may be null; fields Twilio adds later are kept.
 */
export interface Webhook {
  /**
   * The webhook's id (YW…).
   */
  sid?: string | null;
  /**
   * The Verify service (VA…).
   */
  service_sid?: string | null;
  /**
   * The account (AC…).
   */
  account_sid?: string | null;
  /**
   * The webhook's name.
   */
  friendly_name?: string | null;
  /**
   * The events it receives: *, factor.created, factor.verified, factor.deleted, challenge.approved, challenge.denied.
   */
  event_types?: string[] | null;
  /**
   * enabled (called) or disabled (kept but not called).
   */
  status?: string | null;
  /**
   * v2 (current fields) or v1 (legacy).
   */
  version?: string | null;
  /**
   * The URL Twilio calls.
   */
  webhook_url?: string | null;
  /**
   * How Twilio calls it: POST.
   */
  webhook_method?: string | null;
  /**
   * When the webhook was created (ISO 8601).
   */
  date_created?: string | null;
  /**
   * When it last changed (ISO 8601).
   */
  date_updated?: string | null;
  /**
   * The webhook's API address.
   */
  url?: string | null;
}
