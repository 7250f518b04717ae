/* Generated from schemas/definitions.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "accountSid".
 */
export type AccountSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "apiKeySid".
 */
export type ApiKeySid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "serviceSid".
 */
export type ServiceSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "verificationSid".
 */
export type VerificationSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "credentialSid".
 */
export type CredentialSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "templateSid".
 */
export type TemplateSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "rateLimitSid".
 */
export type RateLimitSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "bucketSid".
 */
export type BucketSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "attemptSid".
 */
export type AttemptSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "messagingServiceSid".
 */
export type MessagingServiceSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "identity".
 */
export type Identity = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "factorSid".
 */
export type FactorSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "challengeSid".
 */
export type ChallengeSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "webhookSid".
 */
export type WebhookSid = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "e164".
 */
export type E164 = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "smsSender".
 */
export type SmsSender = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "email".
 */
export type Email = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "friendlyName".
 */
export type FriendlyName = string;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "codeLength".
 */
export type CodeLength = number;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "nullableString".
 */
export type NullableString = string | null;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "nullableBoolean".
 */
export type NullableBoolean = boolean | null;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "nullableInteger".
 */
export type NullableInteger = number | null;
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "nullableObject".
 */
export type NullableObject = {} | null;

/**
 * Pieces every other schema refers to: Twilio SIDs, phone numbers, Twilio's error body.
 */
export interface SharedDefinitions {
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "stringMap".
 */
export interface StringMap {
  [k: string]: string | number | boolean | undefined;
}
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "twilioError".
 */
export interface TwilioError {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
  details?: {};
}
/**
 * This interface was referenced by `SharedDefinitions`'s JSON-Schema
 * via the `definition` "listMeta".
 */
export interface ListMeta {
  first_page_url?: string | null;
  key?: string | null;
  next_page_url?: string | null;
  page?: number | null;
  page_size?: number | null;
  previous_page_url?: string | null;
  url?: string | null;
}
