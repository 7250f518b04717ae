import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Ajv, AnySchemaObject, ValidateFunction } from 'ajv';
import type { ModuleDefinition } from '../../types/generated/module.js';
import { ERROR_CODES } from '../errors/connector-error.js';
import { packageRoot } from '../paths.js';
import { createAjv, listSchemaFiles, precompiledFor, readSchema } from '../schema/ajv.js';
import { problemsFrom } from '../schema/problems.js';
import { planFor, WirePlanError, type FieldPlan } from '../runtime/wire-plan.js';
import { pointerTo } from '../common/json-pointer.js';
import { checkCallInput, checkReferences, type ReferenceRules, type StepStatus } from '../expressions/index.js';
import { checkFieldAnnotations } from './field-annotations.js';

export interface ManifestProblem {
  /** Path from the connector folder, e.g. modules/start-verification.json. */
  file: string;
  /** JSON pointer inside that file ('' for the whole file). */
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  hint?: string;
}

export interface ManifestReport {
  valid: boolean;
  errors: ManifestProblem[];
}

const META_MANIFEST = 'https://twilio-verify-connector.dev/schemas/manifest.schema.json';
const META_MODULE = 'https://twilio-verify-connector.dev/schemas/module.schema.json';

/** The meta-schemas always come from this package, so a connector cannot loosen its own rules. */
function metaSchemas(ajv: Ajv): void {
  for (const name of ['manifest.schema.json', 'module.schema.json', 'expression.schema.json']) {
    const path = join(packageRoot, 'schemas', name);
    if (!ajv.getSchema((readSchema(path).$id as string) ?? '')) ajv.addSchema(readSchema(path));
  }
}

class Report {
  readonly errors: ManifestProblem[] = [];
  add(file: string, pointer: string, message: string, hint?: string, severity: 'error' | 'warning' = 'error'): void {
    this.errors.push({ file, pointer, message, severity, ...(hint ? { hint } : {}) });
  }
}

function readJsonFile(root: string, file: string, report: Report, pointer: string, from: string): unknown {
  const path = join(root, file);
  if (!existsSync(path)) {
    report.add(from, pointer, `file ${file} does not exist`, 'Create the file or correct the path (paths are relative to the connector folder).');
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    report.add(file, '', `is not valid JSON: ${(error as Error).message}`, 'Fix the JSON syntax (a trailing comma or a missing quote is the usual cause).');
    return undefined;
  }
}

interface SchemaFiles {
  /** Connector-relative path (schemas/…) → parsed schema. */
  schemas: Map<string, AnySchemaObject>;
  /** The same files as [path, text], for the precompiled validators' fingerprint. */
  texts: Array<[string, string]>;
}

function schemaFiles(root: string): SchemaFiles {
  const dir = join(root, 'schemas');
  const out: SchemaFiles = { schemas: new Map(), texts: [] };
  if (!existsSync(dir)) return out;
  for (const path of listSchemaFiles(dir)) {
    const file = path.slice(root.length + 1).split('\\').join('/');
    const text = readFileSync(path, 'utf8');
    out.texts.push([file, text]);
    out.schemas.set(file, JSON.parse(text) as AnySchemaObject);
  }
  return out;
}

/**
 * Validators for a connector's schemas. When its schema files are exactly those the build compiled (same
 * fingerprint: this package, or a faithful copy), the build's standalone validators are used — they registered and
 * compiled under AJV strict mode by construction — and AJV is not loaded. Otherwise a fresh strict AJV registers
 * every schema (reporting those that cannot be) and compiles each on first use.
 */
function schemaValidators({ schemas, texts }: SchemaFiles, report: Report): (id: string) => ValidateFunction | undefined {
  const precompiled = precompiledFor(texts);
  let ajv: Ajv | undefined;
  const full = (): Ajv => {
    if (ajv) return ajv;
    ajv = createAjv();
    for (const [file, schema] of schemas) {
      try {
        if (typeof schema.$id !== 'string') report.add(file, '', 'has no $id', 'Give every schema an $id so others can $ref it.');
        else if (!ajv.getSchema(schema.$id)) ajv.addSchema(schema);
      } catch (error) {
        report.add(file, '', `cannot be registered: ${(error as Error).message}`);
      }
    }
    metaSchemas(ajv);
    return ajv;
  };
  if (!precompiled) full();
  return (id) => precompiled?.get(id) ?? full().getSchema(id);
}

/**
 * Checks a connector the way a connector author needs: the manifest against the meta-schema, then across files —
 * every module file exists and follows the module format, ids are unique and match file names, every schema compiles
 * under AJV strict mode, every wire mapping and path placeholder names a real input property, every example validates.
 */
export function validateManifest(dir?: string): ManifestReport {
  const root = resolve(dir ?? packageRoot);
  const report = new Report();
  const manifest = readJsonFile(root, 'manifest.json', report, '', 'manifest.json') as Record<string, unknown> | undefined;
  if (!manifest) return { valid: false, errors: report.errors };

  const schemaSet = schemaFiles(root);
  const schemas = schemaSet.schemas;
  const validatorFor = schemaValidators(schemaSet, report);
  const compiled = new Map<string, ValidateFunction | undefined>();
  const compileFile = (file: string, from: string, pointer: string): ValidateFunction | undefined => {
    if (compiled.has(file)) return compiled.get(file);
    const schema = schemas.get(file);
    let validate: ValidateFunction | undefined;
    if (!schema) report.add(from, pointer, `schema ${file} does not exist under schemas/`, 'Create it or correct the path.');
    else {
      try {
        validate = validatorFor(schema.$id as string);
      } catch (error) {
        report.add(file, '', `does not compile under AJV strict mode: ${(error as Error).message}`, 'Unknown keywords must be registered (x-wire, x-advanced, x-secret, x-deprecated, x-show-when, x-options-from, x-enum-labels); check spelling.');
      }
    }
    compiled.set(file, validate);
    return validate;
  };

  const validateManifestShape = validatorFor(META_MANIFEST)!;
  if (!validateManifestShape(manifest)) {
    for (const p of problemsFrom(validateManifestShape.errors)) report.add('manifest.json', p.pointer, p.message, 'See schemas/manifest.schema.json for the manifest format.');
  }

  const connection = manifest['connection'] as { schema?: string; test?: string; testInput?: unknown } | undefined;
  if (connection?.schema) compileFile(connection.schema, 'manifest.json', '/connection/schema');

  // Internal modules (run by the package's own code, listed by no host) get every check the others get.
  const listed = (key: 'modules' | 'internalModules') => (Array.isArray(manifest[key]) ? (manifest[key] as Array<{ id?: string; file?: string }>) : []).map((entry, index) => ({ entry, at: `/${key}/${index}`, internal: key === 'internalModules' }));
  const seen = new Map<string, string>();
  const internalIds = new Set<string>();
  const definitions = new Map<string, ModuleDefinition>();
  const files = new Map<string, string>();
  const composed: ModuleDefinition[] = [];
  const validateModuleShape = validatorFor(META_MODULE)!;

  [...listed('modules'), ...listed('internalModules')].forEach(({ entry, at, internal }) => {
    if (typeof entry.id === 'string') {
      if (seen.has(entry.id)) report.add('manifest.json', `${at}/id`, `duplicates the id of ${seen.get(entry.id)}`, 'Each module needs its own id, across modules and internalModules.');
      else seen.set(entry.id, at);
    }
    if (typeof entry.file !== 'string') return;
    const definition = readJsonFile(root, entry.file, report, `${at}/file`, 'manifest.json') as ModuleDefinition | undefined;
    if (!definition) return;
    const file = entry.file;
    if (!validateModuleShape(definition)) {
      for (const p of problemsFrom(validateModuleShape.errors)) report.add(file, p.pointer, p.message, 'See schemas/module.schema.json for the module format.');
      return;
    }
    if (definition.id !== entry.id) report.add(file, '/id', `is "${definition.id}" but the manifest lists it as "${entry.id}"`, 'Use the same id in both places.');
    if (!file.endsWith(`/${definition.id}.json`)) report.add(file, '/id', `does not match the file name`, `Name the file modules/${definition.id}.json.`);
    definitions.set(definition.id, definition);
    if (internal) internalIds.add(definition.id);
    files.set(definition.id, file);
    if (definition.compose) composed.push(definition);
    else checkModule(file, definition, schemas, compileFile, report);
  });

  const subschema = (id: string): ValidateFunction | undefined => {
    try {
      return validatorFor(id);
    } catch {
      return undefined;
    }
  };
  for (const definition of definitions.values()) {
    const inputSchema = schemas.get(definition.input);
    if (!inputSchema) continue;
    for (const p of checkFieldAnnotations(inputSchema, definitions, (d) => schemas.get(d.input))) report.add(definition.input, p.pointer, p.message, p.hint);
    // Choices come from a module a host can run for the user, never from an internal one.
    for (const [name, field] of Object.entries((inputSchema['properties'] ?? {}) as Record<string, { 'x-options-from'?: { module?: string } }>)) {
      const source = field['x-options-from']?.module;
      if (source !== undefined && internalIds.has(source)) report.add(definition.input, pointerTo('/properties', name, 'x-options-from', 'module'), `"${source}" is an internal module: no host lists it, so none can offer its items`, 'Name a search module listed under modules, such as list-services.');
    }
  }
  for (const definition of composed) checkComposition(files.get(definition.id)!, definition, definitions, schemas, compileFile, subschema, report);

  if (connection?.test && !definitions.has(connection.test)) {
    report.add('manifest.json', '/connection/test', `names no module ("${connection.test}")`, 'Use the id of a cheap read module, such as list-services.');
  } else if (connection?.test) {
    const def = definitions.get(connection.test)!;
    const validate = compiled.get(def.input);
    if (validate && !validate(connection.testInput ?? {})) {
      for (const p of problemsFrom(validate.errors)) report.add('manifest.json', `/connection/testInput${p.pointer}`, p.message, `It must be a valid input of ${connection.test}.`);
    }
  }

  return { valid: report.errors.every((e) => e.severity !== 'error'), errors: report.errors };
}

function checkModule(
  file: string,
  def: ModuleDefinition,
  schemas: Map<string, AnySchemaObject>,
  compileFile: (file: string, from: string, pointer: string) => ValidateFunction | undefined,
  report: Report,
): void {
  const validateInput = compileFile(def.input, file, '/input');
  compileFile(def.output, file, '/output'); // reports an output schema that is missing or does not compile
  const inputSchema = schemas.get(def.input);
  const outputSchema = schemas.get(def.output);

  if (inputSchema && def.request) {
    const properties = (inputSchema['properties'] ?? {}) as Record<string, { 'x-wire'?: unknown }>;
    const method = def.request.method;
    const request = def.request;
    try {
      const plans = planFor(inputSchema, method === undefined ? undefined : method === 'GET' || method === 'DELETE' ? 'query' : 'form');
      const placeholders = [...request.path.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]!);
      for (const name of placeholders) {
        const plan = plans.find((p) => p.property === name);
        if (!plan) report.add(file, '/request/path', `placeholder {${name}} names no input property`, `Add "${name}" to ${def.input} with "x-wire": { "in": "path" }.`);
        else if (plan.location !== 'path' && plan.location !== 'url') report.add(def.input, `/properties/${name}/x-wire`, `is used in the path but mapped to ${plan.location}`, 'Use "x-wire": { "in": "path" }.');
        else if (!(inputSchema['required'] as string[] | undefined)?.includes(name)) report.add(def.input, '/required', `does not list "${name}", which the path needs`, `Add "${name}" to required.`);
      }
      for (const plan of plans) {
        if (plan.location === 'path' && !placeholders.includes(plan.property)) report.add(def.input, `/properties/${plan.property}/x-wire`, `maps to the path but ${file} has no {${plan.property}} placeholder`, 'Add the placeholder to request.path or map the property elsewhere.');
      }
      if (method === undefined && !plans.some((p) => p.location === 'method')) report.add(file, '/request/method', 'is missing and no input property has "x-wire": { "in": "method" }', 'Give the request a method.');
      for (const name of Object.keys(request.fixed ?? {})) {
        if (method === undefined) report.add(file, `/request/fixed/${name}`, 'needs request.method: a fixed parameter goes where the method puts parameters', 'Give the request a method.');
        const sentAlso = wireNamesOf(plans).includes(name);
        if (sentAlso) report.add(file, `/request/fixed/${name}`, `is also sent by an input property of ${def.input}`, 'Remove the input property or the fixed parameter: a name is sent once.');
      }
    } catch (error) {
      if (!(error instanceof WirePlanError)) throw error;
      report.add(def.input, '/properties', error.message, 'Every input property needs "x-wire": a Twilio name, or { "in": "path" | "query" | "form" | "none" | … }.');
    }
    if (def.pagination && !(def.pagination.limitInput in properties)) {
      report.add(file, '/pagination/limitInput', `names no input property ("${def.pagination.limitInput}")`, 'Add the property to the input schema with "x-wire": { "in": "none" }.');
    }
  }
  if (def.pagination && outputSchema && !(def.pagination.itemsKey in ((outputSchema['properties'] ?? {}) as object))) {
    report.add(def.output, '/properties', `has no "${def.pagination.itemsKey}" list, which pagination collects`, 'Add it to the output schema.');
  }
  for (const [twilioCode, rule] of Object.entries(def.errors ?? {}) as Array<[string, { code: string }]>) {
    if (!(ERROR_CODES as readonly string[]).includes(rule.code)) report.add(file, `/errors/${twilioCode}/code`, `"${rule.code}" is not a ConnectorError code`, `Use one of: ${ERROR_CODES.join(', ')}.`);
  }
  (def.examples ?? []).forEach((example, index) => {
    if (validateInput && !validateInput(example.input)) {
      for (const p of problemsFrom(validateInput.errors)) report.add(file, `/examples/${index}/input${p.pointer}`, p.message, 'Each example must be a valid input.');
    }
  });
}

/** Every Twilio name a wire plan can send in the query or the form, nested prefixes expanded. */
function wireNamesOf(plans: FieldPlan[]): string[] {
  return plans.flatMap((p) => (p.children ? wireNamesOf(p.children) : p.location === 'query' || p.location === 'form' ? [p.name] : []));
}

/** Composed modules that `id` reaches through its steps (to refuse a module that ends up calling itself). */
function reaches(id: string, target: string, definitions: Map<string, ModuleDefinition>, seen = new Set<string>()): boolean {
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

/**
 * A composed module: every step calls a module of this connector (and no cycle), gives it a valid input, refers only
 * to the input, the constants and earlier steps, continues only on real error codes; the output maps to the output schema.
 */
function checkComposition(
  file: string,
  def: ModuleDefinition,
  definitions: Map<string, ModuleDefinition>,
  schemas: Map<string, AnySchemaObject>,
  compileFile: (file: string, from: string, pointer: string) => ValidateFunction | undefined,
  subschema: (id: string) => ValidateFunction | undefined,
  report: Report,
): void {
  compileFile(def.input, file, '/input');
  compileFile(def.output, file, '/output');
  const compose = def.compose!;
  const inputProperties = Object.keys((schemas.get(def.input)?.['properties'] ?? {}) as object);
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
      if (!target) {
        report.add(file, `${at}/module`, `names no module of this connector ("${step.module}")`, 'Use the id of a module listed in manifest.json.');
      } else if (step.module === def.id || reaches(step.module, def.id, definitions)) {
        report.add(file, `${at}/module`, `calls "${step.module}", which leads back to ${def.id}`, 'A composed module may not call itself, directly or through another.');
      } else {
        const targetSchema = schemas.get(target.input);
        if (targetSchema) {
          for (const p of checkCallInput(step.input ?? {}, target.id, targetSchema, (property) => subschema(`${targetSchema.$id as string}#/properties/${property}`))) {
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
  const outputSchema = schemas.get(def.output);
  const outputProperties = outputSchema?.['properties'] as Record<string, unknown> | undefined;
  const output = compose.output as unknown;
  if (outputProperties && output !== null && typeof output === 'object' && !Array.isArray(output) && !Object.keys(output).some((k) => k.startsWith('$'))) {
    for (const key of Object.keys(output)) {
      if (!Object.prototype.hasOwnProperty.call(outputProperties, key)) report.add(file, `/compose/output/${key}`, `is not a property of the output schema ${def.output}`, `Its properties: ${Object.keys(outputProperties).join(', ')}.`);
    }
  }
}
