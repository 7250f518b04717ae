/* Generated from schemas/service-settings.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "ttsName".
 */
export type TtsName = string;
/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "pushIncludeDate".
 */
export type PushIncludeDate = boolean;
/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "totpIssuer".
 */
export type TotpIssuer = string;
/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "totpTimeStep".
 */
export type TotpTimeStep = number;
/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "totpCodeLength".
 */
export type TotpCodeLength = number;
/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "totpSkew".
 */
export type TotpSkew = number;
/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "relyingPartyId".
 */
export type RelyingPartyId = string;
/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "relyingPartyName".
 */
export type RelyingPartyName = string;
/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "relyingPartyOrigins".
 */
export type RelyingPartyOrigins = string;
/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "authenticatorAttachment".
 */
export type AuthenticatorAttachment = '' | 'platform' | 'cross-platform' | 'any';
/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "passkeyPreference".
 */
export type PasskeyPreference = '' | 'required' | 'preferred' | 'discouraged';
/**
 * This interface was referenced by `VerifyServiceSettings`'s JSON-Schema
 * via the `definition` "mailerSid".
 */
export type MailerSid = string;

/**
 * The rules of a Verify service's settings (Twilio's CreateService and UpdateService forms), shared by create-service and update-service. Each module's input property $refs its rule here and carries its own label, help text and x-wire name beside it, because the runtime reads x-wire from the input schema's own properties (connector/runtime/wire-plan.ts).
 */
export interface VerifyServiceSettings {
  [k: string]: unknown | undefined;
}
