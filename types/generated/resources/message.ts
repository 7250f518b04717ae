/* Generated from schemas/resources/message.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * A message Twilio accepted to send, as the Messages API returns it. Every field may be null; fields Twilio adds later are kept.
 */
export interface Message {
  /**
   * The message's id (SM…).
   */
  sid?: string | null;
  /**
   * The account (AC…).
   */
  account_sid?: string | null;
  /**
   * The Messaging Service that sends it (MG…), or null.
   */
  messaging_service_sid?: string | null;
  /**
   * The sender, or null while a Messaging Service still has to pick one.
   */
  from?: string | null;
  /**
   * The recipient.
   */
  to?: string | null;
  /**
   * The text.
   */
  body?: string | null;
  /**
   * accepted, queued, sending, sent, delivered, undelivered or failed.
   */
  status?: string | null;
  /**
   * How many SMS segments the text takes (as text).
   */
  num_segments?: string | null;
  /**
   * outbound-api for a message sent through the API.
   */
  direction?: string | null;
  /**
   * Twilio's error code when the message failed, else null.
   */
  error_code?: number | null;
  /**
   * What went wrong, else null.
   */
  error_message?: string | null;
  /**
   * What it cost, once known.
   */
  price?: string | null;
  /**
   * The currency of the price.
   */
  price_unit?: string | null;
  /**
   * When it was created (RFC 2822).
   */
  date_created?: string | null;
  /**
   * When it last changed (RFC 2822).
   */
  date_updated?: string | null;
  /**
   * When it was sent, or null.
   */
  date_sent?: string | null;
  /**
   * The message's path on api.twilio.com.
   */
  uri?: string | null;
}
