/**
 * Our expression language (expression.schema.json) → the JavaScript of an n8n expression, with the same meaning:
 * references read own data and give undefined when missing, `$first` skips null and missing values, equality treats
 * null and missing alike and compares data (not identity), comparisons of unlike types are false, `{{…}}` prints
 * objects as JSON and nothing for null. The result goes inside `={{ … }}`; `root` is the JavaScript for `$`
 * (the workflow state `$json`, or a step's own result in `save`). n8n's `$json` is read through member access or passed
 * to a function, never spread (`{ ...$json }` throws in n8n's expression sandbox).
 */
import { CONDITION_OPERATORS, isReference, parsePath, VALUE_OPERATORS } from '../../expressions/index.js';

/** An expression (or part of one) that has no translation. */
export class TranslationError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
    this.name = 'TranslationError';
  }
}

const INTERPOLATION = /\{\{\s*(\$[^{}]*?)\s*\}\}/g;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `$.vars.to` → `root?.["vars"]?.["to"]`. */
export function referenceJs(path: string, root: string): string {
  return parsePath(path).reduce((js, segment) => `${js}?.[${/^\d+$/.test(segment) ? segment : JSON.stringify(segment)}]`, `(${root})`);
}

/** The text a value prints as inside a longer string: nothing for null, JSON for objects. */
const TEXT = '((v) => v === undefined || v === null ? "" : typeof v === "object" ? JSON.stringify(v) : String(v))';
/** Data equality with null and missing alike. */
const EQUAL = '((a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null))';

function list(argument: unknown, pointer: string, op: string, length?: number): unknown[] {
  if (!Array.isArray(argument) || (length !== undefined && argument.length !== length)) throw new TranslationError(pointer, `${op} takes a list${length === undefined ? '' : ` of ${length}`}`);
  return argument;
}

/** A value template → JavaScript that computes it. */
export function valueJs(template: unknown, root: string, pointer = ''): string {
  if (typeof template === 'string') {
    const text: string = template;
    if (isReference(template)) return referenceJs(text, root);
    if (!text.includes('{{')) return JSON.stringify(text);
    const parts: string[] = [];
    let last = 0;
    for (const match of text.matchAll(INTERPOLATION)) {
      if (match.index! > last) parts.push(JSON.stringify(text.slice(last, match.index)));
      parts.push(`${TEXT}(${referenceJs(match[1]!, root)})`);
      last = match.index! + match[0].length;
    }
    if (last < text.length) parts.push(JSON.stringify(text.slice(last)));
    return `(${parts.join(' + ')})`;
  }
  if (Array.isArray(template)) return `[${template.map((item, i) => `(${valueJs(item, root, `${pointer}/${i}`)}) ?? null`).join(', ')}]`;
  if (!isRecord(template)) return JSON.stringify(template);
  const keys = Object.keys(template);
  if (keys.length === 1 && keys[0]!.startsWith('$')) return operatorJs(keys[0]!, template[keys[0]!], root, `${pointer}/${keys[0]}`);
  return `({ ${keys.map((key) => `${JSON.stringify(key)}: ${valueJs(template[key], root, `${pointer}/${key}`)}`).join(', ')} })`;
}

function operatorJs(op: string, argument: unknown, root: string, pointer: string): string {
  switch (op) {
    case '$literal':
      return JSON.stringify(argument);
    case '$first':
      return `([${list(argument, pointer, op).map((item, i) => valueJs(item, root, `${pointer}/${i}`)).join(', ')}].find((v) => v !== undefined && v !== null) ?? null)`;
    case '$count':
      return `((v) => Array.isArray(v) || typeof v === "string" ? v.length : 0)(${valueJs(argument, root, pointer)})`;
    case '$add':
      return `([${list(argument, pointer, op).map((item, i) => valueJs(item, root, `${pointer}/${i}`)).join(', ')}].reduce((sum, v) => sum + v, 0))`;
    case '$if': {
      const [condition, then, otherwise] = list(argument, pointer, op, 3);
      return `(${conditionJs(condition, root, `${pointer}/0`)} ? ${valueJs(then, root, `${pointer}/1`)} : ${valueJs(otherwise, root, `${pointer}/2`)})`;
    }
    case '$test':
      return `(${conditionJs(argument, root, pointer)})`;
    case '$lookup': {
      const [table, key] = list(argument, pointer, op, 2);
      return `((t, k) => (typeof k === "string" || typeof k === "number") && t !== null && typeof t === "object" && Object.keys(t).includes(String(k)) ? t[String(k)] : undefined)(${valueJs(table, root, `${pointer}/0`)}, ${valueJs(key, root, `${pointer}/1`)})`;
    }
    default:
      throw new TranslationError(pointer, `the operator ${op} has no n8n translation (known: ${VALUE_OPERATORS.join(', ')})`);
  }
}

const COMPARE: Readonly<Record<string, string>> = { lt: '<', le: '<=', gt: '>', ge: '>=' };

/** A condition → JavaScript that is true or false. */
export function conditionJs(condition: unknown, root: string, pointer = ''): string {
  if (typeof condition === 'boolean') return String(condition);
  if (!isRecord(condition) || Object.keys(condition).length !== 1) throw new TranslationError(pointer, `a condition is true, false or an object with one of ${CONDITION_OPERATORS.join(', ')}`);
  const [op, argument] = Object.entries(condition)[0]!;
  const at = `${pointer}/${op}`;
  switch (op) {
    case 'eq':
    case 'ne': {
      const [a, b] = list(argument, at, op, 2);
      return `(${op === 'ne' ? '!' : ''}${EQUAL}(${valueJs(a, root, `${at}/0`)}, ${valueJs(b, root, `${at}/1`)}))`;
    }
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      const [a, b] = list(argument, at, op, 2);
      return `((a, b) => ((typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string")) && a ${COMPARE[op]} b)(${valueJs(a, root, `${at}/0`)}, ${valueJs(b, root, `${at}/1`)})`;
    }
    case 'in': {
      const [a, options] = list(argument, at, op, 2);
      return `((v, o) => Array.isArray(o) && o.some((x) => ${EQUAL}(x, v)))(${valueJs(a, root, `${at}/0`)}, ${valueJs(options, root, `${at}/1`)})`;
    }
    case 'exists':
      if (!isReference(argument)) throw new TranslationError(at, 'exists takes a path');
      return `((v) => v !== undefined && v !== null)(${referenceJs(argument, root)})`;
    case 'and':
    case 'or':
      return `(${list(argument, at, op)
        .map((c, i) => conditionJs(c, root, `${at}/${i}`))
        .join(op === 'and' ? ' && ' : ' || ')})`;
    case 'not':
      return `(!${conditionJs(argument, root, at)})`;
    default:
      throw new TranslationError(pointer, `the condition ${op} has no n8n translation (known: ${CONDITION_OPERATORS.join(', ')})`);
  }
}

/** An n8n expression parameter: `={{ js }}`. */
export function expression(js: string): string {
  return `={{ ${js} }}`;
}
