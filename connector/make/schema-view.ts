/** Reading a bundled (self-contained) JSON Schema the way a form builder needs it: one flat view per field. */
import type { OptionsFrom, ShowWhen, WireSpec } from '../schema/keywords.js';

export type JsonSchema = Readonly<Record<string, unknown>>;

/** A field's schema with `allOf` parts merged in (the bundler writes a `$ref` and its clashing neighbours as allOf). */
export function flatten(schema: JsonSchema): JsonSchema {
  const parts = Array.isArray(schema['allOf']) ? (schema['allOf'] as JsonSchema[]) : [];
  if (parts.length === 0) return schema;
  const { allOf: _merged, ...rest } = schema;
  let out: Record<string, unknown> = { ...rest };
  for (const part of parts) {
    const flat = flatten(part);
    const properties = { ...((out['properties'] as object) ?? {}), ...((flat['properties'] as object) ?? {}) };
    out = { ...out, ...flat, ...(Object.keys(properties).length > 0 ? { properties } : {}) };
  }
  return out;
}

/** The JSON types a field allows, `null` left out (outputs are nullable; a Make field is simply empty then). */
export function typesOf(schema: JsonSchema): string[] {
  const type = schema['type'];
  const list = Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
  if (list.length === 0 && (schema['properties'] || schema['additionalProperties'] !== undefined)) return ['object'];
  return list.filter((t) => t !== 'null');
}

export function propertiesOf(schema: JsonSchema): Array<[string, JsonSchema]> {
  return Object.entries((flatten(schema)['properties'] as Record<string, JsonSchema> | undefined) ?? {});
}

export function requiredOf(schema: JsonSchema): Set<string> {
  return new Set((flatten(schema)['required'] as string[] | undefined) ?? []);
}

export function wireOf(schema: JsonSchema): Exclude<WireSpec, string> & { name?: string } {
  const wire = schema['x-wire'] as WireSpec | undefined;
  return typeof wire === 'string' ? { name: wire } : (wire ?? {});
}

export function showWhenOf(schema: JsonSchema): ShowWhen | undefined {
  return schema['x-show-when'] as ShowWhen | undefined;
}

export function optionsFromOf(schema: JsonSchema): OptionsFrom | undefined {
  return schema['x-options-from'] as OptionsFrom | undefined;
}

/** An object whose entries are free names (a key/value map such as Tags or RateLimits), not declared fields. */
export function isMap(schema: JsonSchema): boolean {
  const flat = flatten(schema);
  return typesOf(flat).includes('object') && propertiesOf(flat).length === 0 && flat['additionalProperties'] !== undefined && flat['additionalProperties'] !== false;
}

/** The schema of a map's values (true: anything). */
export function mapValuesOf(schema: JsonSchema): JsonSchema | true {
  const extra = flatten(schema)['additionalProperties'];
  return extra === true || extra === undefined ? true : (extra as JsonSchema);
}

/** Keywords that tie a value to other fields or to alternatives: Make's forms have no way to say them. */
export const CONDITIONAL_KEYWORDS = ['if', 'anyOf', 'oneOf', 'not', 'dependencies'] as const;

export function conditionalKeywords(schema: JsonSchema): string[] {
  return CONDITIONAL_KEYWORDS.filter((keyword) => schema[keyword] !== undefined);
}

/** The sibling fields an `if` condition reads (for saying which fields a conditional rule links). */
export function fieldsOfCondition(schema: JsonSchema): string[] {
  const condition = schema['if'] as JsonSchema | undefined;
  return condition ? Object.keys((condition['properties'] as object | undefined) ?? {}) : [];
}
