/* Generated from schemas/modules/create-messaging-configuration.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { MessagingServiceSid, ServiceSid } from '../definitions.js';

/**
 * The service, the country and the Messaging Service that sends there.
 */
export interface CreateAMessagingConfigurationInput {
  /**
   * The Verify service (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * The country whose SMS go through this Messaging Service: a two-letter code in capitals such as CA, or all for every country without its own configuration.
   */
  country: string;
  /**
   * The Messaging Service (MG…) that sends this service's SMS to that country, from your own numbers or sender IDs.
   */
  messagingServiceSid: MessagingServiceSid;
}
