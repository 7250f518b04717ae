/* Generated from schemas/modules/list-challenges.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { FactorSid, Identity, ServiceSid } from '../definitions.js';

/**
 * The user whose challenges to list, and optional filters.
 */
export interface ListChallengesInput {
  /**
   * The Verify service (VA…) the user belongs to: the same one for every factor and challenge of this user.
   */
  serviceSid: ServiceSid;
  /**
   * Your own id for the user (8 to 64 letters and digits, groups joined by dashes, such as a UUID), the same one you gave "Create a TOTP factor". Never a phone number, email address or name: Twilio treats it as not personal.
   */
  identity: Identity;
  /**
   * Only the challenges of this factor (YF…). Leave empty for all of the user's factors.
   */
  factorSid?: FactorSid;
  /**
   * Only challenges with this status: pending, expired, approved or denied. Leave empty for all.
   */
  status?: 'pending' | 'expired' | 'approved' | 'denied';
  /**
   * asc lists the oldest first (Twilio's default), desc the newest first.
   */
  order?: 'asc' | 'desc';
  /**
   * The most challenges to return, from 1 to 10000 (default 50). The connector follows Twilio's pages until it has this many or the list ends.
   */
  limit?: number;
  /**
   * How many challenges Twilio returns per request, from 1 to 1000 (Twilio's default is 50). Only affects speed: larger pages mean fewer requests for long lists.
   */
  pageSize?: number;
}
