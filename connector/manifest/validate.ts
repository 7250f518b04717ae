import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Ajv, AnySchemaObject } from 'ajv';
import type { ModuleDefinition } from '../../types/generated/module.js';
import { ERROR_CODES } from '../errors/connector-error.js';
import { packageRoot } from '../paths.js';
import { createAjv, listSchemaFiles, readSchema } from '../schema/ajv.js';
import { problemsFrom } from '../schema/problems.js';
import { planFor, WirePlanError } from '../runtime/wire-plan.js';

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
  for (const name of ['manifest.schema.json', 'module.schema.json']) {
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

function schemaFiles(root: string): Map<string, AnySchemaObject> {
  const dir = join(root, 'schemas');
  const out = new Map<string, AnySchemaObject>();
  if (!existsSync(dir)) return out;
  for (const path of listSchemaFiles(dir)) out.set(path.slice(root.length + 1).split('\\').join('/'), readSchema(path));
  return out;
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

  const ajv = createAjv();
  const schemas = schemaFiles(root);
  for (const [file, schema] of schemas) {
    try {
      if (typeof schema.$id !== 'string') report.add(file, '', 'has no $id', 'Give every schema an $id so others can $ref it.');
      else if (!ajv.getSchema(schema.$id)) ajv.addSchema(schema);
    } catch (error) {
      report.add(file, '', `cannot be registered: ${(error as Error).message}`);
    }
  }
  metaSchemas(ajv);
  const compiled = new Map<string, ReturnType<Ajv['compile']> | undefined>();
  const compileFile = (file: string, from: string, pointer: string): ReturnType<Ajv['compile']> | undefined => {
    if (compiled.has(file)) return compiled.get(file);
    const schema = schemas.get(file);
    let validate: ReturnType<Ajv['compile']> | undefined;
    if (!schema) report.add(from, pointer, `schema ${file} does not exist under schemas/`, 'Create it or correct the path.');
    else {
      try {
        validate = ajv.getSchema(schema.$id as string);
      } catch (error) {
        report.add(file, '', `does not compile under AJV strict mode: ${(error as Error).message}`, 'Unknown keywords must be registered (x-wire, x-advanced, x-secret, x-deprecated); check spelling.');
      }
    }
    compiled.set(file, validate);
    return validate;
  };

  const validateManifestShape = ajv.getSchema(META_MANIFEST)!;
  if (!validateManifestShape(manifest)) {
    for (const p of problemsFrom(validateManifestShape.errors)) report.add('manifest.json', p.pointer, p.message, 'See schemas/manifest.schema.json for the manifest format.');
  }

  const connection = manifest['connection'] as { schema?: string; test?: string; testInput?: unknown } | undefined;
  if (connection?.schema) compileFile(connection.schema, 'manifest.json', '/connection/schema');

  const modules = Array.isArray(manifest['modules']) ? (manifest['modules'] as Array<{ id?: string; file?: string }>) : [];
  const seen = new Map<string, number>();
  const definitions = new Map<string, ModuleDefinition>();
  const validateModuleShape = ajv.getSchema(META_MODULE)!;

  modules.forEach((entry, index) => {
    const at = `/modules/${index}`;
    if (typeof entry.id === 'string') {
      if (seen.has(entry.id)) report.add('manifest.json', `${at}/id`, `duplicates the id of /modules/${seen.get(entry.id)}`, 'Each module needs its own id.');
      else seen.set(entry.id, index);
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
    checkModule(file, definition, schemas, compileFile, report);
  });

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
  compileFile: (file: string, from: string, pointer: string) => ReturnType<Ajv['compile']> | undefined,
  report: Report,
): void {
  const validateInput = compileFile(def.input, file, '/input');
  const validateOutput = compileFile(def.output, file, '/output');
  const inputSchema = schemas.get(def.input);
  const outputSchema = schemas.get(def.output);

  if (inputSchema) {
    const properties = (inputSchema['properties'] ?? {}) as Record<string, { 'x-wire'?: unknown }>;
    const method = def.request.method;
    try {
      const plans = planFor(inputSchema, method === undefined ? undefined : method === 'GET' || method === 'DELETE' ? 'query' : 'form');
      const placeholders = [...def.request.path.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]!);
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
  void validateOutput;
}
