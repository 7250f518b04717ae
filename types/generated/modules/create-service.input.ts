/* Generated from schemas/modules/create-service.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { CodeLength, CredentialSid, E164, FriendlyName, MessagingServiceSid, TemplateSid } from '../definitions.js';
import type { AuthenticatorAttachment, MailerSid, PasskeyPreference, PushIncludeDate, RelyingPartyId, RelyingPartyName, RelyingPartyOrigins, TotpCodeLength, TotpIssuer, TotpSkew, TotpTimeStep, TtsName } from '../service-settings.js';

/**
 * Only the name is required; every other setting keeps Twilio's default when left out. The rules of each setting live in ../service-settings.schema.json, shared with update-service.
 */
export interface CreateAServiceInput {
  /**
   * The name shown in every message, for example "Your Acme verification code is: 123456". At most 30 characters: letters, digits, spaces, dashes and underscores; no phone numbers, links, special characters or more than 4 digits, and no personal data.
   */
  friendlyName: FriendlyName;
  /**
   * How many digits each code has, from 4 to 10 (Twilio's default is 6).
   */
  codeLength?: CodeLength;
  /**
   * Look up each phone number's carrier and line type when a verification starts and return it in the verification's lookup field. Needed to skip landlines.
   */
  lookupEnabled?: boolean;
  /**
   * Refuse to send an SMS to a landline (the start fails with a clear error) instead of sending a message that cannot arrive. Needs "Look up phone numbers" on.
   */
  skipSmsToLandlines?: boolean;
  /**
   * For voice calls: ask the person to press a key before the code is read out, so an answering machine does not record it.
   */
  dtmfInputRequired?: boolean;
  /**
   * For voice calls: the name of an alternative text-to-speech voice that reads the code, for example a Polly voice name. Applies only to languages read by text-to-speech.
   */
  ttsName?: TtsName;
  /**
   * Require a transaction amount and payee when starting and checking verifications, for PSD2 strong customer authentication of payments in Europe.
   */
  psd2Enabled?: boolean;
  /**
   * Add a warning to the end of each SMS: "Don't share this code with anyone; our employees will never ask for the code".
   */
  doNotShareWarningEnabled?: boolean;
  /**
   * Allow verifications to send your own code instead of a generated one. Twilio support must first enable custom codes for the account.
   */
  customCodeEnabled?: boolean;
  /**
   * For Verify Push (approving sign-ins in your mobile app): the credentials Twilio uses to notify your iOS and Android apps.
   */
  push?: {
    /**
     * Deprecated by Twilio: adds the date to a push challenge's details. Use the challenge's date_created instead.
     */
    includeDate?: PushIncludeDate;
    /**
     * The Apple Push Notification credential (CR…) for your iOS app, from Twilio Console › Push credentials.
     */
    apnCredentialSid?: CredentialSid;
    /**
     * The Firebase Cloud Messaging credential (CR…) for your Android app, from Twilio Console › Push credentials.
     */
    fcmCredentialSid?: CredentialSid;
  };
  /**
   * How codes from authenticator apps such as Google Authenticator or Authy are made and checked.
   */
  totp?: {
    /**
     * The name authenticator apps show beside the code, for example Acme. Twilio uses the service name when this is empty.
     */
    issuer?: TotpIssuer;
    /**
     * How often the app makes a new code, in seconds: 20 to 60 (default 30).
     */
    timeStep?: TotpTimeStep;
    /**
     * How many digits the app's codes have: 3 to 8 (default 6).
     */
    codeLength?: TotpCodeLength;
    /**
     * How many time steps before and after the current one still count, for phones whose clock drifts: 0 to 2 (default 1).
     */
    skew?: TotpSkew;
  };
  /**
   * The message template (HJ…) used for every SMS unless a verification names another. Find templates in Twilio Console › Verify › Templates.
   */
  defaultTemplateSid?: TemplateSid;
  /**
   * The sender used for the whatsapp channel: your Messaging Service and its WhatsApp number.
   */
  whatsapp?: {
    /**
     * The Messaging Service (MG…) that holds your WhatsApp sender, from Twilio Console › Messaging › Services.
     */
    msgServiceSid?: MessagingServiceSid;
    /**
     * The WhatsApp sender's phone number in E.164 format, for example +15017122661. It must belong to the Messaging Service above.
     */
    from?: E164;
  };
  /**
   * For passkey sign-in: your application as passkeys know it, and which authenticators it accepts.
   */
  passkeys?: {
    /**
     * The domain, name and web origins of the application that uses passkeys.
     */
    relyingParty?: {
      /**
       * Your application's domain, without https:// or a path, for example example.com.
       */
      id?: RelyingPartyId;
      /**
       * Your application's name, shown when a passkey is created, for example Example App.
       */
      name?: RelyingPartyName;
      /**
       * The web origins allowed to use the passkeys, separated by commas with no spaces, for example login.example.com,www.example.com.
       */
      origins?: RelyingPartyOrigins;
    };
    /**
     * Which authenticators may hold a passkey: platform (built into the device, such as Face ID or Windows Hello), cross-platform (a security key or another phone) or any. An empty value clears the setting.
     */
    authenticatorAttachment?: AuthenticatorAttachment;
    /**
     * Whether passkeys must be usable without first typing a username: required, preferred or discouraged. An empty value clears the setting.
     */
    discoverableCredentials?: PasskeyPreference;
    /**
     * Whether the device must check it is the person (PIN, fingerprint or face) when a passkey is used: required, preferred or discouraged. An empty value clears the setting.
     */
    userVerification?: PasskeyPreference;
  };
  /**
   * Send this service's verification events to your Twilio Event Streams sinks, if you have set them up.
   */
  verifyEventSubscriptionEnabled?: boolean;
  /**
   * Legacy: the mailer (MD…) of an email integration made before Twilio moved email setup to the Console. Only older accounts have one; leave it empty otherwise.
   */
  mailerSid?: MailerSid;
}
