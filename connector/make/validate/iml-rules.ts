/**
 * Rules about the IML inside an app's strings: every `{{` closed by `}}` (and no stray `}}`), every expression
 * readable, and every `{{parameters.x}}` / `{{connection.x}}` naming a parameter the component (or the connection)
 * declares — a misspelt name is sent as nothing, silently, in Make.
 */
import { hasIml, ImlSyntaxError, parseTemplate, referencesOf, SPREAD_KEY } from '../iml/parse.js';
import { childPointer, type MakeProblem } from './problem.js';

/** Calls `visit` for every string of a JSON value (object keys too), with its JSON pointer. */
export function walkStrings(value: unknown, pointer: string, visit: (text: string, pointer: string, isKey: boolean) => void): void {
  if (typeof value === 'string') visit(value, pointer, false);
  else if (Array.isArray(value)) value.forEach((item, i) => walkStrings(item, childPointer(pointer, i), visit));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      visit(key, childPointer(pointer, key), true);
      walkStrings(child, childPointer(pointer, key), visit);
    }
  }
}

/** Where `{{`/`}}` do not pair up, or undefined when they do. */
export function unbalanced(text: string): string | undefined {
  let open = -1;
  for (let i = 0; i < text.length - 1; i++) {
    if (text.startsWith('{{', i)) {
      if (open >= 0) return `"{{" at ${open} is not closed before the next "{{" at ${i}`;
      open = i;
      i++;
    } else if (text.startsWith('}}', i)) {
      if (open < 0) return `"}}" at ${i} closes nothing`;
      open = -1;
      i++;
    }
  }
  return open >= 0 ? `"{{" at ${open} is not closed` : undefined;
}

export interface DeclaredNames {
  /** Names `parameters.x` may use here, or undefined when this file may not read parameters. */
  parameters?: ReadonlySet<string>;
  /** Collection name → its field names, for `parameters.x.y`. */
  fields?: ReadonlyMap<string, ReadonlySet<string>>;
  connection: ReadonlySet<string>;
}

/** Balanced braces in every string of any file; in communication files, readable IML and declared references. */
export function imlProblems(file: string, json: unknown, declared: DeclaredNames | undefined): MakeProblem[] {
  const problems: MakeProblem[] = [];
  walkStrings(json, '', (text, pointer, isKey) => {
    if (isKey && text === SPREAD_KEY) return;
    const broken = unbalanced(text);
    if (broken) {
      problems.push({ file, pointer, message: `has unbalanced IML braces: ${broken}`, severity: 'error' });
      return;
    }
    if (!declared || !hasIml(text)) return;
    let parts;
    try {
      parts = parseTemplate(text);
    } catch (error) {
      if (!(error instanceof ImlSyntaxError)) throw error;
      problems.push({ file, pointer, message: `holds IML this check cannot read (${error.message}); its references were not checked`, severity: 'warning' });
      return;
    }
    for (const part of parts) {
      if (!('expr' in part)) continue;
      for (const path of referencesOf(part.expr)) {
        const [root, name, field] = path;
        if (root === 'parameters' && name !== undefined) {
          if (!declared.parameters) problems.push({ file, pointer, message: `reads parameters.${name}, but this file has no parameters of its own (base reads connection.*)`, severity: 'error' });
          else if (!declared.parameters.has(name)) problems.push({ file, pointer, message: `reads parameters.${name}, which no parameter declares: declare it or correct the name`, severity: 'error' });
          else if (field !== undefined && declared.fields?.get(name) && !declared.fields.get(name)!.has(field)) {
            problems.push({ file, pointer, message: `reads parameters.${name}.${field}, but the collection "${name}" has no field "${field}"`, severity: 'error' });
          }
        }
        if (root === 'connection' && name !== undefined && !declared.connection.has(name)) {
          problems.push({ file, pointer, message: `reads connection.${name}, which no connection parameter declares`, severity: 'error' });
        }
      }
    }
  });
  return problems;
}
