/* Generated from schemas/modules/list-messaging-configurations.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { MessagingConfiguration } from '../resources/messaging-configuration.js';

/**
 * The service's configurations, at most the limit asked for. Map $.messaging_configurations[].country and $.messaging_configurations[].messaging_service_sid.
 */
export interface ListMessagingConfigurationsOutput {
  /**
   * Each configuration, as Twilio returns it.
   */
  messaging_configurations: MessagingConfiguration[];
}
