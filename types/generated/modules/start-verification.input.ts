/* Generated from schemas/modules/start-verification.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Email, FriendlyName, ServiceSid, StringMap, TemplateSid } from '../definitions.js';

export interface StartAVerificationInput {
  /**
   * The Verify service that sends the code (VA…). Create one with "Create a service" or find it in the Twilio Console under Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * Where the code goes: a phone number in E.164 format (+15017122661), or an email address when the channel is email.
   */
  to: string;
  /**
   * How the code is delivered: sms, call (a voice call reads it out), email, whatsapp, sna (silent network authentication) or auto (Twilio picks).
   */
  channel: 'sms' | 'call' | 'email' | 'whatsapp' | 'sna' | 'auto';
  /**
   * Replaces the service's name in this message only, for example your brand for one campaign (at most 30 characters).
   */
  customFriendlyName?: FriendlyName;
  /**
   * Deprecated by Twilio: use a message template instead. The text of the message.
   */
  customMessage?: string;
  /**
   * For the call channel: digits to dial after the call is answered, for example an extension (1234, w for a half-second pause, # and *).
   */
  sendDigits?: string;
  /**
   * The language of the message, for example en, es, fr or pt-BR. Leave empty to let Twilio choose from the phone number's country.
   */
  locale?: string;
  /**
   * Your own code to send instead of a generated one (4 to 10 characters). The service must have custom codes enabled, and you must report the outcome with "Update a verification status".
   */
  customCode?: string;
  /**
   * For PSD2 services: the amount of the payment being confirmed, for example €39.99. Required when the service has PSD2 enabled.
   */
  amount?: string;
  /**
   * For PSD2 services: who is being paid, for example Acme Inc. Required when the service has PSD2 enabled.
   */
  payee?: string;
  /**
   * Values for the service's programmable rate limits, keyed by each limit's unique name, for example { "end_user_ip_address": "203.0.113.7" }.
   */
  rateLimits?: StringMap;
  /**
   * For the email channel: the sender, the SendGrid template and its substitutions.
   */
  channelConfiguration?: {
    /**
     * Sender address, for example verify@example.com.
     */
    from?: Email;
    /**
     * Sender name shown in the inbox.
     */
    from_name?: string;
    /**
     * The SendGrid dynamic template id (d-…).
     */
    template_id?: string;
    /**
     * Values for the template's variables.
     */
    substitutions?: StringMap;
  };
  /**
   * For SMS: your Android app's 11-character hash, appended so the SMS Retriever API can read the code automatically.
   */
  appHash?: string;
  /**
   * A message template (HJ…) to use instead of the service's default, for SMS and voice.
   */
  templateSid?: TemplateSid;
  /**
   * Values for the template's custom variables, for example { "app_name": "Acme" }.
   */
  templateCustomSubstitutions?: StringMap;
  /**
   * The IPv4 or IPv6 address of the user's device. Strongly recommended with the auto channel.
   */
  deviceIp?: string;
  /**
   * For the sna channel: return a client token that the check must then include, for added security.
   */
  enableSnaClientToken?: boolean;
  /**
   * enable (the default) lets Fraud Guard and geo permissions block suspicious traffic; disable bypasses them for this SMS.
   */
  riskCheck?: 'enable' | 'disable';
  /**
   * Up to 10 key/value labels recorded with the verification and its events, for example { "campaign": "signup" }. Do not put personal data here.
   */
  tags?: StringMap;
}
