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
 * Values and conditions nest in each other ($if, $test), so both live in this one file.
 */
import { pointerTo } from '../common/json-pointer.js';
import { ExpressionError } from './expression-error.js';
import { CONDITION_OPERATORS, FORBIDDEN_SEGMENTS, INTERPOLATION, isReference, operatorOf, parsePath, REFERENCE_START, VALUE_OPERATORS } from './syntax.js';

export type Scope = Record<string, unknown>;

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

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
    if (FORBIDDEN_SEGMENTS.has(key)) throw new ExpressionError(`"${key}" may not be a key`, pointerTo(pointer, key));
    const value = evaluate(child, scope, pointerTo(pointer, key));
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

