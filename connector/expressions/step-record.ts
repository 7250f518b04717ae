import type { ConnectorError } from '../errors/connector-error.js';
import type { OnError } from '../../types/generated/expression.js';

/** A step's `onError` (schemas/expression.schema.json), the same in a composed module and in a scenario. */
export type { OnError };

/** What one step left behind: `$.steps.<id>.ok`, `.output` or `.error`. */
export interface StepRecord {
  ok: boolean;
  output?: unknown;
  error?: Record<string, unknown>;
}

/** The fields of a step record a reference may name after `$.steps.<id>`. */
export const STEP_RECORD_FIELDS: readonly string[] = ['ok', 'output', 'error'];

/** Whether a failure with this code becomes data (onError: continue) rather than stopping. */
export function continuesOn(onError: OnError | undefined, code: string): boolean {
  if (onError === undefined || onError === 'fail') return false;
  if (onError === 'continue') return true;
  return onError.continue.includes(code);
}

/** A failure as data a later step can branch on: `{ code, message, status, … }`. */
export function errorData(error: ConnectorError): Record<string, unknown> {
  return { ...error.toData() };
}
