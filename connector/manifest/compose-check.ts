/**
 * A composed module: every step calls a module of this connector (and no cycle), gives it a valid input, refers only
 * to the input, the constants and earlier steps, continues only on real error codes; the output maps to the output
 * schema. A step calling a module that is listed but itself broken is not judged again (its own file says why).
 */
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import type { ModuleDefinition } from '../../types/generated/module.js';
import { pointerTo } from '../common/json-pointer.js';
import { ERROR_CODES } from '../errors/connector-error.js';
import { checkCallInput, checkReferences, type ReferenceRules, type StepStatus } from '../expressions/index.js';
import type { Report } from './report.js';

export interface ComposeContext {
  /** Listed module id → its definition, or undefined when its file could not be used (already reported). */
  definitions: ReadonlyMap<string, ModuleDefinition | undefined>;
  /** A module's parsed input or output schema, when sound. */
  schema(file: string): AnySchemaObject | undefined;
  /** A validator for a part of a sound schema. */
  fragment(uri: string): ValidateFunction | undefined;
}

/** Composed modules that `id` reaches through its steps (to refuse a module that ends up calling itself). */
function reaches(id: string, target: string, definitions: ComposeContext['definitions'], seen = new Set<string>()): boolean {
  for (const step of definitions.get(id)?.compose?.steps ?? []) {
    if (!step.module) continue;
    if (step.module === target) return true;
    if (!seen.has(step.module)) {
      seen.add(step.module);
      if (reaches(step.module, target, definitions, seen)) return true;
    }
  }
  return false;
}

export function checkComposition(file: string, def: ModuleDefinition, context: ComposeContext, report: Report): void {
  const { definitions } = context;
  const compose = def.compose!;
  const inputProperties = Object.keys((context.schema(def.input)?.['properties'] ?? {}) as object);
  const constants = (compose.constants ?? {}) as Record<string, unknown>;
  const earlier = new Set<string>();

  const stepIds = new Set(compose.steps.map((step) => step.id));
  const rules: ReferenceRules = {
    roots: {
      input: { what: 'input property', names: inputProperties, hint: `The input schema ${def.input} has: ${inputProperties.join(', ')}.` },
      constants: { what: 'constant', names: Object.keys(constants), hint: 'Add it to compose.constants or correct the name.' },
    },
    steps: (id): StepStatus => (earlier.has(id) ? 'ran' : stepIds.has(id) ? 'not-yet' : 'unknown'),
  };
  const checkReferencesAt = (template: unknown, pointer: string): void => {
    for (const p of checkReferences(template, pointer, rules)) report.add(file, p.pointer, p.message, p.hint);
  };

  compose.steps.forEach((step, index) => {
    const at = `/compose/steps/${index}`;
    if (earlier.has(step.id)) report.add(file, `${at}/id`, `repeats the step id "${step.id}"`, 'Give every step its own id.');
    if (step.when !== undefined) checkReferencesAt(step.when, `${at}/when`);
    if (step.schedule) checkReferencesAt(step.schedule, `${at}/schedule`);
    if (step.module) {
      const target = definitions.get(step.module);
      if (!definitions.has(step.module)) {
        report.add(file, `${at}/module`, `names no module of this connector ("${step.module}")`, 'Use the id of a module listed in manifest.json.');
      } else if (step.module === def.id || reaches(step.module, def.id, definitions)) {
        report.add(file, `${at}/module`, `calls "${step.module}", which leads back to ${def.id}`, 'A composed module may not call itself, directly or through another.');
      } else if (target) {
        const targetSchema = context.schema(target.input);
        if (targetSchema) {
          for (const p of checkCallInput(step.input ?? {}, target.id, targetSchema, (property) => context.fragment(`${targetSchema.$id as string}#/properties/${property}`))) {
            report.add(file, `${at}/input${p.pointer}`, p.message, `See ${target.input}.`);
          }
        }
      }
      checkReferencesAt(step.input ?? {}, `${at}/input`);
      const codes = typeof step.onError === 'object' ? step.onError.continue : [];
      codes.forEach((code, i) => {
        if (!(ERROR_CODES as readonly string[]).includes(code)) report.add(file, `${at}/onError/continue/${i}`, `"${code}" is not a ConnectorError code`, `Use one of: ${ERROR_CODES.join(', ')}.`);
      });
    }
    earlier.add(step.id);
  });
  checkReferencesAt(compose.output, '/compose/output');
  const outputProperties = context.schema(def.output)?.['properties'] as Record<string, unknown> | undefined;
  const output = compose.output as unknown;
  if (outputProperties && output !== null && typeof output === 'object' && !Array.isArray(output) && !Object.keys(output).some((k) => k.startsWith('$'))) {
    for (const key of Object.keys(output)) {
      if (!Object.prototype.hasOwnProperty.call(outputProperties, key)) report.add(file, pointerTo('/compose/output', key), `is not a property of the output schema ${def.output}`, `Its properties: ${Object.keys(outputProperties).join(', ')}.`);
    }
  }
}
