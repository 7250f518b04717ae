/* Generated from schemas/modules/delete-messaging-configuration.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Twilio answers a deletion with no content; the connector returns which country's configuration was deleted so later steps can map it.
 */
export interface DeleteAMessagingConfigurationOutput {
  /**
   * The country whose configuration was deleted (CA, all …).
   */
  country: string;
  /**
   * Always true: Verify's own senders reach that country again.
   */
  deleted: boolean;
}
