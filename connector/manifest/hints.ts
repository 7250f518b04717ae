/**
 * AJV's errors about a connector file, each as a problem with a hint that fits it: what to add, remove or change,
 * the values allowed, the form a pattern expects, the closest correct spelling.
 */
import type { ErrorObject } from 'ajv';
import { pointerTo, tokensOf } from '../common/json-pointer.js';
import { problemsFrom } from '../schema/problems.js';
import { closest } from './suggest.js';

export interface HintedProblem {
  pointer: string;
  message: string;
  hint: string;
}

/** The forms the connector format's patterns stand for, in words. */
const PATTERN_FORMS: Record<string, string> = {
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': 'kebab-case: lowercase words joined by "-", such as start-verification',
  '^modules/[a-z0-9-]+\\.json$': 'modules/<module id>.json, such as modules/start-verification.json',
  '^schemas/.+\\.schema\\.json$': 'schemas/….schema.json, such as schemas/modules/start-verification.input.schema.json',
  '^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$': 'a version number major.minor.patch, such as 1.0.0',
  '^https://www\\.twilio\\.com/docs/': 'a link to Twilio\'s documentation, starting https://www.twilio.com/docs/',
  '^(/[A-Za-z0-9_.{}\\-]*)+$|^\\{[a-zA-Z][a-zA-Z0-9]*\\}$': 'a path such as /v2/Services/{serviceSid}/Verifications, or a single {name} placeholder',
  '^[A-Za-z][A-Za-z0-9_]*$': 'a name of letters, digits and _ that starts with a letter, such as check',
  '^[0-9]{5}$': 'a five-digit Twilio error code, such as 20404',
};

export function describePattern(pattern: string): string {
  return PATTERN_FORMS[pattern] ?? `text matching the regular expression ${pattern}`;
}

function valueAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of tokensOf(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** The schema object at `schemaPath` (#/properties/…) of the format the file follows, to list the fields it allows. */
function schemaAt(format: unknown, schemaPath: string): Record<string, unknown> | undefined {
  if (!schemaPath.startsWith('#')) return undefined;
  const node = valueAt(format, schemaPath.slice(1));
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

function hintFor(error: ErrorObject, document: unknown, format: unknown, formatName: string): string {
  const params = error.params as Record<string, unknown>;
  const inner = error.keyword === 'errorMessage' ? ((params['errors'] as ErrorObject[] | undefined) ?? [])[0] : undefined;
  if (inner) return hintFor(inner, document, format, formatName);
  switch (error.keyword) {
    case 'required':
      return `Add "${String(params['missingProperty'])}" (see ${formatName}).`;
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const container = schemaAt(format, error.schemaPath.replace(/\/additionalProperties$/, ''));
      const allowed = Object.keys((container?.['properties'] as object | undefined) ?? {}).filter((k) => k !== '$schema');
      const guess = closest(extra, allowed);
      if (guess) return `Did you mean "${guess}"? Otherwise remove "${extra}".`;
      return allowed.length > 0 ? `Remove "${extra}": the fields here are ${allowed.join(', ')}.` : `Remove "${extra}".`;
    }
    case 'type': {
      const actual = valueAt(document, error.instancePath);
      const wanted = String(params['type']).split(',').map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
      return `It is ${kindOf(actual)}; give ${wanted.join(' or ')} instead.`;
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v));
      const actual = valueAt(document, error.instancePath);
      const guess = typeof actual === 'string' ? closest(actual, (params['allowedValues'] as unknown[]).filter((v): v is string => typeof v === 'string')) : undefined;
      return guess ? `Did you mean "${guess}"? The values allowed: ${allowed.join(', ')}.` : `Use one of: ${allowed.join(', ')}.`;
    }
    case 'const':
      return `Use ${JSON.stringify(params['allowedValue'])}.`;
    case 'pattern':
      return `Write it as ${describePattern(String(params['pattern']))}.`;
    case 'format':
      return params['format'] === 'uri' ? 'Give a full URL, such as https://www.twilio.com/docs/verify.' : `Give a valid ${String(params['format'])}.`;
    case 'minLength':
    case 'maxLength':
      return `Give ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${String(params['limit'])} characters.`;
    case 'minItems':
    case 'maxItems':
      return `Give ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params['limit'])} item${params['limit'] === 1 ? '' : 's'}.`;
    case 'minimum':
    case 'maximum':
      return `Give a number ${error.keyword === 'minimum' ? 'of at least' : 'of at most'} ${String(params['limit'])}.`;
    case 'oneOf':
      return params['passingSchemas'] ? 'Keep only one of them.' : 'Add one of them.';
    case 'dependencies':
      return `Add "${String(params['missingProperty'])}" as well, or remove "${String(params['property'])}".`;
    case 'propertyNames':
      return 'Rename the key.';
    case 'uniqueItems':
      return 'Remove the repeated item.';
    default:
      return `See ${formatName}.`;
  }
}

/** The place a problem is about: a key that fails `propertyNames` is named itself, not its object. */
function pointerOf(error: ErrorObject, fallback: string): string {
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  return propertyName !== undefined ? pointerTo(error.instancePath, propertyName) : fallback;
}

/**
 * AJV's errors less the branch errors of alternatives (oneOf/anyOf) that a message of the format (ajv-errors'
 * errorMessage) already explains at the same place: "a step has exactly one kind" says it, eleven "X is required" do not.
 */
export function withoutExplainedBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const explained = new Set(
    errors
      .filter((e) => e.keyword === 'errorMessage' && ((e.params as { errors?: ErrorObject[] }).errors ?? []).some((inner) => inner.keyword === 'oneOf' || inner.keyword === 'anyOf'))
      .map((e) => e.instancePath),
  );
  return errors.filter((e) => !(/\/(oneOf|anyOf)\/\d+\//.test(e.schemaPath) && explained.has(e.instancePath)));
}

/**
 * One problem per pointer and message (problemsFrom's words), each with its own hint. `format` is the schema the file
 * follows (for the fields it allows), `formatName` where a person reads it.
 */
export function hintedProblems(errors: ErrorObject[] | null | undefined, document: unknown, format: unknown, formatName: string): HintedProblem[] {
  const seen = new Set<string>();
  const problems: HintedProblem[] = [];
  const all = withoutExplainedBranches(errors ?? []);
  // A value of a type no alternative takes (null where an object belongs): its other rules are moot, the type is the mistake.
  const wrongType = new Set(
    all.filter((e) => e.keyword === 'type' && !/\/(oneOf|anyOf)\/\d+\//.test(e.schemaPath) && !all.some((d) => d.instancePath.startsWith(`${e.instancePath}/`))).map((e) => e.instancePath),
  );
  for (const error of all) {
    // Wrappers whose branches say what is wrong (AJV reports those too); a key failing propertyNames is named by its own error.
    if (['if', 'anyOf', 'oneOf', 'not', 'propertyNames'].includes(error.keyword)) continue;
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
    // A value of the wrong type for one alternative and wrong inside for another: the deeper problem is the one to fix.
    if (error.keyword === 'type' && all.some((e) => e.instancePath.startsWith(`${error.instancePath}/`))) continue;
    const [worded] = problemsFrom([error]);
    if (!worded) continue;
    const pointer = pointerOf(error, worded.pointer);
    const message = error.keyword === 'pattern' ? `must be ${describePattern(String((error.params as { pattern: string }).pattern))}` : worded.message;
    const key = `${pointer}\0${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ pointer, message, hint: hintFor(error, document, format, formatName) });
  }
  const first = errors?.[0];
  if (problems.length === 0 && first) problems.push({ pointer: first.instancePath, message: 'is not valid', hint: `See ${formatName}.` });
  return problems;
}
