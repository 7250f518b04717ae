/* Generated from schemas/modules/list-factors.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * The factors of the user, at most the limit asked for. Map $.factors[].sid and $.factors[].status.
 */
export interface ListFactorsOutput {
  /**
   * The factors found, each as Twilio returns it.
   */
  factors: Factor[];
}
/**
 * A factor as Twilio returns it (the spec's verify.v2.service.entity.factor): one authenticator app (totp) or one phone with your app (push) of a user. Map $.status: unverified until the first right code, then verified. The secret is never returned here: only "Create a TOTP factor" returns it, once. Every field may be null; fields Twilio adds later are kept.
 */
export interface Factor {
  /**
   * The factor's id (YF…): give it to "Verify a TOTP factor", "Check a TOTP code" and the other factor modules.
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
   * The entity that owns the factor (YE…).
   */
  entity_sid?: string | null;
  /**
   * Your id for the user who owns the factor.
   */
  identity?: string | null;
  /**
   * When the factor was created (ISO 8601).
   */
  date_created?: string | null;
  /**
   * When it last changed (ISO 8601).
   */
  date_updated?: string | null;
  /**
   * The factor's name, for example "Ana's phone"; for TOTP it is the account name the authenticator app shows.
   */
  friendly_name?: string | null;
  /**
   * unverified until the person enters a first right code ("Verify a TOTP factor"), then verified. Only a verified factor can check codes.
   */
  status?: string | null;
  /**
   * totp (an authenticator app) or push (your app with the Verify Push SDK).
   */
  factor_type?: string | null;
  /**
   * The factor's settings. For totp: alg (sha1, sha256 or sha512), code_length (3 to 8 digits), time_step (seconds a code lasts, 20 to 60) and skew (how many time steps early or late a code may be). For push: app_id, notification_platform, notification_token and sdk_version.
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
