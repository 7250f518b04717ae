/* Generated from schemas/modules/list-verification-attempts.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { E164, ServiceSid, VerificationSid } from '../definitions.js';

/**
 * Every filter is optional: by default the attempts of the last 30 days (Twilio keeps no more), newest first, at most 50.
 */
export interface ListVerificationAttemptsInput {
  /**
   * The most attempts to return, from 1 to 10000 (default 50). The connector follows Twilio's pages until it has this many or the list ends.
   */
  limit?: number;
  /**
   * How many attempts Twilio returns per request, from 1 to 1000 (Twilio's default is 50). Only affects speed: larger pages mean fewer requests for long lists.
   */
  pageSize?: number;
  /**
   * Only attempts sent after this moment, in ISO 8601 UTC, for example 2025-01-31T00:00:00Z.
   */
  dateCreatedAfter?: string;
  /**
   * Only attempts sent before this moment, in ISO 8601 UTC, for example 2025-02-01T00:00:00Z.
   */
  dateCreatedBefore?: string;
  /**
   * Only attempts sent to this phone number, in E.164 (+15017122661).
   */
  to?: E164;
  /**
   * Only attempts sent to phone numbers of this country: a two-letter code such as CO or US.
   */
  country?: string;
  /**
   * Only attempts sent on this channel: sms, call, email, whatsapp or rbm (RCS business messaging).
   */
  channel?: 'sms' | 'call' | 'email' | 'whatsapp' | 'rbm';
  /**
   * Only attempts of this Verify service (VA…).
   */
  serviceSid?: ServiceSid;
  /**
   * Only the attempts of one verification (VE…): every code sent for it, on every channel.
   */
  verificationSid?: VerificationSid;
  /**
   * converted: the person entered the right code; unconverted: they did not (yet). Leave empty for both.
   */
  status?: 'converted' | 'unconverted';
}
