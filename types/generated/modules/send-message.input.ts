/* Generated from schemas/modules/send-message.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { AccountSid, E164, MessagingServiceSid, SmsSender } from '../definitions.js';

/**
 * One SMS: who receives it, its text, and who sends it (a Messaging Service or a sender, exactly one).
 */
export interface SendAnSMSInput {
  /**
   * The account the message is sent from (AC…): the Messages API names it in the path.
   */
  accountSid: AccountSid;
  /**
   * The recipient's phone number in E.164, for example +15017122661.
   */
  to: E164;
  /**
   * The message, at most 1,600 characters (Twilio splits it into segments).
   */
  body: string;
  /**
   * The Messaging Service that picks the sender (MG…).
   */
  messagingServiceSid?: MessagingServiceSid;
  /**
   * The sender instead of a Messaging Service: a Twilio phone number in E.164 or an alphanumeric sender ID of up to 11 letters, digits and spaces.
   */
  from?: SmsSender;
  /**
   * Twilio's SMS pumping protection for this message: enable or disable; left out, the account's setting applies.
   */
  riskCheck?: 'enable' | 'disable';
  /**
   * How many seconds Twilio may keep trying to deliver the message (1 to 36000).
   */
  validityPeriod?: number;
}
