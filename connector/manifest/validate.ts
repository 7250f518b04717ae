/**
 * validateManifest: checks a connector the way its author needs, and never throws. The manifest against the format,
 * then across files: every module file exists inside the folder and follows the module format, ids are unique and
 * match file names, every schema is sound (schema-set.ts), every wire mapping and placeholder names a real input
 * property, every example and the connection test input validate, compositions and host annotations hold together.
 * A file that cannot be used is reported once, in itself; what depends on it is not judged again.
 */
import { resolve } from 'node:path';
import type { AnySchemaObject } from 'ajv';
import type { ConnectorManifest } from '../../types/generated/manifest.js';
import type { ModuleDefinition } from '../../types/generated/module.js';
import { packageRoot } from '../paths.js';
import { packageSchemas } from '../schema/ajv.js';
import { checkComposition } from './compose-check.js';
import { checkFieldAnnotations } from './field-annotations.js';
import { ConnectorFolder, type NamedAt } from './folder.js';
import { hintedProblems } from './hints.js';
import { checkRequestModule } from './module-check.js';
import { Report, type ManifestProblem, type ManifestReport } from './report.js';
import { loadSchemaSet, type SchemaSet } from './schema-set.js';

export type { ManifestProblem, ManifestReport };

const META_MANIFEST = 'https://twilio-verify-connector.dev/schemas/manifest.schema.json';
const META_MODULE = 'https://twilio-verify-connector.dev/schemas/module.schema.json';

/** A file against one of this package's formats (never the connector's own copy: it cannot loosen its rules). */
function checkFormat(value: unknown, id: string, formatName: string, file: string, report: Report): boolean {
  const registry = packageSchemas();
  const validate = registry.validator(id);
  if (validate(value)) return true;
  for (const p of hintedProblems(validate.errors, value, registry.schema(id), formatName)) report.add(file, p.pointer, p.message, p.hint);
  return false;
}

export function validateManifest(dir?: string): ManifestReport {
  return checkConnectorFolder(dir).report;
}

/** What the check read: when the report is valid, the manifest and every module definition, in manifest order. */
export interface CheckedConnector {
  report: ManifestReport;
  manifest?: ConnectorManifest;
  definitions?: ModuleDefinition[];
  /** The internalModules' definitions. */
  internal?: ModuleDefinition[];
}

/** validateManifest, keeping what it parsed so the loader does not read a connector twice. Never throws. */
export function checkConnectorFolder(dir?: unknown): CheckedConnector {
  const report = new Report();
  let checked: Omit<CheckedConnector, 'report'> = {};
  try {
    if (dir !== undefined && (typeof dir !== 'string' || dir === '')) report.add('', '', 'the connector folder must be given as a path', 'Pass the folder that holds manifest.json, or nothing for this package.');
    else checked = checkConnector(resolve(dir ?? packageRoot), report);
  } catch (error) {
    report.add('', '', `the validator stopped unexpectedly (${error instanceof Error ? error.name : typeof error})`, 'This is a bug in twilio-verify-connector: please report it with the connector folder.');
  }
  const result = report.toReport();
  return result.valid ? { report: result, ...checked } : { report: result };
}

function checkConnector(root: string, report: Report): Omit<CheckedConnector, 'report'> {
  const folder = ConnectorFolder.open(root, report);
  if (!folder) return {};
  const read = folder.readJson('manifest.json', report);
  if (!read.ok) return {};
  const manifest = read.value;
  const manifestProblems = report.errors.length;
  checkFormat(manifest, META_MANIFEST, 'schemas/manifest.schema.json', 'manifest.json', report);
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return {};
  const faulty = new Set(report.errors.slice(manifestProblems).map((p) => p.pointer));
  /** True when the manifest check found nothing at or under `pointer`. */
  const clean = (pointer: string): boolean => ![...faulty].some((p) => p === pointer || p.startsWith(`${pointer}/`) || pointer.startsWith(`${p}/`));

  const schemas = loadSchemaSet(folder, report);
  const schemaFile = schemaLookup(folder, schemas, report);
  const m = manifest as Record<string, unknown>;
  const connection = m['connection'] as { schema?: unknown; test?: unknown; testInput?: unknown } | undefined;
  if (clean('/connection/schema') && typeof connection?.schema === 'string') schemaFile(connection.schema, { file: 'manifest.json', pointer: '/connection/schema' });

  // Every listed id (undefined until its file proves usable), and the usable definitions with their files. Internal
  // modules (run by the package's own code, listed by no host) get every check the others get; ids are unique across both.
  const listed = new Map<string, ModuleDefinition | undefined>();
  const internal = new Set<string>();
  const fileOf = new Map<string, string>();
  const files = new Map<string, string>();
  const entries = (['modules', 'internalModules'] as const).flatMap((key) => (Array.isArray(m[key]) ? (m[key] as unknown[]) : []).map((entry, index) => ({ entry, at: `/${key}/${index}`, key })));
  const where = new Map<string, string>();
  for (const { entry, at, key } of entries) {
    if (!clean(at)) continue;
    const { id, file } = entry as { id: string; file: string };
    if (listed.has(id)) {
      report.add('manifest.json', `${at}/id`, `repeats the id "${id}" of ${where.get(id)}`, 'Each module needs its own id, across modules and internalModules: rename one, or remove the duplicate entry.');
      continue;
    }
    listed.set(id, undefined);
    where.set(id, at);
    if (key === 'internalModules') internal.add(id);
    if (files.has(file)) {
      report.add('manifest.json', `${at}/file`, `names the same file as ${files.get(file)}/file`, 'Each module has its own file, named by its id.');
      continue;
    }
    files.set(file, at);
    const module = folder.readJson(file, report, { file: 'manifest.json', pointer: `${at}/file` });
    if (!module.ok || !checkFormat(module.value, META_MODULE, 'schemas/module.schema.json (docs/module-format.md)', file, report)) continue;
    const definition = module.value as ModuleDefinition;
    if (definition.id !== id) report.add(file, '/id', `is "${definition.id}" but manifest.json lists it as "${id}" (${at}/id)`, 'Use the same id in both places.');
    else if (file !== `modules/${id}.json`) report.add('manifest.json', `${at}/file`, `does not match the module id "${id}"`, `Name the file modules/${id}.json.`);
    else {
      listed.set(id, definition);
      fileOf.set(id, file);
    }
  }

  const schemaOf = (file: string): AnySchemaObject | undefined => (schemas.validator(file) ? schemas.files.get(file) : undefined);
  for (const [id, definition] of listed) {
    if (!definition) continue;
    const file = fileOf.get(id)!;
    const input = schemaFile(definition.input, { file, pointer: '/input' });
    const output = schemaFile(definition.output, { file, pointer: '/output' });
    if (definition.request) checkRequestModule(file, definition, { ...(input ? { input, validateInput: schemas.validator(definition.input)! } : {}), ...(output ? { output } : {}) }, report);
    if (input) for (const p of checkFieldAnnotations(input, listed, (d) => schemaOf(d.input), internal)) report.add(definition.input, p.pointer, p.message, p.hint);
  }
  for (const [id, definition] of listed) {
    if (definition?.compose) checkComposition(fileOf.get(id)!, definition, { definitions: listed, schema: schemaOf, fragment: (uri) => schemas.fragment(uri) }, report);
  }

  if (clean('/connection/test') && typeof connection?.test === 'string') {
    const test = connection.test;
    if (!listed.has(test)) report.add('manifest.json', '/connection/test', `names no module ("${test}")`, 'Use the id of a cheap read module listed in "modules", such as list-services.');
    const definition = listed.get(test);
    const validate = definition ? schemas.validator(definition.input) : undefined;
    if (clean('/connection/testInput') && validate && !validate(connection.testInput ?? {})) {
      for (const p of hintedProblems(validate.errors, connection.testInput ?? {}, schemas.files.get(definition!.input), definition!.input)) {
        report.add('manifest.json', `/connection/testInput${p.pointer}`, p.message, `It must be a valid input of ${test}: ${p.hint}`);
      }
    }
  }
  const usable = (ids: string[]): ModuleDefinition[] => ids.map((id) => listed.get(id)).filter((d): d is ModuleDefinition => d !== undefined);
  const ids = [...listed.keys()];
  return { manifest: manifest as ConnectorManifest, definitions: usable(ids.filter((id) => !internal.has(id))), internal: usable(ids.filter((id) => internal.has(id))) };
}

/**
 * Resolves a schema path named in a file (a module's input, the connection schema): a sound schema of the set, or
 * undefined — with a problem where it is named when it is missing or outside the folder (a broken schema file has
 * already been reported in itself).
 */
function schemaLookup(folder: ConnectorFolder, schemas: SchemaSet, report: Report): (file: string, namedAt: NamedAt) => AnySchemaObject | undefined {
  return (file, namedAt) => {
    const parsed = schemas.files.get(file);
    if (parsed) return schemas.validator(file) ? parsed : undefined;
    if (folder.refused.has(file)) return undefined;
    const where = folder.locate(file);
    if (!where.ok && where.reason === 'outside') report.add(namedAt.file, namedAt.pointer, `"${file}" is outside the connector folder`, 'Name a schema under schemas/ by a relative path without "..". Links leading out of the folder are refused and not read.');
    else if (where.ok && !file.startsWith('schemas/')) report.add(namedAt.file, namedAt.pointer, `${file} is not under schemas/`, 'Keep every schema under schemas/, named *.schema.json.');
    else if (!where.ok) report.add(namedAt.file, namedAt.pointer, `schema ${file} does not exist`, 'Create it under schemas/, or correct the path (relative to the connector folder).');
    // A file that exists but is not in the set was refused while reading (and reported there).
    return undefined;
  };
}
