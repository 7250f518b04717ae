/* Generated from schemas/resources/verification.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * A verification as Twilio returns it. Map $.status (pending, approved, canceled, max_attempts_reached, expired, failed) and $.sid in later steps. Every field may be null; fields Twilio adds later are kept.
 */
export interface Verification {
  /**
   * The verification's id (VE…): give it to "Check a verification" or "Get a verification".
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
   * The phone number or email address the code was sent to.
   */
  to?: string | null;
  /**
   * How the code was sent: sms, call, email, whatsapp or sna.
   */
  channel?: string | null;
  /**
   * pending until the right code is checked (then approved); also canceled, max_attempts_reached, expired, failed or deleted.
   */
  status?: string | null;
  /**
   * True once the right code was checked.
   */
  valid?: boolean | null;
  /**
   * Carrier information about the phone number, when lookup is enabled on the service.
   */
  lookup?: {} | null;
  /**
   * The PSD2 transaction amount.
   */
  amount?: string | null;
  /**
   * The PSD2 payee.
   */
  payee?: string | null;
  /**
   * Each time a code was sent: when, on which channel, and the attempt's id.
   */
  send_code_attempts?: {}[] | null;
  /**
   * When the verification started (ISO 8601).
   */
  date_created?: string | null;
  /**
   * When it last changed (ISO 8601).
   */
  date_updated?: string | null;
  /**
   * For the sna channel: the URL to open on the device.
   */
  sna?: {} | null;
  /**
   * The verification's API address.
   */
  url?: string | null;
}
