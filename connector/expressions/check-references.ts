import type { ExpressionError } from './expression-error.js';
import { findReferences } from './references.js';
import { STEP_RECORD_FIELDS } from './step-record.js';

/** A root such as `$.input` or `$.params`: what its names are called and which exist. */
export interface NamedRoot {
  /** What one name under the root is, for messages: "input property", "constant", "parameter", "variable". */
  what: string;
  /** The names a reference may use; undefined when any name is accepted. */
  names?: readonly string[];
  /** How to fix a name that is not there. */
  hint: string;
}

/** Where a step stands as seen from the reference: run by now, known but not run yet, or no such step. */
export type StepStatus = 'ran' | 'not-yet' | 'unknown';

/** What a place in a composed module or a scenario may refer to. */
export interface ReferenceRules {
  roots: Readonly<Record<string, NamedRoot>>;
  /** Present when `$.steps.<id>` may be used: the status of a step for the reference being checked. */
  steps?: (id: string) => StepStatus;
}

export interface ReferenceProblem {
  pointer: string;
  message: string;
  hint: string;
}

function rootList(rules: ReferenceRules): string {
  const roots = [...Object.keys(rules.roots), ...(rules.steps ? ['steps'] : [])].map((root) => `$.${root}`);
  return roots.length <= 1 ? roots.join('') : `${roots.slice(0, -1).join(', ')} or ${roots.at(-1)}`;
}

/**
 * The one reference checker of composed modules and scenarios: every `$.…` path inside `template` (a value or a
 * condition) is well formed, starts with a root the rules allow, names something that exists there, and reads a
 * step only once it has run and only through its `ok`, `output` or `error`. Each problem carries the JSON pointer of
 * the string that holds the reference (`pointer` is where the template sits in its file).
 */
export function checkReferences(template: unknown, pointer: string, rules: ReferenceRules): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const add = (at: string, message: string, hint: string): void => void problems.push({ pointer: at, message, hint });
  const onError = (error: ExpressionError): void => add(error.pointer, error.message, `Paths look like ${rootList(rules)} followed by .name, [0] or ['name'].`);

  for (const ref of findReferences(template, pointer, onError)) {
    const [root, name, field] = ref.segments;
    const named = root === undefined ? undefined : Object.prototype.hasOwnProperty.call(rules.roots, root) ? rules.roots[root] : undefined;
    if (named) {
      if (name !== undefined && named.names && !named.names.includes(name)) add(ref.pointer, `${ref.path} names no ${named.what} ("${name}")`, named.hint);
    } else if (root === 'steps' && rules.steps) {
      const status = name === undefined ? 'unknown' : rules.steps(name);
      if (name === undefined) add(ref.pointer, `${ref.path} names no step`, 'Write $.steps.<id>.output.… with the id of a step.');
      else if (status === 'unknown') add(ref.pointer, `${ref.path} refers to step "${name}", which does not exist`, 'Use the id of a step of this list.');
      else if (status === 'not-yet') add(ref.pointer, `${ref.path} refers to step "${name}", which has not run yet at this point`, 'A step may read only the steps that ran before it.');
      else if (field !== undefined && !STEP_RECORD_FIELDS.includes(field)) add(ref.pointer, `${ref.path}: a step's result has ok, output and error, not "${field}"`, `Use $.steps.${name}.output.…`);
    } else {
      add(ref.pointer, `${ref.path} starts with ${root === undefined ? 'nothing' : `"${root}"`}`, `References here start with ${rootList(rules)}.`);
    }
  }
  return problems;
}
