/* Generated from schemas/modules/get-verification-attempts-summary.input.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

import type { ServiceSid } from '../definitions.js';

/**
 * Every filter is optional: without any, the summary covers all attempts of the last 30 days.
 */
export interface SummariseVerificationAttemptsInput {
  /**
   * Only attempts of this Verify service (VA…).
   */
  serviceSid?: ServiceSid;
  /**
   * Only attempts sent after this moment, in ISO 8601 UTC, for example 2025-01-31T00:00:00Z.
   */
  dateCreatedAfter?: string;
  /**
   * Only attempts sent before this moment, in ISO 8601 UTC, for example 2025-02-01T00:00:00Z.
   */
  dateCreatedBefore?: string;
  /**
   * Only attempts sent to phone numbers of this country: a two-letter code such as CO or US.
   */
  country?: string;
  /**
   * Only attempts sent on this channel: sms, call, email, whatsapp or rbm.
   */
  channel?: 'sms' | 'call' | 'email' | 'whatsapp' | 'rbm';
  /**
   * Only attempts to phone numbers starting with this prefix, in E.164 form, for example +57305 (a country code and the first digits). Useful to spot SMS pumping on a range of numbers.
   */
  destinationPrefix?: string;
}
