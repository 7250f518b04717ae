/* Generated from schemas/resources/notification.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * A push notification sent again for a pending push challenge, as Twilio returns it (the spec's verify.v2.service.entity.challenge.notification). Every field may be null; fields Twilio adds later are kept.
 */
export interface Notification {
  /**
   * The notification's id (NT…).
   */
  sid?: string | null;
  /**
   * The account (AC…).
   */
  account_sid?: string | null;
  /**
   * The Verify service (VA…).
   */
  service_sid?: string | null;
  /**
   * The entity (YE…).
   */
  entity_sid?: string | null;
  /**
   * Your id for the user.
   */
  identity?: string | null;
  /**
   * The challenge the notification is for (YC…).
   */
  challenge_sid?: string | null;
  /**
   * Always high for push challenges: delivered at once, and it may wake a sleeping phone.
   */
  priority?: string | null;
  /**
   * How many seconds Twilio keeps trying to deliver it (0 to 300).
   */
  ttl?: number | null;
  /**
   * When it was sent (ISO 8601).
   */
  date_created?: string | null;
}
