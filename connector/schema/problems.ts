import type { ErrorObject } from 'ajv';
import { pointerTo } from '../common/json-pointer.js';
import type { InputProblem } from '../errors/connector-error.js';

/** AJV's words for the common keywords, rewritten as a person would say them. */
const MESSAGES: Record<string, (params: Record<string, unknown>) => string> = {
  required: (p) => `is required`,
  additionalProperties: () => 'is not a field here: remove it or check its spelling',
  type: (p) => `must be ${article(String(p['type']).replace(',', ' or '))}`,
  enum: (p) => `must be one of: ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
  const: (p) => `must be ${JSON.stringify(p['allowedValue'])}`,
  maxLength: (p) => `must be at most ${String(p['limit'])} characters`,
  minLength: (p) => (p['limit'] === 1 ? 'must not be empty' : `must be at least ${String(p['limit'])} characters`),
  maximum: (p) => `must be at most ${String(p['limit'])}`,
  minimum: (p) => `must be at least ${String(p['limit'])}`,
  maxItems: (p) => `must have at most ${String(p['limit'])} items`,
  minItems: (p) => `must have at least ${String(p['limit'])} items`,
  maxProperties: (p) => `must have at most ${String(p['limit'])} entries`,
  pattern: () => 'has the wrong format',
  format: (p) => `must be a valid ${String(p['format'])}`,
};

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** The JSON pointer an error is about: for a missing or extra property, the property itself. */
function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'errorMessage') {
    // ajv-errors keeps the errors it replaced: when they all point at one field, so does the message.
    const pointers = new Set(((params['errors'] as ErrorObject[] | undefined) ?? []).map(pointerOf));
    return pointers.size === 1 ? [...pointers][0]! : error.instancePath;
  }
  if (error.keyword === 'required') return pointerTo(error.instancePath, String(params['missingProperty']));
  if (error.keyword === 'additionalProperties') return pointerTo(error.instancePath, String(params['additionalProperty']));
  if (error.keyword === 'dependencies') return pointerTo(error.instancePath, String(params['missingProperty']));
  return error.instancePath;
}

function messageOf(error: ErrorObject): string {
  if (error.keyword === 'errorMessage') return error.message ?? 'is not valid';
  const rewrite = MESSAGES[error.keyword];
  return rewrite ? rewrite(error.params as Record<string, unknown>) : (error.message ?? 'is not valid');
}

/** AJV errors → one problem per pointer and message, the noise of failed schema branches removed. */
export function problemsFrom(errors: ErrorObject[] | null | undefined): InputProblem[] {
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  for (const error of errors ?? []) {
    if (error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'not') continue;
    const problem = { pointer: pointerOf(error), message: messageOf(error) };
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  if (problems.length === 0 && errors && errors.length > 0) problems.push({ pointer: errors[0]!.instancePath, message: 'is not valid' });
  return problems;
}

/** "/to must be …; /channel must be one of …" — at most a few, so a message stays readable. */
export function summarise(problems: InputProblem[], most = 3): string {
  const shown = problems.slice(0, most).map((p) => `${p.pointer === '' ? '(the whole input)' : p.pointer} ${p.message}`);
  const more = problems.length > most ? ` (and ${problems.length - most} more)` : '';
  return `${shown.join('; ')}${more}.`;
}
