/* Generated from schemas/connection.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { AccountSid, ApiKeySid } from './definitions.js';

/**
 * How the connector signs in to Twilio: the Account SID with its Auth Token, or with an API key (SID and secret).
 */
export interface TwilioConnection {
  /**
   * Your Twilio Account SID, shown on the Twilio Console home page (AC followed by 32 characters).
   */
  accountSid: AccountSid;
  /**
   * The Auth Token shown next to the Account SID in the Twilio Console. Leave empty when you use an API key.
   */
  authToken?: string;
  /**
   * An API key created in the Twilio Console (Account › API keys), SK followed by 32 characters. Use it with its secret instead of the Auth Token.
   */
  apiKeySid?: ApiKeySid;
  /**
   * The secret shown once when the API key was created.
   */
  apiKeySecret?: string;
  /**
   * Twilio region to process requests in, for example ie1 or au1. Leave empty for the default (us1).
   */
  region?: 'us1' | 'us2' | 'ie1' | 'de1' | 'au1' | 'jp1' | 'sg1' | 'br1';
  /**
   * Twilio edge location to connect through, for example dublin or sydney. Leave empty for the default.
   */
  edge?: 'ashburn' | 'dublin' | 'frankfurt' | 'sao-paulo' | 'singapore' | 'sydney' | 'tokyo' | 'umatilla' | 'roaming';
  /**
   * Only for testing: the address of a local Verify emulator (http://127.0.0.1:PORT) or another https://….twilio.com host.
   */
  baseUrl?: string;
}
