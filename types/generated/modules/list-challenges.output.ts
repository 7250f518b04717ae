/* Generated from schemas/modules/list-challenges.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * The challenges of the user, at most the limit asked for. Map $.challenges[].status.
 */
export interface ListChallengesOutput {
  /**
   * The challenges found, each as Twilio returns it.
   */
  challenges: Challenge[];
}
/**
 * A challenge as Twilio returns it (the spec's verify.v2.service.entity.challenge): one login attempt with a factor. Map $.status: approved means the TOTP code was right (or the push was approved on the phone); pending means a wrong TOTP code (or a push not yet answered); also expired or denied. A wrong code is an answer, not an error. Every field may be null; fields Twilio adds later are kept.
 */
export interface Challenge {
  /**
   * The challenge's id (YC…).
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
   * The factor the challenge was made with (YF…).
   */
  factor_sid?: string | null;
  /**
   * When the challenge was created (ISO 8601).
   */
  date_created?: string | null;
  /**
   * When it last changed (ISO 8601).
   */
  date_updated?: string | null;
  /**
   * When it was answered (ISO 8601), or null while pending.
   */
  date_responded?: string | null;
  /**
   * When a pending challenge expires (ISO 8601; 5 minutes after creation unless chosen otherwise).
   */
  expiration_date?: string | null;
  /**
   * approved (right code, or approved on the phone), pending (wrong TOTP code, or push not answered yet), denied (refused on the phone) or expired.
   */
  status?: string | null;
  /**
   * none, not_needed or not_requested.
   */
  responded_reason?: string | null;
  /**
   * What the push notification showed: message, fields [{ label, value }] and date.
   */
  details?: {} | null;
  /**
   * Your own key/value notes about the challenge (not shown to the person), for example the IP address.
   */
  hidden_details?: {} | null;
  /**
   * Key/value notes the device added, or null.
   */
  metadata?: {} | null;
  /**
   * totp or push.
   */
  factor_type?: string | null;
  /**
   * The challenge's API address.
   */
  url?: string | null;
  /**
   * API address of the challenge's notifications.
   */
  links?: {} | null;
}
