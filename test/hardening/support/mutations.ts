/**
 * Schema-breaking mutations of a valid input, derived from the same schema: each names the JSON pointer at fault.
 * Kinds: wrong type, missing required field, extra field, out-of-range number, bad pattern / enum value,
 * huge string, deep nesting, and a whole input of the wrong type.
 */
import fc from 'fast-check';
import { escapeToken } from '../../../connector/common/json-pointer.js';
import type { SchemaRegistry } from '../../../connector/schema/ajv.js';
import { deref, type Schema } from './schema-arbitrary.js';

export type MutationKind = 'wrong-type' | 'missing-required' | 'extra-field' | 'out-of-range' | 'bad-pattern' | 'bad-enum' | 'huge-string' | 'deep-nesting' | 'whole-input';

export interface Mutation {
  kind: MutationKind;
  input: unknown;
  /** The pointer a problem must name: exactly, or (deep nesting) this pointer or one below it. */
  pointer: string;
}

interface Site {
  pointer: string;
  tokens: string[];
  schema: Schema;
  base: string;
  value: unknown;
}


/** Every value of the input with the (dereferenced) schema that governs it, the root included. */
function sitesOf(registry: SchemaRegistry, value: unknown, schema: Schema, base: string, tokens: string[] = []): Site[] {
  const { schema: resolved, base: at } = deref(registry, schema, base);
  const sites: Site[] = [{ pointer: tokens.map((t) => `/${escapeToken(t)}`).join(''), tokens, schema: resolved, base: at, value }];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const properties = (resolved['properties'] ?? {}) as Record<string, Schema>;
    for (const [name, child] of Object.entries(value)) {
      const sub = properties[name] ?? (typeof resolved['additionalProperties'] === 'object' ? resolved['additionalProperties'] : undefined);
      if (sub) sites.push(...sitesOf(registry, child, sub, at, [...tokens, name]));
    }
  }
  return sites;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function setAt(root: unknown, tokens: string[], value: unknown): unknown {
  if (tokens.length === 0) return value;
  const copy = clone(root) as Record<string, unknown>;
  let node = copy;
  for (const token of tokens.slice(0, -1)) node = node[token] as Record<string, unknown>;
  Object.defineProperty(node, tokens[tokens.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function removeAt(root: unknown, tokens: string[], name: string): unknown {
  const copy = clone(root) as Record<string, unknown>;
  let node = copy;
  for (const token of tokens) node = node[token] as Record<string, unknown>;
  delete node[name];
  return copy;
}

const SAMPLES: Record<string, unknown[]> = {
  string: ['', 'text', '0'],
  integer: [0, 7, -3],
  number: [0.5, 12.25],
  boolean: [true, false],
  null: [null],
  array: [[], ['a'], [1, 2]],
  object: [{}, { a: 1 }],
};

function allowedTypes(schema: Schema): Set<string> | undefined {
  const type = schema['type'];
  const list = Array.isArray(type) ? type : typeof type === 'string' ? [type] : undefined;
  if (!list) return undefined;
  const set = new Set<string>(list);
  if (set.has('number')) set.add('integer');
  return set;
}

export function deep(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { d: value };
  return value;
}

/** All the ways to break one valid input, as an arbitrary of mutations. */
export function mutationsOf(registry: SchemaRegistry, schemaId: string, input: Record<string, unknown>, hugeMax = 2_000): fc.Arbitrary<Mutation> {
  const root = registry.schema(schemaId) as Schema;
  const options: Array<fc.Arbitrary<Mutation>> = [];
  options.push(fc.constantFrom<unknown>(null, [], 'text', 42, true, [input]).map((v) => ({ kind: 'whole-input' as const, input: v, pointer: '' })));

  for (const site of sitesOf(registry, input, root, schemaId)) {
    const { schema, tokens, pointer, value } = site;
    const types = allowedTypes(schema);
    if (types) {
      const wrong = Object.entries(SAMPLES).filter(([t]) => !types.has(t)).flatMap(([, samples]) => samples);
      if (wrong.length > 0) options.push(fc.constantFrom(...wrong).map((v) => ({ kind: 'wrong-type' as const, input: setAt(input, tokens, v), pointer })));
    }
    if (types && !types.has('object') && !types.has('array')) {
      options.push(
        fc.record({ depth: fc.integer({ min: 2, max: 200 }), asArray: fc.boolean() }).map(({ depth, asArray }) => ({
          kind: 'deep-nesting' as const,
          input: setAt(input, tokens, deep(depth, value, asArray)),
          pointer,
        })),
      );
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const name of (schema['required'] ?? []) as string[]) {
        if (Object.prototype.hasOwnProperty.call(value, name)) {
          options.push(fc.constant({ kind: 'missing-required' as const, input: removeAt(input, tokens, name), pointer: `${pointer}/${escapeToken(name)}` }));
        }
      }
      const known = new Set(Object.keys((schema['properties'] ?? {}) as object));
      if (schema['additionalProperties'] === false) {
        const names = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('constructor', 'prototype', '__proto__', 'a/b', 'x~y', 'toString'));
        options.push(
          fc.tuple(names.filter((n) => !known.has(n)), fc.oneof(fc.string(), fc.integer(), fc.constant({ polluted: true }))).map(([name, v]) => {
            const next = clone(input) as Record<string, unknown>;
            let node = next;
            for (const token of tokens) node = node[token] as Record<string, unknown>;
            Object.defineProperty(node, name, { value: v, enumerable: true, writable: true, configurable: true });
            return { kind: 'extra-field' as const, input: next, pointer: `${pointer}/${escapeToken(name)}` };
          }),
        );
      }
    }
    if ((types?.has('integer') || types?.has('number')) && !types.has('string') && (schema['minimum'] !== undefined || schema['maximum'] !== undefined)) {
      const outside: Array<fc.Arbitrary<number>> = [];
      if (schema['minimum'] !== undefined) outside.push(fc.integer({ min: 1, max: 1_000_000 }).map((d) => schema['minimum'] - d));
      if (schema['maximum'] !== undefined) outside.push(fc.integer({ min: 1, max: 1_000_000 }).map((d) => schema['maximum'] + d));
      if (types.has('integer') && !types.has('number')) outside.push(fc.constantFrom(0.5, 4.25, 1e-9 + (schema['minimum'] ?? 0)));
      options.push(fc.oneof(...outside).map((v) => ({ kind: 'out-of-range' as const, input: setAt(input, tokens, v), pointer })));
    }
    if (typeof schema['pattern'] === 'string') {
      const re = new RegExp(schema['pattern'], 'u');
      options.push(fc.string({ maxLength: 40, unit: 'grapheme' }).filter((s) => !re.test(s)).map((s) => ({ kind: 'bad-pattern' as const, input: setAt(input, tokens, s), pointer })));
    }
    if (Array.isArray(schema['enum']) && schema['enum'].every((v: unknown) => typeof v === 'string')) {
      const allowed = new Set(schema['enum'] as string[]);
      options.push(fc.string({ maxLength: 12 }).filter((s) => !allowed.has(s)).map((s) => ({ kind: 'bad-enum' as const, input: setAt(input, tokens, s), pointer })));
    }
    if (typeof schema['maxLength'] === 'number' && types?.has('string')) {
      const max = schema['maxLength'] as number;
      options.push(
        fc.record({ extra: fc.integer({ min: 1, max: hugeMax }), ch: fc.constantFrom('a', '7', 'é', '😀', ' ') }).map(({ extra, ch }) => ({
          kind: 'huge-string' as const,
          input: setAt(input, tokens, ch.repeat(max + extra)),
          pointer,
        })),
      );
    }
  }
  return fc.oneof(...options);
}
