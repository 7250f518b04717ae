/* Generated from schemas/modules/update-messaging-configuration.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { MessagingServiceSid, ServiceSid } from '../definitions.js';

/**
 * The service, the country and the new Messaging Service.
 */
export interface UpdateAMessagingConfigurationInput {
  /**
   * The Verify service (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * The configuration's country: a two-letter code in capitals such as CA, or all.
   */
  country: string;
  /**
   * The Messaging Service (MG…) that sends to that country from now on.
   */
  messagingServiceSid: MessagingServiceSid;
}
