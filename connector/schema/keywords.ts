import type { KeywordDefinition } from 'ajv';

/**
 * The project's own annotation keywords. They change no validation result; registering them keeps AJV's strict
 * mode on (a typo such as `x-wrie` is an error) and their meta-schemas check how they are written.
 * The manifest meta-schema (schemas/manifest.schema.json) documents them for connector authors.
 */
export const WIRE_LOCATIONS = ['path', 'query', 'form', 'none', 'url', 'method', 'headers', 'body', 'bodyType'] as const;
export type WireLocation = (typeof WIRE_LOCATIONS)[number];

/** How one input property reaches Twilio. A bare string is the wire name in the method's default place. */
export type WireSpec =
  | string
  | {
      name?: string;
      in?: WireLocation;
      /** `json`: sent as a JSON string (RateLimits, Tags, …). */
      encode?: 'json';
      /** For an object property: its own properties carry their names, each sent as `prefix + name` (Push.ApnCredentialSid). */
      prefix?: string;
      /** For an object property in query or form: each of its entries is sent as its own parameter. */
      spread?: boolean;
    };

const wireMetaSchema = {
  anyOf: [
    { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$' },
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*$' },
        in: { enum: [...WIRE_LOCATIONS] },
        encode: { enum: ['json'] },
        prefix: { type: 'string', pattern: '^([A-Za-z][A-Za-z0-9]*\\.)+$' },
        spread: { type: 'boolean' },
      },
    },
  ],
};

export const PROJECT_KEYWORDS: KeywordDefinition[] = [
  { keyword: 'x-wire', metaSchema: wireMetaSchema },
  { keyword: 'x-advanced', metaSchema: { type: 'boolean' } },
  { keyword: 'x-secret', metaSchema: { type: 'boolean' } },
  { keyword: 'x-deprecated', metaSchema: { type: 'string' } },
];
