/* Generated from schemas/resources/service.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * A Verify service as Twilio returns it (the official spec's verify.v2.service). Map $.sid into the verification modules and $.friendly_name for display. Every field may be null; fields Twilio adds later are kept.
 */
export interface Service {
  /**
   * The service's id (VA…): give it to "Start a verification", "Check a verification" and the other service modules.
   */
  sid?: string | null;
  /**
   * The Twilio account (AC…) that owns the service.
   */
  account_sid?: string | null;
  /**
   * The name shown in every message, for example "Your Acme verification code is: 123456".
   */
  friendly_name?: string | null;
  /**
   * How many digits each code has (4 to 10).
   */
  code_length?: number | null;
  /**
   * Whether each verification looks up the phone number's carrier and line type.
   */
  lookup_enabled?: boolean | null;
  /**
   * Whether starts and checks must carry a PSD2 transaction amount and payee.
   */
  psd2_enabled?: boolean | null;
  /**
   * Whether SMS to landlines are refused (needs lookup_enabled).
   */
  skip_sms_to_landlines?: boolean | null;
  /**
   * Whether a voice call asks the person to press a key before reading the code.
   */
  dtmf_input_required?: boolean | null;
  /**
   * The alternative text-to-speech voice used in voice calls, if any.
   */
  tts_name?: string | null;
  /**
   * Whether each SMS ends with a "don't share this code" warning.
   */
  do_not_share_warning_enabled?: boolean | null;
  /**
   * Whether verifications may send your own code instead of a generated one.
   */
  custom_code_enabled?: boolean | null;
  /**
   * Verify Push settings: include_date (deprecated), apn_credential_sid (iOS), fcm_credential_sid (Android).
   */
  push?: {
    /**
     * Deprecated: whether push challenges include the date.
     */
    include_date?: boolean | null;
    /**
     * The Apple Push Notification credential (CR…).
     */
    apn_credential_sid?: string | null;
    /**
     * The Firebase Cloud Messaging credential (CR…).
     */
    fcm_credential_sid?: string | null;
  } | null;
  /**
   * Authenticator app (TOTP) settings: issuer, time_step (seconds), code_length, skew.
   */
  totp?: {
    /**
     * The name authenticator apps show beside the code.
     */
    issuer?: string | null;
    /**
     * How often, in seconds, a new code is made (20 to 60).
     */
    time_step?: number | null;
    /**
     * How many digits the codes have (3 to 8).
     */
    code_length?: number | null;
    /**
     * How many time steps before and after the current one still count (0 to 2).
     */
    skew?: number | null;
  } | null;
  /**
   * The message template (HJ…) used for SMS unless a verification names another.
   */
  default_template_sid?: string | null;
  /**
   * The WhatsApp sender: msg_service_sid (MG…) and from (the sender's number).
   */
  whatsapp?: {
    /**
     * The Messaging Service (MG…) holding the WhatsApp sender.
     */
    msg_service_sid?: string | null;
    /**
     * The WhatsApp sender's phone number.
     */
    from?: string | null;
  } | null;
  /**
   * Passkeys settings: relying_party (id, name, origins), authenticator_attachment, discoverable_credentials, user_verification.
   */
  passkeys?: {
    /**
     * Your application as passkeys know it.
     */
    relying_party?: {
      /**
       * Your application's domain, for example example.com.
       */
      id?: string | null;
      /**
       * Your application's name, for example Example App.
       */
      name?: string | null;
      /**
       * The web origins allowed to use the passkeys.
       */
      origins?: unknown[] | string | null;
    } | null;
    /**
     * platform, cross-platform or any.
     */
    authenticator_attachment?: string | null;
    /**
     * required, preferred or discouraged.
     */
    discoverable_credentials?: string | null;
    /**
     * required, preferred or discouraged.
     */
    user_verification?: string | null;
  } | null;
  /**
   * Whether verification events go to your Event Streams sinks.
   */
  verify_event_subscription_enabled?: boolean | null;
  /**
   * When the service was created (ISO 8601, UTC).
   */
  date_created?: string | null;
  /**
   * When the service last changed (ISO 8601, UTC).
   */
  date_updated?: string | null;
  /**
   * The service's API address.
   */
  url?: string | null;
  /**
   * API addresses of the service's related resources (verifications, verification_checks, rate_limits, messaging_configurations, entities, webhooks, access_tokens).
   */
  links?: {} | null;
}
