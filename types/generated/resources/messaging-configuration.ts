/* Generated from schemas/resources/messaging-configuration.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * Which Messaging Service sends a service's SMS to one country (the official spec's verify.v2.service.messaging_configuration); the country all applies to every other country.
 */
export interface MessagingConfiguration {
  /**
   * The account (AC…).
   */
  account_sid?: string | null;
  /**
   * The Verify service (VA…).
   */
  service_sid?: string | null;
  /**
   * The country it applies to: an ISO 3166-1 alpha-2 code such as CA, or all.
   */
  country?: string | null;
  /**
   * The Messaging Service (MG…) that sends SMS to that country.
   */
  messaging_service_sid?: string | null;
  /**
   * When it was created (ISO 8601).
   */
  date_created?: string | null;
  /**
   * When it last changed (ISO 8601).
   */
  date_updated?: string | null;
  /**
   * The configuration's API address.
   */
  url?: string | null;
}
