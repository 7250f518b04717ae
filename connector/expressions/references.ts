import { pointerTo } from '../common/json-pointer.js';
import { ExpressionError } from './expression-error.js';
import { INTERPOLATION, operatorOf, parsePath, REFERENCE_START } from './syntax.js';

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
      value.forEach((item, i) => walk(item, pointerTo(at, i)));
    } else if (value !== null && typeof value === 'object') {
      if (operatorOf(value) === '$literal') return;
      for (const [key, child] of Object.entries(value)) walk(child, pointerTo(at, key));
    }
  };
  walk(template, pointer);
  return found;
}

/** True when a template holds no reference and no operator: its value is known before anything runs. */
export function isLiteral(template: unknown): boolean {
  return findReferences(template, '', () => undefined).length === 0 && !JSON.stringify(template ?? null).includes('"$');
}
