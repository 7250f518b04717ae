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

/**
 * `x-show-when`: the field applies only while each named sibling property has one of the listed values
 * ({ "channel": ["call"] }: digits to dial matter for a voice call only). Hosts show the field only then.
 */
export type ShowWhen = Record<string, Array<string | number | boolean>>;

const showWhenMetaSchema = {
  type: 'object',
  minProperties: 1,
  additionalProperties: { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } },
};

/**
 * `x-options-from`: the field's choices are the items another module of the connector returns (a search module):
 * `value` and `label` name fields of each item; `input` gives that module's input from sibling fields of this one
 * (its property name → this schema's property name). Hosts turn it into a dropdown; the runtime does not read it.
 */
export interface OptionsFrom {
  module: string;
  value: string;
  label?: string;
  input?: Record<string, string>;
}

const optionsFromMetaSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['module', 'value'],
  properties: {
    module: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' },
    value: { type: 'string', minLength: 1 },
    label: { type: 'string', minLength: 1 },
    input: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
  },
};

/**
 * `x-enum-labels`: the words a person sees for an enum's values ({ "call": "Voice call" }); the value is what is sent.
 * Hosts show the label in dropdowns (n8n option names, Make option labels, the playground); a value without a label
 * shows as itself.
 */
export type EnumLabels = Record<string, string>;

const enumLabelsMetaSchema = {
  type: 'object',
  minProperties: 1,
  additionalProperties: { type: 'string', minLength: 1, maxLength: 80 },
};

export const PROJECT_KEYWORDS: KeywordDefinition[] = [
  { keyword: 'x-wire', metaSchema: wireMetaSchema },
  { keyword: 'x-advanced', metaSchema: { type: 'boolean' } },
  { keyword: 'x-secret', metaSchema: { type: 'boolean' } },
  { keyword: 'x-deprecated', metaSchema: { type: 'string' } },
  { keyword: 'x-show-when', metaSchema: showWhenMetaSchema },
  { keyword: 'x-options-from', metaSchema: optionsFromMetaSchema },
  { keyword: 'x-enum-labels', metaSchema: enumLabelsMetaSchema },
];
