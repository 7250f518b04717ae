/* Generated from schemas/modules/list-factors.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { Identity, ServiceSid } from '../definitions.js';

/**
 * The user whose factors to list.
 */
export interface ListFactorsInput {
  /**
   * The Verify service (VA…) the user belongs to: the same one for every factor and challenge of this user.
   */
  serviceSid: ServiceSid;
  /**
   * Your own id for the user (8 to 64 letters and digits, groups joined by dashes, such as a UUID), the same one you gave "Create a TOTP factor". Never a phone number, email address or name: Twilio treats it as not personal.
   */
  identity: Identity;
  /**
   * The most factors to return, from 1 to 10000 (default 50). The connector follows Twilio's pages until it has this many or the list ends.
   */
  limit?: number;
  /**
   * How many factors Twilio returns per request, from 1 to 1000 (Twilio's default is 50). Only affects speed: larger pages mean fewer requests for long lists.
   */
  pageSize?: number;
}
