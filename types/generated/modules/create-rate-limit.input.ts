/* Generated from schemas/modules/create-rate-limit.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid } from '../definitions.js';

/**
 * The service and the key name; add buckets afterwards with "Create a rate limit bucket".
 */
export interface CreateARateLimitInput {
  /**
   * The Verify service (VA…). Find it with "List services" or in Twilio Console › Verify › Services.
   */
  serviceSid: ServiceSid;
  /**
   * The key your app will send with each start in "Rate limit values", for example end_user_ip_address or end_user_phone_number. Letters, digits, dots, dashes and underscores; no personal data. Unique within the service.
   */
  uniqueName: string;
  /**
   * What the rate limit is for, for example "Starts per end-user IP address".
   */
  description?: string;
}
