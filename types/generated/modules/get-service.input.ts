/* Generated from schemas/modules/get-service.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid } from '../definitions.js';

/**
 * The service to fetch.
 */
export interface GetAServiceInput {
  /**
   * The Verify service to fetch (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
}
