/**
 * One module that sends a request: its path placeholders, wire mappings, pagination, refined error codes, response
 * template and examples, checked against its own input and output schemas. Only called with a module file that
 * follows the module format and sound schemas, so every shape read here is the one the format promises.
 */
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import type { ModuleDefinition } from '../../types/generated/module.js';
import { pointerTo } from '../common/json-pointer.js';
import { ERROR_CODES } from '../errors/connector-error.js';
import { planFor, WirePlanError, type FieldPlan } from '../runtime/wire-plan.js';
import { hintedProblems } from './hints.js';
import type { Report } from './report.js';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export interface ModuleSchemas {
  input?: AnySchemaObject;
  output?: AnySchemaObject;
  validateInput?: ValidateFunction;
}

type Properties = Record<string, AnySchemaObject>;

function propertiesOf(schema: AnySchemaObject | undefined): Properties {
  const properties = schema?.['properties'];
  return properties !== null && typeof properties === 'object' ? (properties as Properties) : {};
}

/** Input properties without an `x-wire` mapping, by pointer (nested ones under an `x-wire` prefix too). */
function unmapped(schema: AnySchemaObject, at = ''): string[] {
  const missing: string[] = [];
  for (const [name, field] of Object.entries(propertiesOf(schema))) {
    const pointer = pointerTo(at, 'properties', name);
    const wire = typeof field === 'object' && field !== null ? (field as Record<string, unknown>)['x-wire'] : undefined;
    if (wire === undefined) missing.push(pointer);
    else if (typeof wire === 'object' && wire !== null && 'prefix' in wire) missing.push(...unmapped(field, pointer));
  }
  return missing;
}

export function checkRequestModule(file: string, def: ModuleDefinition, schemas: ModuleSchemas, report: Report): void {
  const { input, output, validateInput } = schemas;
  const request = def.request!;
  const strays = request.path.replace(PLACEHOLDER, '').match(/[{}]/g);
  if (strays) report.add(file, '/request/path', 'has a brace that is not part of a {name} placeholder', 'Write placeholders as {name}, where name is an input property (letters and digits).');

  if (input) {
    const missing = unmapped(input);
    for (const pointer of missing) report.add(def.input, pointer, 'has no "x-wire" mapping', 'Say where Twilio gets it: "x-wire": "TwilioName", or { "in": "path" | "query" | "form" | "none" | … }.');
    if (missing.length === 0) checkWirePlan(file, def, input, report);
    const properties = propertiesOf(input);
    if (def.pagination && !Object.prototype.hasOwnProperty.call(properties, def.pagination.limitInput)) {
      report.add(file, '/pagination/limitInput', `names no input property ("${def.pagination.limitInput}")`, `Add it to ${def.input} with "x-wire": { "in": "none" }.`);
    }
    checkResponseTemplate(file, def, properties, report);
  }
  if (def.pagination && output && !Object.prototype.hasOwnProperty.call(propertiesOf(output), def.pagination.itemsKey)) {
    report.add(def.output, '/properties', `has no "${def.pagination.itemsKey}" list, which pagination collects`, `Add "${def.pagination.itemsKey}" to the output schema, or correct pagination.itemsKey in ${file}.`);
  }
  checkErrorCodes(file, def, report);
  (def.examples ?? []).forEach((example, index) => {
    if (validateInput && !validateInput(example.input)) {
      for (const p of hintedProblems(validateInput.errors, example.input, input, def.input)) report.add(file, `/examples/${index}/input${p.pointer}`, p.message, `Each example must be a valid input: ${p.hint}`);
    }
  });
}

function checkWirePlan(file: string, def: ModuleDefinition, input: AnySchemaObject, report: Report): void {
  const method = def.request!.method;
  let plans: ReturnType<typeof planFor>;
  try {
    plans = planFor(input, method === undefined ? undefined : method === 'GET' || method === 'DELETE' ? 'query' : 'form');
  } catch (error) {
    if (!(error instanceof WirePlanError)) throw error;
    const property = /property "([^"]+)"/.exec(error.message)?.[1];
    report.add(def.input, property ? pointerTo('/properties', property) : '/properties', error.message, 'Give the property a wire name ("x-wire": "TwilioName"), or say where it goes ({ "in": … }).');
    return;
  }
  const placeholders = [...def.request!.path.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  const required = new Set((input['required'] as string[] | undefined) ?? []);
  for (const name of placeholders) {
    const plan = plans.find((p) => p.property === name);
    if (!plan) report.add(file, '/request/path', `placeholder {${name}} names no input property`, `Add "${name}" to ${def.input} with "x-wire": { "in": "path" }, or correct the placeholder.`);
    else if (plan.location !== 'path' && plan.location !== 'url') report.add(def.input, pointerTo('/properties', name, 'x-wire'), `is used in the path but mapped to ${plan.location}`, 'Use "x-wire": { "in": "path" }.');
    else if (!required.has(name)) report.add(def.input, '/required', `does not list "${name}", which the path needs`, `Add "${name}" to required.`);
  }
  for (const plan of plans) {
    if (plan.location === 'path' && !placeholders.includes(plan.property)) report.add(def.input, pointerTo('/properties', plan.property, 'x-wire'), `maps to the path but ${file} has no {${plan.property}} placeholder`, 'Add the placeholder to request.path, or map the property elsewhere.');
  }
  if (method === undefined && !plans.some((p) => p.location === 'method')) report.add(file, '/request/method', 'is missing and no input property has "x-wire": { "in": "method" }', 'Give the request a method.');
  const sent = wireNamesOf(plans);
  for (const name of Object.keys(def.request!.fixed ?? {})) {
    if (method === undefined) report.add(file, pointerTo('/request/fixed', name), 'needs request.method: a fixed parameter goes where the method puts parameters', 'Give the request a method.');
    if (sent.includes(name)) report.add(file, pointerTo('/request/fixed', name), `is also sent by an input property of ${def.input}`, 'Remove the input property or the fixed parameter: a name is sent once.');
  }
}

/** Every Twilio name a wire plan can send in the query or the form, nested prefixes expanded. */
function wireNamesOf(plans: FieldPlan[]): string[] {
  return plans.flatMap((p) => (p.children ? wireNamesOf(p.children) : p.location === 'query' || p.location === 'form' ? [p.name] : []));
}

/** `response.empty`: a string that is exactly `{name}` is replaced by that input value, so the name must be an input. */
function checkResponseTemplate(file: string, def: ModuleDefinition, properties: Properties, report: Report): void {
  const walk = (value: unknown, at: string): void => {
    if (typeof value === 'string') {
      const name = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(value)?.[1];
      if (name !== undefined && !Object.prototype.hasOwnProperty.call(properties, name)) report.add(file, at, `placeholder {${name}} names no input property`, `Use one of: ${Object.keys(properties).join(', ')}.`);
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, pointerTo(at, i)));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, pointerTo(at, key));
  };
  if (def.response?.empty) walk(def.response.empty, '/response/empty');
}

export function checkErrorCodes(file: string, def: ModuleDefinition, report: Report): void {
  for (const [twilioCode, rule] of Object.entries(def.errors ?? {})) {
    if (rule && !(ERROR_CODES as readonly string[]).includes(rule.code)) report.add(file, pointerTo('/errors', twilioCode, 'code'), `"${rule.code}" is not a ConnectorError code`, `Use one of: ${ERROR_CODES.join(', ')}.`);
  }
}
