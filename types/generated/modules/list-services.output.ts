/* Generated from schemas/modules/list-services.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Service } from '../resources/service.js';

/**
 * The services of the account, newest first as Twilio lists them, at most the limit asked for. Map $.services[].sid and $.services[].friendly_name.
 */
export interface ListServicesOutput {
  /**
   * The services found, each as Twilio returns it.
   */
  services: Service[];
}
