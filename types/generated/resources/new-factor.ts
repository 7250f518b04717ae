/* Generated from schemas/resources/new-factor.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * A factor just created, as Twilio returns it (the spec's verify.v2.service.entity.new_factor). For TOTP, $.binding.uri is the otpauth:// link to show as a QR code for the authenticator app and $.binding.secret the same key to type in by hand. Twilio returns them only in this answer, never again: show them to the person now and do not store them in logs. The factor is unverified until "Verify a TOTP factor" checks a first code. Every field may be null; fields Twilio adds later are kept.
 */
export interface NewFactor {
  /**
   * The factor's id (YF…): map it into "Verify a TOTP factor" next.
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
   * The entity that owns the factor (YE…); Twilio creates the entity with the first factor.
   */
  entity_sid?: string | null;
  /**
   * Your id for the user who owns the factor.
   */
  identity?: string | null;
  /**
   * Shown only once, in this answer. For totp: uri (the otpauth:// link for a QR code) and secret (the Base32 key to type in). For push: public_key and alg.
   */
  binding?: {
    /**
     * otpauth://totp/<issuer>:<name>?secret=…&issuer=…&algorithm=…&digits=…&period=…: show it as a QR code.
     */
    uri?: string | null;
    /**
     * The shared key in Base32, for people who type it into the app instead of scanning.
     */
    secret?: string | null;
  } | null;
  /**
   * Options of the factor type (null for totp).
   */
  options?: {} | null;
  /**
   * When the factor was created (ISO 8601).
   */
  date_created?: string | null;
  /**
   * When it last changed (ISO 8601).
   */
  date_updated?: string | null;
  /**
   * The factor's name: the account name the authenticator app shows.
   */
  friendly_name?: string | null;
  /**
   * unverified: the person must enter a first code ("Verify a TOTP factor") before the factor can check codes.
   */
  status?: string | null;
  /**
   * totp (an authenticator app) or push.
   */
  factor_type?: string | null;
  /**
   * For totp: alg, code_length, time_step and skew, the service's defaults unless you chose others.
   */
  config?: {
    alg?: string | null;
    code_length?: number | null;
    time_step?: number | null;
    skew?: number | null;
  } | null;
  /**
   * Your own key/value notes about the factor (strings), or null.
   */
  metadata?: {} | null;
  /**
   * The factor's API address.
   */
  url?: string | null;
}
