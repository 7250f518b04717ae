/* Generated from schemas/modules/delete-messaging-configuration.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid } from '../definitions.js';

/**
 * The service and the country.
 */
export interface DeleteAMessagingConfigurationInput {
  /**
   * The Verify service (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * The configuration's country: a two-letter code in capitals such as CA, or all.
   */
  country: string;
}
