/* Generated from schemas/resources/verification-attempt.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * One delivery of a code as Twilio reports it (the official spec's verify.v2.verification_attempt): which verification, channel and recipient, whether the person then entered the right code (conversion_status), the price and delivery details. Every field may be null; fields Twilio adds later are kept.
 */
export interface VerificationAttempt {
  /**
   * The attempt's id (VL…), the attempt_sid in a verification's send_code_attempts.
   */
  sid?: string | null;
  /**
   * The account (AC…).
   */
  account_sid?: string | null;
  /**
   * The Verify service (VA…) that sent the code.
   */
  service_sid?: string | null;
  /**
   * The verification (VE…) this attempt belongs to.
   */
  verification_sid?: string | null;
  /**
   * When the code was sent (ISO 8601).
   */
  date_created?: string | null;
  /**
   * When the attempt last changed, for example when it was converted (ISO 8601).
   */
  date_updated?: string | null;
  /**
   * converted once the person entered the right code for this verification; unconverted otherwise.
   */
  conversion_status?: string | null;
  /**
   * How the code was sent: sms, call, email, whatsapp or rbm.
   */
  channel?: string | null;
  /**
   * What the delivery cost: { value, currency }, for example { "value": "0.005", "currency": "usd" }. May be null until Twilio has priced it.
   */
  price?: {} | null;
  /**
   * Delivery details: verification_sid, to, status (confirmed, unconfirmed, expired), message_status or call_status, error_code (a string), country, code_length, locale, mcc, mnc, carrier.
   */
  channel_data?: {} | null;
  /**
   * The attempt's API address.
   */
  url?: string | null;
}
