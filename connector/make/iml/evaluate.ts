/**
 * Evaluates the IML subset of parse.ts the way Make does for the cases this export relies on: a value that is one
 * whole `{{expr}}` keeps its type (an object stays an object, a missing parameter stays undefined and its key is not
 * sent); text around expressions joins them as text, a missing value as nothing. Functions: base64, createJSON,
 * ifempty, if, toCollection, get and encodeURL — each as Make's documentation describes it; any other is an error.
 */
import { ImlSyntaxError, parseTemplate, SPREAD_KEY, type ImlNode } from './parse.js';

export type ImlContext = Readonly<Record<string, unknown>>;

/** Make's "empty": nothing, null, '' and an empty list or collection (what Make leaves out of a request). */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value as object).length === 0;
  return false;
}

function truthy(value: unknown): boolean {
  return !isEmpty(value) && value !== false;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function lookup(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const FUNCTIONS: Record<string, (args: unknown[]) => unknown> = {
  if: ([condition, yes, no]) => (truthy(condition) ? yes : no),
  ifempty: ([value, fallback]) => (isEmpty(value) ? fallback : value),
  base64: ([value]) => Buffer.from(text(value), 'utf8').toString('base64'),
  createJSON: ([value]) => (value === undefined ? undefined : JSON.stringify(value)),
  encodeURL: ([value]) => encodeURIComponent(text(value)),
  get: ([object, path]) => (object !== null && typeof object === 'object' ? lookup(object, text(path).split('.')) : undefined),
  toCollection: ([list, keyName, valueName]) => {
    if (!Array.isArray(list)) return undefined;
    const out: Record<string, unknown> = {};
    for (const entry of list) {
      const key = lookup(entry, [text(keyName)]);
      if (key !== undefined) out[text(key)] = lookup(entry, [text(valueName)]);
    }
    return out;
  },
};

/** The names of the functions this evaluator (and so the export) may use. */
export const IML_FUNCTIONS: ReadonlySet<string> = new Set(Object.keys(FUNCTIONS));

export function evaluateExpression(node: ImlNode, context: ImlContext): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'ref':
      return lookup(context, node.path);
    case 'binary': {
      const left = evaluateExpression(node.left, context);
      const right = evaluateExpression(node.right, context);
      if (node.op === '+') return typeof left === 'number' && typeof right === 'number' ? left + right : text(left) + text(right);
      const equal = text(left) === text(right);
      return node.op === '=' ? equal : !equal;
    }
    case 'call': {
      const fn = FUNCTIONS[node.name];
      if (!fn) throw new ImlSyntaxError(`${node.name}() is not part of the IML this export uses`);
      return fn(node.args.map((arg) => evaluateExpression(arg, context)));
    }
  }
}

const parsed = new Map<string, ReturnType<typeof parseTemplate>>();

/** A template string: one whole expression keeps its value's type; otherwise the parts join as text. */
export function evaluateTemplate(template: string, context: ImlContext): unknown {
  let parts = parsed.get(template);
  if (!parts) {
    parts = parseTemplate(template);
    if (parsed.size < 10_000) parsed.set(template, parts);
  }
  if (parts.length === 1 && 'expr' in parts[0]!) return evaluateExpression(parts[0].expr, context);
  return parts.map((part) => ('expr' in part ? text(evaluateExpression(part.expr, context)) : part.text)).join('');
}

/** Any JSON value of an app file: strings are templates, keys too; a key that evaluates to undefined is left out. */
export function evaluateValue(value: unknown, context: ImlContext): unknown {
  if (typeof value === 'string') return evaluateTemplate(value, context);
  if (Array.isArray(value)) return value.map((item) => evaluateValue(item, context));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const evaluated = evaluateValue(child, context);
    if (key === SPREAD_KEY) {
      if (evaluated !== null && typeof evaluated === 'object' && !Array.isArray(evaluated)) {
        for (const [k, v] of Object.entries(evaluated)) if (v !== undefined) out[k] = v;
      }
      continue;
    }
    if (evaluated !== undefined) out[text(evaluateTemplate(key, context))] = evaluated;
  }
  return out;
}

/** Base and module directives merged as Make inherits them: objects key by key (the module wins), anything else replaced. */
export function inherit(base: unknown, own: unknown): unknown {
  if (own === undefined) return base;
  if (base === null || typeof base !== 'object' || Array.isArray(base) || own === null || typeof own !== 'object' || Array.isArray(own)) return own;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(own)) out[key] = inherit(out[key], value);
  return out;
}
