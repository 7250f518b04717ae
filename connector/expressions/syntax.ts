/**
 * How the expression language is written: references (`$.steps.check.output.status`), interpolation
 * (`"Code sent to {{$.params.to}}"`), operators (`{ "$first": [...] }`) and conditions (`{ "eq": [a, b] }`).
 * See evaluate.ts for what each means; schemas/expression.schema.json for the same rules as a schema.
 */
import { ExpressionError } from './expression-error.js';

/** Path segments that could reach an object's prototype: never read, never written. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const VALUE_OPERATORS = ['$literal', '$first', '$count', '$add', '$if', '$test', '$lookup'] as const;
export const CONDITION_OPERATORS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'exists', 'and', 'or', 'not'] as const;

export const REFERENCE_START = /^\$(?:$|[.[])/;
export const INTERPOLATION = /\{\{\s*(\$[^{}]*?)\s*\}\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*/;

/** True for a string that is, as a whole, a reference such as `$.steps.check.output.status`. */
export function isReference(value: unknown): value is string {
  return typeof value === 'string' && REFERENCE_START.test(value);
}

/** The operator of an object such as `{ "$first": [...] }` (its one key, starting with `$`), or undefined. */
export function operatorOf(value: object): string | undefined {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0]!.startsWith('$') ? keys[0] : undefined;
}

/** `$.a.b[0]['c d']` → ['a', 'b', '0', 'c d']. Refuses anything else, and prototype segments. */
export function parsePath(text: string): string[] {
  if (!text.startsWith('$')) throw new ExpressionError(`"${text}" is not a path: paths start with $`);
  const segments: string[] = [];
  let rest = text.slice(1);
  while (rest.length > 0) {
    let segment: string;
    if (rest.startsWith('.')) {
      const name = NAME.exec(rest.slice(1));
      if (!name) throw new ExpressionError(`"${text}": expected a name after "."`);
      segment = name[0];
      rest = rest.slice(1 + segment.length);
    } else if (rest.startsWith('[')) {
      const index = /^\[(\d+)\]/.exec(rest) ?? /^\['([^'\\]*)'\]/.exec(rest);
      if (!index) throw new ExpressionError(`"${text}": expected [number] or ['name']`);
      segment = index[1]!;
      rest = rest.slice(index[0].length);
    } else {
      throw new ExpressionError(`"${text}": unexpected "${rest[0]}" (use .name, [0] or ['name'])`);
    }
    if (FORBIDDEN_SEGMENTS.has(segment)) throw new ExpressionError(`"${text}": "${segment}" may not appear in a path`);
    segments.push(segment);
  }
  return segments;
}
