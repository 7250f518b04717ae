/**
 * From a module's input schema to what a form shows. The schema stays the source of truth: validation is the
 * connector's (on the server, with its own messages and JSON pointers); the form only needs the fields.
 * - combinators that only add checks (a root `oneOf` of `required` lists, `anyOf` of formats, `if`/`then`/`else`)
 *   are left to validation, and their `errorMessage` becomes a rule shown above the form;
 * - `x-show-when` fields that do not apply to the current values are left out (and so are their values);
 * - the uiSchema carries what JSON Schema cannot say to a form library: secrets, dropdown sources, deprecations,
 *   enum labels, the advanced marker (folded away by the page's object template).
 */
export type JsonSchema = Record<string, unknown>;
export type UiSchema = Record<string, unknown>;

const SHAPE_KEYS = ['properties', 'items', 'additionalProperties', 'patternProperties'];
const CONSTRAINT_COMBINATORS = ['oneOf', 'anyOf', 'allOf'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A branch that adds checks only: no fields of its own and no other type than its parent's. */
function onlyConstrains(branch: unknown, parentType: unknown): boolean {
  if (!isObject(branch)) return true;
  if (SHAPE_KEYS.some((key) => key in branch)) return false;
  if ('type' in branch && parentType !== undefined && JSON.stringify(branch['type']) !== JSON.stringify(parentType)) return false;
  return CONSTRAINT_COMBINATORS.every((key) => !Array.isArray(branch[key]) || (branch[key] as unknown[]).every((b) => onlyConstrains(b, parentType)));
}

/** True when a field with `x-show-when` applies to these sibling values (every named sibling has a listed value). */
export function applies(property: unknown, siblings: Record<string, unknown> | undefined): boolean {
  const when = isObject(property) ? property['x-show-when'] : undefined;
  if (!isObject(when)) return true;
  return Object.entries(when).every(([field, values]) => Array.isArray(values) && values.includes(siblings?.[field] as never));
}

export interface FormView {
  schema: JsonSchema;
  uiSchema: UiSchema;
  /** Rules a form cannot show as fields ("give either to or verificationSid"), from the schema's own errorMessage. */
  rules: string[];
}

/** The form for these values: recomputed as they change, so conditional fields come and go. */
export function formView(inputSchema: JsonSchema, values: unknown): FormView {
  const rules: string[] = [];
  const schema = present(inputSchema, values, rules);
  return { schema, uiSchema: uiSchemaOf(schema), rules };
}

function present(schema: JsonSchema, values: unknown, rules: string[]): JsonSchema {
  const out: JsonSchema = {};
  const messages = isObject(schema['errorMessage']) ? (schema['errorMessage'] as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'if' || key === 'then' || key === 'else') continue;
    if ((CONSTRAINT_COMBINATORS as readonly string[]).includes(key) && Array.isArray(value) && value.every((b) => onlyConstrains(b, schema['type']))) {
      if (typeof messages[key] === 'string') rules.push(messages[key] as string);
      continue;
    }
    out[key] = value;
  }
  if (isObject(schema['properties'])) {
    const siblings = isObject(values) ? values : {};
    const properties: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema['properties'])) {
      if (!applies(property, siblings)) continue;
      properties[name] = isObject(property) ? present(property, siblings[name], []) : property;
    }
    out['properties'] = properties;
    if (Array.isArray(schema['required'])) out['required'] = (schema['required'] as string[]).filter((name) => name in properties);
  }
  if (isObject(schema['items'])) out['items'] = present(schema['items'], undefined, []);
  return out;
}

function uiSchemaOf(schema: JsonSchema): UiSchema {
  const ui: UiSchema = {};
  if (schema['x-secret'] === true) ui['ui:widget'] = 'password';
  if (isObject(schema['x-options-from'])) ui['ui:widget'] = 'optionsFrom';
  if (typeof schema['x-deprecated'] === 'string') ui['ui:help'] = `Deprecated: ${schema['x-deprecated']}`;
  const labels = schema['x-enum-labels'];
  if (Array.isArray(schema['enum']) && isObject(labels)) ui['ui:enumNames'] = (schema['enum'] as unknown[]).map((v) => String(labels[String(v)] ?? v));
  if (isObject(schema['properties'])) {
    for (const [name, property] of Object.entries(schema['properties'])) {
      if (isObject(property)) {
        const child = uiSchemaOf(property);
        if (Object.keys(child).length > 0) ui[name] = child;
      }
    }
  }
  if (isObject(schema['items'])) {
    const child = uiSchemaOf(schema['items']);
    if (Object.keys(child).length > 0) ui['items'] = child;
  }
  return ui;
}

/** The values to send: only fields that apply, with nothing left empty (an untouched `{}` or `[]` sends nothing). */
export function valuesToSend(inputSchema: JsonSchema, values: unknown): unknown {
  return prune(inputSchema, values) ?? {};
}

function prune(schema: unknown, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = isObject(schema) ? schema['items'] : undefined;
    const kept = value.map((v) => prune(items, v)).filter((v) => v !== undefined);
    return kept.length > 0 ? kept : undefined;
  }
  if (isObject(value)) {
    const properties = isObject(schema) && isObject(schema['properties']) ? schema['properties'] : {};
    const extra = isObject(schema) ? schema['additionalProperties'] : undefined;
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(value)) {
      const property = properties[name] ?? extra;
      if (!applies(property, value)) continue;
      const kept = prune(property, v);
      if (kept !== undefined) out[name] = kept;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value;
}

/** Server problems (JSON pointers) → the error tree a form library puts beside each field. */
export function errorTree(problems: ReadonlyArray<{ pointer: string; message: string }>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { pointer, message } of problems) {
    let node = root;
    for (const token of pointerTokens(pointer)) {
      const next = isObject(node[token]) ? (node[token] as Record<string, unknown>) : {};
      node[token] = next;
      node = next;
    }
    node['__errors'] = [...((node['__errors'] as string[] | undefined) ?? []), message];
  }
  return root;
}

export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}
