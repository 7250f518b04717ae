/* Generated from schemas/sms-config.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { AccountSid, ApiKeySid, MessagingServiceSid, SmsSender } from './definitions.js';

/**
 * When the text is sent. Logto's current types, and the legacy Test and Continue of older configs.
 */
export type UsageType =
  | 'Register'
  | 'SignIn'
  | 'ForgotPassword'
  | 'Generic'
  | 'OrganizationInvitation'
  | 'UserPermissionValidation'
  | 'BindNewIdentifier'
  | 'MfaVerification'
  | 'BindMfa'
  | 'Test'
  | 'Continue';
/**
 * Twilio region to process requests in, for example ie1 or au1. Leave empty for the default (us1).
 */
export type Region = 'us1' | 'us2' | 'ie1' | 'de1' | 'au1' | 'jp1' | 'sg1' | 'br1';
/**
 * Twilio edge location to connect through, for example dublin or sydney. Leave empty for the default.
 */
export type EdgeLocation =
  'ashburn' | 'dublin' | 'frankfurt' | 'sao-paulo' | 'singapore' | 'sydney' | 'tokyo' | 'umatilla' | 'roaming';
/**
 * Only for testing: the address of a local Verify emulator (http://127.0.0.1:PORT) or another https://….twilio.com host.
 */
export type BaseURL = string;

/**
 * The passwordless-login SMS connector's config, in the format of Logto's Twilio SMS connector: who signs in to Twilio, who the SMS comes from, and one text per usage type.
 */
export interface SMSConnectorConfig {
  /**
   * Your Twilio Account SID, shown on the Twilio Console home page (AC followed by 32 characters).
   */
  accountSID: AccountSid;
  /**
   * The Auth Token shown next to the Account SID in the Twilio Console. Leave it out when you use an API key.
   */
  authToken?: string;
  /**
   * An API key (Twilio Console › Account › API keys), SK followed by 32 characters; use it with its secret instead of the Auth Token.
   */
  apiKeySID?: ApiKeySid;
  /**
   * The secret shown once when the API key was created.
   */
  apiKeySecret?: string;
  /**
   * The Messaging Service that sends the SMS (Twilio Console › Messaging › Services), MG followed by 32 characters. Give this or "from", not both.
   */
  fromMessagingServiceSID?: MessagingServiceSid;
  /**
   * The sender instead of a Messaging Service: a Twilio phone number in E.164 (+15017122661) or an alphanumeric sender ID of up to 11 letters, digits and spaces (where the country allows it).
   */
  from?: SmsSender;
  /**
   * One SMS text per usage type. {{code}} is replaced by the one-time code; {{application.name}} and other dotted names by the matching payload values.
   *
   * @minItems 1
   * @maxItems 50
   */
  templates: Template[];
  /**
   * Twilio's SMS pumping protection for this message: enable (Twilio's default) or disable. Leave it out to use the account's setting.
   */
  riskCheck?: 'enable' | 'disable';
  /**
   * Logto's name for riskCheck: true sends RiskCheck=disable, false RiskCheck=enable. Accepted so a config copied from Logto's connector works unchanged.
   */
  disableRiskCheck?: boolean;
  /**
   * How many seconds Twilio may keep trying to deliver the SMS (1 to 36000). A code that arrives late is useless: 600 matches a 10-minute code.
   */
  validityPeriod?: number;
  region?: Region;
  edge?: EdgeLocation;
  baseUrl?: BaseURL;
}
export interface Template {
  usageType: UsageType;
  /**
   * The SMS text. Must contain {{code}} for every usage type that sends a one-time code.
   */
  content: string;
}
