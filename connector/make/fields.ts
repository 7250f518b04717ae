/**
 * One plan per input field: how Make shows it (a parameter), how the communication reads it, and what a Make user
 * enters for a given input value. Read from the module's bundled input schema and its `x-wire` mapping only.
 */
import type { ShowWhen, WireLocation } from '../schema/keywords.js';
import { FORBIDDEN_HEADER_PATTERN, HEADER_VALUE_PATTERN } from './safe-patterns.js';
import {
  flatten,
  isMap,
  mapValuesOf,
  optionsFromOf,
  propertiesOf,
  showWhenOf,
  requiredOf,
  typesOf,
  wireOf,
  type JsonSchema,
} from './schema-view.js';
import type { MakeOption, MakeParameter, MakeValidate } from './types.js';

/**
 * value: sent as entered; keyValue: a list of name/value pairs (a map, free headers, query or body);
 * jsonText: JSON typed as text (an object Make's fields cannot hold); collection: named sub-fields.
 */
export type FieldShape = 'value' | 'keyValue' | 'jsonText' | 'collection';

export interface FieldPlan {
  property: string;
  /** Where the runtime sends it (x-wire "in", or the method's default place). */
  location: WireLocation;
  /** Twilio's name, prefix applied; empty for path, url, method, headers, body, bodyType, spread and none. */
  wireName: string;
  encodeJson: boolean;
  shape: FieldShape;
  /** A collection's fields (prefixed names for Push.…, plain names inside a JSON object). */
  children?: FieldPlan[];
  parameter: MakeParameter;
  /** The module format's `x-show-when` of a top-level field. */
  showWhen?: ShowWhen;
  /** What Make cannot say about this field, in words. */
  notes: string[];
}

export interface PlanContext {
  /** The Make RPC that lists choices for an `x-options-from`, or undefined when there is none. */
  rpcFor(property: string, schema: JsonSchema): string | undefined;
}

/** The most records a Make search module returns (Make's per-module limit). */
export const MAKE_RECORD_LIMIT = 3200;

function humanize(property: string): string {
  const words = property.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function helpOf(schema: JsonSchema): string | undefined {
  const parts = [schema['description'], schema['x-deprecated'] ? `Deprecated: ${String(schema['x-deprecated'])}` : undefined].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function textValidate(schema: JsonSchema): MakeValidate | undefined {
  const validate = compact<MakeValidate>({
    pattern: typeof schema['pattern'] === 'string' ? schema['pattern'] : undefined,
    min: numberOr(schema['minLength']),
    max: numberOr(schema['maxLength']),
  });
  return Object.keys(validate).length > 0 ? validate : undefined;
}

function numberValidate(schema: JsonSchema, cap?: number): MakeValidate | undefined {
  const max = numberOr(schema['maximum']);
  const validate = compact<MakeValidate>({ min: numberOr(schema['minimum']), max: cap !== undefined && (max === undefined || max > cap) ? cap : max });
  return Object.keys(validate).length > 0 ? validate : undefined;
}

/** Can createJSON send this object's fields as they are? (Not when a field is a map: Make would send a list.) */
function plainObject(schema: JsonSchema): boolean {
  return propertiesOf(schema).every(([, child]) => {
    const flat = flatten(child);
    if (isMap(flat)) return false;
    return typesOf(flat).includes('object') ? plainObject(flat) : true;
  });
}

/** The Make types a string becomes beyond plain text: secrets, e-mail addresses, URLs and times. */
function typedText(schema: JsonSchema): Pick<MakeParameter, 'type' | 'validate'> | undefined {
  if (schema['x-secret'] === true) return { type: 'password' };
  if (schema['format'] === 'email') return { type: 'email', validate: textValidate({ maxLength: schema['maxLength'] }) };
  if (schema['format'] === 'uri') return { type: 'url' };
  if (schema['format'] === 'date-time') return { type: 'date' };
  return undefined;
}

function scalarType(schema: JsonSchema, notes: string[]): Pick<MakeParameter, 'type' | 'validate' | 'time'> {
  const types = typesOf(schema);
  if (types.length !== 1) return { type: 'any' };
  switch (types[0]) {
    case 'boolean':
      return { type: 'boolean' };
    case 'integer': {
      const minimum = numberOr(schema['minimum']);
      return { type: minimum !== undefined && minimum >= 0 ? 'uinteger' : 'integer', validate: numberValidate(schema) };
    }
    case 'number':
      return { type: 'number', validate: numberValidate(schema) };
    case 'string': {
      const typed = typedText(schema);
      if (typed) {
        // Make checks these types by their own rules and takes no pattern: what the schema adds is Twilio's to check.
        const lengthDropped = (schema['minLength'] !== undefined && typed.validate?.min === undefined) || (schema['maxLength'] !== undefined && typed.validate?.max === undefined);
        const dropped = [schema['pattern'] !== undefined ? 'pattern' : undefined, lengthDropped ? 'length limits' : undefined].filter((part) => part !== undefined);
        if (dropped.length > 0) notes.push(`its ${dropped.join(' and ')} ${dropped.length === 1 && !lengthDropped ? 'is' : 'are'} checked by Twilio, not by Make (a Make ${typed.type} field)`);
        return typed;
      }
      if (typeof schema['format'] === 'string') notes.push(`its ${String(schema['format'])} format is checked by Twilio, not by Make`);
      return { type: 'text', validate: textValidate(schema) };
    }
    default:
      return { type: 'any' };
  }
}

function selectOptions(values: unknown[], labels: Record<string, string>, notes: string[]): MakeOption[] {
  const options: MakeOption[] = [];
  for (const value of values) {
    if (value === '' || value === null) {
      notes.push('the empty choice is not offered: Make leaves an empty field out, so leave the field empty instead');
      continue;
    }
    options.push({ label: labels[String(value)] ?? String(value), value: value as string | number | boolean });
  }
  return options;
}

function keyValueSpec(location: WireLocation, values: JsonSchema | true): MakeParameter[] {
  const valueTypes = values === true ? [] : typesOf(flatten(values));
  const key: MakeParameter = { name: 'key', type: 'text', label: location === 'headers' ? 'Header name' : 'Name', required: true };
  if (location === 'headers') key.validate = { pattern: FORBIDDEN_HEADER_PATTERN };
  const value: MakeParameter = { name: 'value', type: valueTypes.length === 1 && valueTypes[0] === 'string' ? 'text' : 'any', label: 'Value' };
  if (location === 'headers') value.validate = { pattern: HEADER_VALUE_PATTERN };
  return [key, value];
}

/** The spec of a list's items; what it says more simply lands in the list's own `notes` (item by item). */
function arraySpec(items: JsonSchema | undefined, context: PlanContext, location: WireLocation, notes: string[]): MakeParameter | MakeParameter[] {
  if (!items) return { name: 'value', type: 'any', label: 'Value' };
  const flat = flatten(items);
  if (typesOf(flat).includes('object') && propertiesOf(flat).length > 0) {
    return propertiesOf(flat).map(([name, child]) => {
      const item = planField(name, child, { required: requiredOf(flat).has(name), nested: true, location, prefix: '', context });
      notes.push(...item.notes.map((note) => `each item's ${name}: ${note}`));
      return item.parameter;
    });
  }
  const itemNotes: string[] = [];
  const spec: MakeParameter = { name: 'value', label: 'Value', ...scalarType(flat, itemNotes) };
  notes.push(...itemNotes.map((note) => `each item: ${note}`));
  return spec;
}

interface FieldOptions {
  required: boolean;
  nested: boolean;
  location: WireLocation;
  prefix: string;
  context: PlanContext;
}

/** The plan of one field. `location` is where its parent sends it (the method's default for a top-level field). */
export function planField(property: string, raw: JsonSchema, options: FieldOptions): FieldPlan {
  const schema = flatten(raw);
  const wire = wireOf(schema);
  const location: WireLocation = wire.in ?? options.location;
  const notes: string[] = [];
  const base: MakeParameter = compact({
    name: property,
    type: 'text',
    label: typeof schema['title'] === 'string' ? schema['title'] : humanize(property),
    help: helpOf(schema),
    required: options.required || undefined,
    advanced: !options.nested && schema['x-advanced'] === true ? true : undefined,
  });
  const plan = (shape: FieldShape, parameter: Partial<MakeParameter>, children?: FieldPlan[]): FieldPlan =>
    compact({
      property,
      location,
      wireName: wire.name !== undefined ? `${options.prefix}${wire.name}` : '',
      encodeJson: wire.encode === 'json',
      shape,
      children,
      parameter: compact({ ...base, ...parameter }) as MakeParameter,
      showWhen: options.nested ? undefined : showWhenOf(schema),
      notes,
    }) as FieldPlan;

  if (location === 'headers' || location === 'body' || wire.spread || isMap(schema)) {
    const max = numberOr(schema['maxProperties']);
    return plan('keyValue', { type: 'array', spec: keyValueSpec(location, mapValuesOf(schema)), validate: max !== undefined ? { maxItems: max } : undefined });
  }
  if (typesOf(schema).includes('object')) {
    const nestedPrefix = wire.prefix !== undefined ? `${options.prefix}${wire.prefix}` : '';
    if (wire.encode === 'json' && !plainObject(schema)) {
      notes.push('entered as JSON text: it holds a list of names and values, which Make cannot put inside a collection');
      return plan('jsonText', { type: 'text', multiline: true });
    }
    const required = requiredOf(schema);
    const children = propertiesOf(schema).map(([name, child]) =>
      planField(name, child, { required: required.has(name), nested: true, location, prefix: nestedPrefix, context: options.context }),
    );
    return plan('collection', { type: 'collection', spec: children.map((child) => child.parameter) }, children);
  }
  if (typesOf(schema).includes('array')) {
    const validate = compact<MakeValidate>({ minItems: numberOr(schema['minItems']), maxItems: numberOr(schema['maxItems']) });
    return plan('value', {
      type: 'array',
      spec: arraySpec(schema['items'] as JsonSchema | undefined, options.context, location, notes),
      validate: Object.keys(validate).length > 0 ? validate : undefined,
    });
  }
  if (optionsFromOf(schema)) {
    const rpc = options.context.rpcFor(property, schema);
    if (rpc) return plan('value', { type: 'select', options: `rpc://${rpc}` });
    notes.push('its choices cannot be listed in Make: type or map the value');
  }
  if (Array.isArray(schema['enum'])) {
    const choices = selectOptions(schema['enum'] as unknown[], (schema['x-enum-labels'] as Record<string, string> | undefined) ?? {}, notes);
    const fallback = schema['default'];
    return plan('value', { type: 'select', options: choices, default: choices.some((o) => o.value === fallback) ? fallback : undefined });
  }
  if (Array.isArray(schema['anyOf']) || Array.isArray(schema['oneOf'])) notes.push('its alternatives (anyOf/oneOf) are checked by Twilio, not by Make');
  const scalar = scalarType(schema, notes);
  const fallback = schema['default'];
  return plan('value', { ...scalar, validate: scalar.validate, default: fallback !== undefined && typeof fallback !== 'object' ? fallback : undefined });
}

/** Plans for every field of a module's input schema, in schema order. */
export function planFields(inputSchema: JsonSchema, method: string | undefined, context: PlanContext): FieldPlan[] {
  const required = requiredOf(inputSchema);
  const location: WireLocation = method === 'GET' || method === 'DELETE' ? 'query' : 'form';
  return propertiesOf(inputSchema).map(([name, schema]) => planField(name, schema, { required: required.has(name), nested: false, location, prefix: '', context }));
}
