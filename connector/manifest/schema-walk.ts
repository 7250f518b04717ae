/**
 * Walks a JSON Schema (draft-07) the way a validator reads it: every place that holds a schema, with its JSON pointer
 * and the base URI its `$ref`s resolve against. Values of annotation keywords (default, examples, enum, const, x-…)
 * are data and are not walked.
 */
import { pointerTo } from '../common/json-pointer.js';

/** Keywords whose value is one schema. */
const ONE = ['additionalItems', 'contains', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not'];
/** Keywords whose value is a list of schemas. */
const LIST = ['allOf', 'anyOf', 'oneOf'];
/** Keywords whose value maps names to schemas. */
const MAP = ['properties', 'patternProperties', 'definitions', '$defs'];

/** Every keyword AJV knows in draft-07 with ajv-formats and ajv-errors (the project's own come from keywords.ts). */
export const JSON_SCHEMA_KEYWORDS: readonly string[] = [
  '$schema', '$id', '$ref', '$comment', '$defs', 'title', 'description', 'default', 'readOnly', 'writeOnly', 'examples',
  'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern',
  'additionalItems', 'items', 'maxItems', 'minItems', 'uniqueItems', 'contains', 'maxProperties', 'minProperties',
  'required', 'additionalProperties', 'definitions', 'properties', 'patternProperties', 'dependencies',
  'propertyNames', 'const', 'enum', 'type', 'format', 'contentMediaType', 'contentEncoding', 'if', 'then', 'else',
  'allOf', 'anyOf', 'oneOf', 'not', 'errorMessage', 'formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum',
];

export interface SchemaNode {
  node: Record<string, unknown>;
  pointer: string;
  /** The absolute URI `$ref`s in this node resolve against (the nearest `$id`). */
  base: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A base URI joined with an `$id` or `$ref`; undefined when it is not a URI reference. */
export function resolveUri(reference: string, base: string): string | undefined {
  try {
    return new URL(reference, base).href;
  } catch {
    return undefined;
  }
}

/** Every schema object in `schema` (itself included), depth first. Boolean schemas have nothing to walk. */
export function walkSchema(schema: unknown, base: string, pointer = ''): SchemaNode[] {
  const found: SchemaNode[] = [];
  const stack: Array<{ value: unknown; pointer: string; base: string }> = [{ value: schema, pointer, base }];
  while (stack.length > 0) {
    const { value, pointer: at, base: outer } = stack.pop()!;
    if (!isObject(value)) continue;
    const id = typeof value['$id'] === 'string' ? resolveUri(value['$id'], outer) : undefined;
    const here = id ?? outer;
    found.push({ node: value, pointer: at, base: here });
    const push = (child: unknown, ...tokens: Array<string | number>): void => {
      stack.push({ value: child, pointer: pointerTo(at, ...tokens), base: here });
    };
    for (const key of ONE) if (key in value) push(value[key], key);
    for (const key of LIST) if (Array.isArray(value[key])) (value[key] as unknown[]).forEach((child, i) => push(child, key, i));
    for (const key of MAP) if (isObject(value[key])) for (const [name, child] of Object.entries(value[key] as object)) push(child, key, name);
    if (Array.isArray(value['items'])) (value['items'] as unknown[]).forEach((child, i) => push(child, 'items', i));
    else if ('items' in value) push(value['items'], 'items');
    if (isObject(value['dependencies'])) for (const [name, child] of Object.entries(value['dependencies'] as object)) if (!Array.isArray(child)) push(child, 'dependencies', name);
  }
  return found;
}
