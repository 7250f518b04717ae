import type { AnySchemaObject } from 'ajv';
import type { ModuleDefinition } from '../../types/generated/module.js';
import { pointerTo } from '../common/json-pointer.js';
import type { EnumLabels, OptionsFrom, ShowWhen } from '../schema/keywords.js';

/** One problem with a field's host annotations, in the input schema's file. */
export interface AnnotationProblem {
  pointer: string;
  message: string;
  hint: string;
}

type Properties = Record<string, AnySchemaObject>;

function propertiesOf(schema: AnySchemaObject | undefined): Properties {
  return ((schema?.['properties'] as Properties | undefined) ?? {}) as Properties;
}

/**
 * Checks what the format keywords `x-options-from`, `x-show-when` and `x-enum-labels` say across files: the module that
 * offers the choices exists and returns a list, the fields they name exist, the values a field is shown for are values
 * the controlling field can take, and labels name values of the field's enum. (The keywords' own shape is checked by
 * their meta-schemas.) `definitions` maps every
 * module id the manifest lists to its definition, undefined when its file is broken (its own problems say why);
 * `internal` holds the ids of internalModules, which no host lists.
 */
export function checkFieldAnnotations(
  inputSchema: AnySchemaObject,
  definitions: ReadonlyMap<string, ModuleDefinition | undefined>,
  inputSchemaOf: (definition: ModuleDefinition) => AnySchemaObject | undefined,
  internal: ReadonlySet<string> = new Set(),
): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  const siblings = propertiesOf(inputSchema);
  for (const [name, field] of Object.entries(siblings)) {
    const at = pointerTo('/properties', name);
    const optionsFrom = field['x-options-from'] as OptionsFrom | undefined;
    if (optionsFrom) {
      const source = definitions.get(optionsFrom.module);
      if (!definitions.has(optionsFrom.module)) {
        problems.push({ pointer: `${at}/x-options-from/module`, message: `names no module of this connector ("${optionsFrom.module}")`, hint: 'Name a search module that lists the choices, such as list-services.' });
      } else if (internal.has(optionsFrom.module)) {
        // Choices come from a module a host can run for the user, never from an internal one.
        problems.push({ pointer: `${at}/x-options-from/module`, message: `"${optionsFrom.module}" is an internal module: no host lists it, so none can offer its items`, hint: 'Name a search module listed under modules, such as list-services.' });
      } else if (!source) {
        // Listed, but its file could not be used: that file's own problems say why.
      } else if (!source.pagination) {
        problems.push({ pointer: `${at}/x-options-from/module`, message: `"${optionsFrom.module}" does not return a list`, hint: 'Name a search module (one with "pagination"): its items become the choices.' });
      } else {
        const sourceSchema = inputSchemaOf(source);
        const sourceInputs = propertiesOf(sourceSchema);
        for (const [input, sibling] of Object.entries(optionsFrom.input ?? {})) {
          if (sourceSchema && !Object.prototype.hasOwnProperty.call(sourceInputs, input)) problems.push({ pointer: `${at}/x-options-from/input/${input}`, message: `"${input}" is not an input of ${optionsFrom.module}`, hint: `Use one of: ${Object.keys(sourceInputs).join(', ')}.` });
          if (!Object.prototype.hasOwnProperty.call(siblings, sibling)) problems.push({ pointer: `${at}/x-options-from/input/${input}`, message: `"${sibling}" is not a field of this module`, hint: 'Give the name of the field whose value that input takes.' });
        }
      }
    }
    const labels = field['x-enum-labels'] as EnumLabels | undefined;
    if (labels) {
      const values = ((field['enum'] as unknown[] | undefined) ?? []).map(String);
      for (const value of Object.keys(labels)) {
        if (!values.includes(value)) problems.push({ pointer: pointerTo(at, 'x-enum-labels', value), message: values.length ? `"${value}" is not a value of this field's enum` : 'labels an enum, but the field has no enum', hint: values.length ? `Label one of: ${values.join(', ')}.` : 'Put x-enum-labels beside an enum.' });
      }
    }
    const showWhen = field['x-show-when'] as ShowWhen | undefined;
    for (const [controller, values] of Object.entries(showWhen ?? {})) {
      const control = Object.prototype.hasOwnProperty.call(siblings, controller) ? siblings[controller] : undefined;
      if (!control || controller === name) {
        problems.push({ pointer: `${at}/x-show-when/${controller}`, message: `"${controller}" is not another field of this module`, hint: 'Name the field whose value decides whether this one applies, such as channel.' });
        continue;
      }
      const allowed = control['enum'] as unknown[] | undefined;
      values.forEach((value, index) => {
        if (allowed && !allowed.includes(value)) problems.push({ pointer: `${at}/x-show-when/${controller}/${index}`, message: `${JSON.stringify(value)} is not a value of ${controller}`, hint: `Use one of: ${allowed.map((v) => JSON.stringify(v)).join(', ')}.` });
      });
    }
  }
  return problems;
}
