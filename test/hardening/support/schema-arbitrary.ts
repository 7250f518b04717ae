/**
 * A small, generic JSON Schema (draft-07) → fast-check arbitrary generator, enough for this package's schemas.
 *
 * `$ref`s are followed through the AJV registry (`packageSchemas()`), so a module's input schema is read exactly as
 * the runtime validates it. Supported: type (one or several), enum, const, pattern (fc.stringMatching), format
 * (email, ipv4, ipv6), minLength/maxLength, minimum/maximum, required, properties, additionalProperties,
 * propertyNames (not/enum, maxLength, pattern), minProperties/maxProperties, items, if/then/else, anyOf, oneOf, allOf
 * and `not: {}` (a property that must be absent). Anything the generator cannot make exactly is filtered by the
 * compiled AJV validator of the whole schema, so every generated value is valid by construction or by check.
 */
import fc from 'fast-check';
import { tokensOf } from '../../../connector/common/json-pointer.js';
import type { SchemaRegistry } from '../../../connector/schema/ajv.js';

export type Schema = Record<string, any>;

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Resolves `$ref` (relative to the schema's base `$id`) through the registry; returns the schema and its base. */
export function deref(registry: SchemaRegistry, schema: Schema, base: string): { schema: Schema; base: string } {
  let current = schema;
  let currentBase = base;
  for (let hops = 0; typeof current['$ref'] === 'string' && hops < 20; hops++) {
    const target = new URL(current['$ref'], currentBase).href;
    const [file, fragment] = target.split('#') as [string, string | undefined];
    const { $ref: _ignored, ...siblings } = current;
    let resolved = registry.schema(file) as Schema;
    for (const token of tokensOf(fragment ?? '')) resolved = resolved[token];
    // Sibling keywords of $ref (draft-07 ignores them, AJV applies them): keep both, the sibling's words win for annotations.
    current = { ...resolved, ...siblings };
    currentBase = file;
  }
  return { schema: current, base: currentBase };
}

/** allOf-style merge of two object-ish schemas: properties merged key by key, required united, other keywords from b. */
export function mergeSchemas(registry: SchemaRegistry, a: Schema, b: Schema, base: string): Schema {
  const out: Schema = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (key === 'properties') {
      const props: Schema = { ...(a['properties'] ?? {}) };
      for (const [name, sub] of Object.entries(value as Schema)) {
        props[name] = props[name] ? mergeSchemas(registry, deref(registry, props[name], base).schema, deref(registry, sub, base).schema, base) : sub;
      }
      out['properties'] = props;
    } else if (key === 'required') {
      out['required'] = [...new Set([...(a['required'] ?? []), ...(value as string[])])];
    } else if (key === 'if' || key === 'then' || key === 'else' || key === 'anyOf' || key === 'oneOf') {
      if (!(key in a)) out[key] = value;
    } else {
      out[key] = value;
    }
  }
  if ('const' in out) delete out['enum'];
  return out;
}

export interface GenOptions {
  registry: SchemaRegistry;
  /** Arbitraries that replace the generated one at a JSON pointer (for fields the runtime checks beyond the schema). */
  overrides?: Record<string, fc.Arbitrary<unknown>>;
  /** Longest string made where the schema sets no maxLength. */
  defaultMaxLength?: number;
}

const jsonNumber = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((n) => (Object.is(n, -0) ? 0 : n));

function anyString(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'binary' }) },
  );
}

function codePoints(s: string): number {
  return [...s].length;
}

function stringArbitrary(schema: Schema, options: GenOptions): fc.Arbitrary<string> {
  const min = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const max = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Math.max(min, options.defaultMaxLength ?? 40);
  const fits = (s: string): boolean => codePoints(s) >= min && codePoints(s) <= max;
  let arb: fc.Arbitrary<string>;
  if (typeof schema['pattern'] === 'string') {
    arb = fc.stringMatching(new RegExp(schema['pattern'], 'u')).filter(fits);
  } else if (schema['format'] === 'email') {
    arb = fc.emailAddress().filter(fits);
  } else if (schema['format'] === 'ipv4') {
    arb = fc.ipV4();
  } else if (schema['format'] === 'ipv6') {
    arb = fc.ipV6();
  } else {
    arb = anyString(min, max);
  }
  return arb;
}

function keyArbitrary(schema: Schema | undefined): fc.Arbitrary<string> {
  const names = schema ?? {};
  const max = typeof names['maxLength'] === 'number' ? Math.min(names['maxLength'], 24) : 24;
  const base = typeof names['pattern'] === 'string' ? fc.stringMatching(new RegExp(names['pattern'])) : fc.string({ minLength: 1, maxLength: max });
  return base.filter((k) => !FORBIDDEN_KEYS.includes(k) && k.length <= max);
}

function typesOf(schema: Schema): string[] {
  const type = schema['type'];
  if (Array.isArray(type)) return type as string[];
  if (typeof type === 'string') return [type];
  if (schema['properties'] || schema['additionalProperties'] !== undefined) return ['object'];
  return ['string', 'number', 'boolean', 'object', 'array', 'null'];
}

/** The arbitrary for one (sub)schema at a JSON pointer. */
export function arbitraryFor(input: Schema, base: string, options: GenOptions, pointer = ''): fc.Arbitrary<unknown> {
  const override = options.overrides?.[pointer];
  if (override) return override;
  const { registry } = options;
  const { schema, base: at } = deref(registry, input, base);

  if ('const' in schema) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
  if (Array.isArray(schema['allOf'])) {
    const { allOf, ...rest } = schema;
    return arbitraryFor((allOf as Schema[]).reduce((acc, part) => mergeSchemas(registry, acc, deref(registry, part, at).schema, at), rest), at, options, pointer);
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[keyword])) {
      const { [keyword]: branches, ...rest } = schema;
      return fc.oneof(...(branches as Schema[]).map((branch) => arbitraryFor(mergeSchemas(registry, rest, deref(registry, branch, at).schema, at), at, options, pointer)));
    }
  }
  if (schema['if'] && (schema['then'] || schema['else'])) {
    const { if: condition, then: yes, else: no, ...rest } = schema;
    const holds = mergeSchemas(registry, mergeSchemas(registry, rest, condition as Schema, at), (yes as Schema) ?? {}, at);
    const fails = mergeSchemas(registry, rest, (no as Schema) ?? {}, at);
    const check = registry.ajv.compile({ ...(condition as Schema), $id: undefined });
    return fc.oneof(arbitraryFor(holds, at, options, pointer), arbitraryFor(fails, at, options, pointer).filter((v) => !check(v)));
  }

  const choices = typesOf(schema).map((type) => leafArbitrary(type, schema, at, options, pointer));
  return choices.length === 1 ? choices[0]! : fc.oneof(...choices);
}

function leafArbitrary(type: string, schema: Schema, base: string, options: GenOptions, pointer: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(schema, options);
    case 'integer':
      return fc.integer({ min: schema['minimum'] ?? -1_000_000, max: schema['maximum'] ?? 1_000_000 });
    case 'number':
      return schema['minimum'] !== undefined || schema['maximum'] !== undefined
        ? fc.double({ noNaN: true, min: schema['minimum'] ?? -1e9, max: schema['maximum'] ?? 1e9 })
        : jsonNumber;
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = schema['items'] ? arbitraryFor(schema['items'], base, options, `${pointer}/0`) : fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
      return fc.array(items, { minLength: schema['minItems'] ?? 0, maxLength: Math.min(schema['maxItems'] ?? 4, 4) });
    }
    case 'object':
      return objectArbitrary(schema, base, options, pointer);
    default:
      throw new Error(`no generator for type ${type} at ${pointer}`);
  }
}

function objectArbitrary(schema: Schema, base: string, options: GenOptions, pointer: string): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  const required = new Set<string>((schema['required'] ?? []) as string[]);
  const known: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) {
    // `not: {}` forbids the property: leave it out.
    if (sub['not'] && Object.keys(sub['not']).length === 0) {
      required.delete(name);
      continue;
    }
    known[name] = arbitraryFor(sub, base, options, `${pointer}/${name}`);
  }
  const minProps = typeof schema['minProperties'] === 'number' ? schema['minProperties'] : 0;
  const maxProps = typeof schema['maxProperties'] === 'number' ? schema['maxProperties'] : Infinity;
  const fixed = fc.record(known, { requiredKeys: [...required].filter((k) => k in known), noNullPrototype: true });

  const extra = schema['additionalProperties'];
  let arb: fc.Arbitrary<Record<string, unknown>>;
  if (extra !== undefined && extra !== false && Object.keys(properties).length === 0) {
    const values = extra === true ? fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean()) : arbitraryFor(extra as Schema, base, options, `${pointer}/*`);
    arb = fc.dictionary(keyArbitrary(schema['propertyNames']), values, {
      minKeys: minProps,
      maxKeys: Math.min(maxProps, 6),
      noNullPrototype: true,
    });
  } else {
    arb = fixed as fc.Arbitrary<Record<string, unknown>>;
  }
  return arb.filter((o) => Object.keys(o).length >= minProps && Object.keys(o).length <= maxProps);
}

/** The arbitrary for a whole schema by `$id`, every value checked against AJV (the same validator the runtime uses). */
export function validInputs(registry: SchemaRegistry, schemaId: string, overrides: GenOptions['overrides'] = {}): fc.Arbitrary<Record<string, unknown>> {
  const validate = registry.validator(schemaId);
  return (arbitraryFor(registry.schema(schemaId) as Schema, schemaId, { registry, overrides }) as fc.Arbitrary<Record<string, unknown>>).filter(
    (value) => validate(value) === true,
  );
}
