import type { ValidateFunction } from 'ajv';
import { pointerTo } from '../common/json-pointer.js';
import { problemsFrom } from '../schema/problems.js';
import { isLiteral } from './references.js';

export interface CallProblem {
  /** Relative to the input template. */
  pointer: string;
  message: string;
}

interface InputSchemaLike {
  properties?: Record<string, unknown>;
  required?: string[];
  additionalProperties?: unknown;
}

/**
 * Checks, before anything runs, an input template that a composed module or a scenario gives another module:
 * every key is an input property of that module, every required property is given, and every literal value (one
 * without references or operators) is valid for its property. Values known only at run time are checked then.
 */
export function checkCallInput(
  input: unknown,
  moduleId: string,
  schema: object,
  propertyValidator: (property: string) => ValidateFunction | undefined,
): CallProblem[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [{ pointer: '', message: `must be an object: the input of ${moduleId}` }];
  const problems: CallProblem[] = [];
  const { properties = {}, required = [], additionalProperties } = schema as InputSchemaLike;
  const given = input as Record<string, unknown>;
  for (const [key, value] of Object.entries(given)) {
    if (!Object.prototype.hasOwnProperty.call(properties, key)) {
      if (additionalProperties === false) problems.push({ pointer: pointerTo('', key), message: `is not an input of ${moduleId} (its inputs: ${Object.keys(properties).join(', ')})` });
      continue;
    }
    if (!isLiteral(value)) continue;
    const validate = propertyValidator(key);
    if (validate && !validate(value)) {
      for (const p of problemsFrom(validate.errors)) problems.push({ pointer: `${pointerTo('', key)}${p.pointer}`, message: p.message });
    }
  }
  for (const name of required) {
    if (!Object.prototype.hasOwnProperty.call(given, name)) problems.push({ pointer: '', message: `does not give "${name}", which ${moduleId} requires` });
  }
  return problems;
}
