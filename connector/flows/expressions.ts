/**
 * The data-reference and condition language shared by module composition (`compose` in a module file) and scenarios.
 * Everything is JSON data, read by this small interpreter: no `eval`, no `Function`, and no path may name
 * `__proto__`, `constructor` or `prototype`. Paths only read own properties.
 *
 *   "$.params.to"                         a reference: the value at that path (a whole string that starts with `$.`)
 *   "Code sent to {{$.params.to}}"        interpolation inside a longer string
 *   { "$literal": "$.not-a-path" }        a value taken as is
 *   { "$first": [a, b, …] }               the first value that is neither null nor missing
 *   { "$count": "$.x" }                   the length of a list or string (0 for null)
 *   { "$add": [a, b, …] }                 the sum of numbers
 *   { "$if": [condition, a, b] }          a when the condition holds, else b
 *   { "$test": condition }                the condition as true or false
 *   { "$lookup": [table, key] }           table[key] (an own property; numbers become their decimal text)
 *
 * Conditions: true | false | { eq | ne | lt | le | gt | ge: [a, b] } | { in: [a, [list]] } | { exists: "$.path" }
 *             | { and: [c, …] } | { or: [c, …] } | { not: c }
 */

export type Scope = Record<string, unknown>;

/** A mistake in an expression, found while reading or evaluating it. `pointer` is relative to the expression. */
export class ExpressionError extends Error {
  readonly pointer: string;
  constructor(message: string, pointer = '') {
    super(message);
    this.name = 'ExpressionError';
    this.pointer = pointer;
  }
}

export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const VALUE_OPERATORS = ['$literal', '$first', '$count', '$add', '$if', '$test', '$lookup'] as const;
export const CONDITION_OPERATORS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'exists', 'and', 'or', 'not'] as const;

const REFERENCE_START = /^\$(?:$|[.[])/;
const INTERPOLATION = /\{\{\s*(\$[^{}]*?)\s*\}\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*/;

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** True for a string that is, as a whole, a reference such as `$.steps.check.output.status`. */
export function isReference(value: unknown): value is string {
  return typeof value === 'string' && REFERENCE_START.test(value);
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

/** The value at `segments` inside `root`, or undefined when any part is missing. Own properties only. */
export function resolveSegments(root: unknown, segments: readonly string[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment)) return undefined;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (current !== null && typeof current === 'object' && own(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

export function resolve(path: string, scope: Scope): unknown {
  return resolveSegments(scope, parsePath(path));
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function operatorOf(value: object): string | undefined {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0]!.startsWith('$') ? keys[0] : undefined;
}

function listArgument(op: string, argument: unknown, pointer: string, length?: number): unknown[] {
  if (!Array.isArray(argument) || (length !== undefined && argument.length !== length)) {
    throw new ExpressionError(`${op} takes a list${length === undefined ? '' : ` of ${length}`}`, pointer);
  }
  return argument;
}

/** A value template → its value in `scope`. Missing references give undefined (omitted from objects, null in lists). */
export function evaluate(template: unknown, scope: Scope, pointer = ''): unknown {
  if (typeof template === 'string') {
    if (REFERENCE_START.test(template)) return resolve(template, scope);
    if (!template.includes('{{')) return template;
    return template.replace(INTERPOLATION, (_m: string, path: string) => asText(resolve(path, scope)));
  }
  if (Array.isArray(template)) return template.map((item, i) => evaluate(item, scope, `${pointer}/${i}`) ?? null);
  if (template === null || typeof template !== 'object') return template;
  const op = operatorOf(template);
  if (op !== undefined) return operate(op, (template as Record<string, unknown>)[op], scope, `${pointer}/${op}`);
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(template)) {
    if (FORBIDDEN_SEGMENTS.has(key)) throw new ExpressionError(`"${key}" may not be a key`, `${pointer}/${key}`);
    const value = evaluate(child, scope, `${pointer}/${key}`);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function operate(op: string, argument: unknown, scope: Scope, pointer: string): unknown {
  switch (op) {
    case '$literal':
      return argument;
    case '$first': {
      for (const [i, item] of listArgument(op, argument, pointer).entries()) {
        const value = evaluate(item, scope, `${pointer}/${i}`);
        if (value !== undefined && value !== null) return value;
      }
      return null;
    }
    case '$count': {
      const value = evaluate(argument, scope, pointer);
      return Array.isArray(value) || typeof value === 'string' ? value.length : 0;
    }
    case '$add': {
      let sum = 0;
      for (const [i, item] of listArgument(op, argument, pointer).entries()) {
        const value = evaluate(item, scope, `${pointer}/${i}`);
        if (typeof value !== 'number') throw new ExpressionError(`$add needs numbers; got ${JSON.stringify(value ?? null)}`, `${pointer}/${i}`);
        sum += value;
      }
      return sum;
    }
    case '$if': {
      const [condition, then, otherwise] = listArgument(op, argument, pointer, 3);
      return test(condition, scope, `${pointer}/0`) ? evaluate(then, scope, `${pointer}/1`) : evaluate(otherwise, scope, `${pointer}/2`);
    }
    case '$test':
      return test(argument, scope, pointer);
    case '$lookup': {
      const [tableTemplate, keyTemplate] = listArgument(op, argument, pointer, 2);
      const table = evaluate(tableTemplate, scope, `${pointer}/0`);
      const key = evaluate(keyTemplate, scope, `${pointer}/1`);
      if (typeof key !== 'string' && typeof key !== 'number') return undefined;
      return resolveSegments(table, [String(key)]);
    }
    default:
      throw new ExpressionError(`unknown operator ${op} (use one of ${VALUE_OPERATORS.join(', ')})`, pointer);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return (a ?? null) === (b ?? null);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => own(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) return false;
  switch (op) {
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    default:
      return a >= b;
  }
}

/** A condition → true or false in `scope`. Comparisons of unlike types are false, never an error. */
export function test(condition: unknown, scope: Scope, pointer = ''): boolean {
  if (typeof condition === 'boolean') return condition;
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition) || Object.keys(condition).length !== 1) {
    throw new ExpressionError(`a condition is true, false or an object with one of ${CONDITION_OPERATORS.join(', ')}`, pointer);
  }
  const [op, argument] = Object.entries(condition)[0]!;
  const at = `${pointer}/${op}`;
  switch (op) {
    case 'eq':
    case 'ne': {
      const [a, b] = listArgument(op, argument, at, 2);
      const equal = deepEqual(evaluate(a, scope, `${at}/0`), evaluate(b, scope, `${at}/1`));
      return op === 'eq' ? equal : !equal;
    }
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      const [a, b] = listArgument(op, argument, at, 2);
      return compare(op, evaluate(a, scope, `${at}/0`), evaluate(b, scope, `${at}/1`));
    }
    case 'in': {
      const [a, list] = listArgument(op, argument, at, 2);
      const value = evaluate(a, scope, `${at}/0`);
      const options = evaluate(list, scope, `${at}/1`);
      return Array.isArray(options) && options.some((option) => deepEqual(option, value));
    }
    case 'exists': {
      if (!isReference(argument)) throw new ExpressionError('exists takes a path such as "$.steps.send.output"', at);
      const value = resolve(argument, scope);
      return value !== undefined && value !== null;
    }
    case 'and':
      return listArgument(op, argument, at).every((c, i) => test(c, scope, `${at}/${i}`));
    case 'or':
      return listArgument(op, argument, at).some((c, i) => test(c, scope, `${at}/${i}`));
    case 'not':
      return !test(argument, scope, at);
    default:
      throw new ExpressionError(`unknown condition "${op}" (use one of ${CONDITION_OPERATORS.join(', ')})`, pointer);
  }
}

/** One reference found in a template or condition, with the JSON pointer of the string that holds it. */
export interface FoundReference {
  path: string;
  segments: string[];
  pointer: string;
}

/**
 * Every reference inside a template or condition (for validators), `$literal` contents skipped.
 * A malformed path is reported through `onError` with its pointer instead of being returned.
 */
export function findReferences(template: unknown, pointer = '', onError?: (error: ExpressionError) => void): FoundReference[] {
  const found: FoundReference[] = [];
  const add = (path: string, at: string): void => {
    try {
      found.push({ path, segments: parsePath(path), pointer: at });
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      if (onError) onError(new ExpressionError(error.message, at));
      else throw new ExpressionError(error.message, at);
    }
  };
  const walk = (value: unknown, at: string): void => {
    if (typeof value === 'string') {
      if (REFERENCE_START.test(value)) add(value, at);
      else for (const match of value.matchAll(INTERPOLATION)) add(match[1]!, at);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${at}/${i}`));
    } else if (value !== null && typeof value === 'object') {
      if (operatorOf(value) === '$literal') return;
      for (const [key, child] of Object.entries(value)) walk(child, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  walk(template, pointer);
  return found;
}
