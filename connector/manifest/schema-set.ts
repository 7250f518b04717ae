/**
 * The schemas/ folder of a connector, checked file by file so one broken schema is reported once, in its own file,
 * and never makes the schemas that use it fail too: JSON objects with their own `$id`, keywords AJV and the project
 * know (the closest one suggested), keyword values the meta-schemas allow, every `$ref` leading somewhere, and a
 * strict AJV compile. When the files are exactly those the build compiled, the build's validators are used instead.
 */
import type { Ajv, AnySchemaObject, ValidateFunction } from 'ajv';
import { pointerTo, tokensOf } from '../common/json-pointer.js';
import { createAjv, precompiledFor, type PrecompiledValidators } from '../schema/ajv.js';
import { PROJECT_KEYWORDS } from '../schema/keywords.js';
import type { ConnectorFolder } from './folder.js';
import { problemsFrom } from '../schema/problems.js';
import { hintedProblems } from './hints.js';
import type { Report } from './report.js';
import { closest } from './suggest.js';
import { JSON_SCHEMA_KEYWORDS, resolveUri, walkSchema } from './schema-walk.js';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema';
const PROJECT_KEYWORD_NAMES = PROJECT_KEYWORDS.map((k) => String(k.keyword));
const KNOWN_KEYWORDS = new Set([...JSON_SCHEMA_KEYWORDS, ...PROJECT_KEYWORD_NAMES]);

export interface SchemaSet {
  /** Folder-relative file (schemas/…) → the parsed schema, for every file that is a JSON object. */
  readonly files: ReadonlyMap<string, AnySchemaObject>;
  /** The validator of a file, or undefined when it (or a schema it uses) is broken: that was reported already. */
  validator(file: string): ValidateFunction | undefined;
  /** A validator for a part of a sound schema (`<$id>#/properties/to`), or undefined. */
  fragment(uri: string): ValidateFunction | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function documentId(uri: string): string {
  return uri.split('#')[0]!.replace(/#$/, '');
}

/** True when the $id ends with the file's own name (…/modules/get-service.input.schema.json for that file). */
function namesItself(id: string, file: string): boolean {
  const name = file.split('/').pop()!;
  return documentId(id).endsWith(`/${name}`);
}

/** Reads and checks every schema under schemas/. */
export function loadSchemaSet(folder: ConnectorFolder, report: Report): SchemaSet {
  const files = new Map<string, AnySchemaObject>();
  const texts: Array<[string, string]> = [];
  for (const file of folder.listSchemaFiles('schemas', report)) {
    const read = folder.readJson(file, report);
    if (!read.ok) continue;
    texts.push([file, read.text]);
    if (!isObject(read.value)) {
      report.add(file, '', `is ${read.value === null ? 'null' : Array.isArray(read.value) ? 'a list' : `a ${typeof read.value}`}, not a JSON Schema`, 'A schema file holds one JSON object, with "$schema", "$id" and its keywords.');
      continue;
    }
    files.set(file, read.value as AnySchemaObject);
  }
  const precompiled = texts.length === files.size ? precompiledFor(texts) : undefined;
  return precompiled ? fromBuild(files, precompiled) : checked(files, report);
}

/** The build compiled exactly these files under strict mode: every one is sound. */
function fromBuild(files: Map<string, AnySchemaObject>, precompiled: PrecompiledValidators): SchemaSet {
  let ajv: Ajv | undefined;
  const full = (): Ajv => {
    if (!ajv) {
      ajv = createAjv();
      for (const schema of files.values()) ajv.addSchema(schema);
    }
    return ajv;
  };
  return {
    files,
    validator: (file) => {
      const id = files.get(file)?.$id;
      return typeof id === 'string' ? (precompiled.get(id) ?? full().getSchema(id)) : undefined;
    },
    fragment: (uri) => {
      try {
        return full().getSchema(uri);
      } catch {
        return undefined;
      }
    },
  };
}

function checked(files: Map<string, AnySchemaObject>, report: Report): SchemaSet {
  const ajv = createAjv();
  const broken = new Set<string>();
  const byId = new Map<string, string>();
  const fail = (file: string, pointer: string, message: string, hint: string): void => {
    report.add(file, pointer, message, hint);
    broken.add(file);
  };

  for (const [file, schema] of files) {
    const id = schema.$id;
    if (typeof id !== 'string' || resolveUri(id, 'urn:x:/') === undefined || !/^[a-z][a-z0-9+.-]*:/i.test(id)) {
      fail(file, typeof id === 'string' ? '/$id' : '', typeof id === 'string' ? 'is not an absolute URI' : 'has no $id', 'Give the schema an absolute "$id", such as https://example.com/schemas/modules/my-module.input.schema.json: other schemas $ref it by that.');
      continue;
    }
    const earlier = byId.get(documentId(id));
    if (!earlier) {
      byId.set(documentId(id), file);
      continue;
    }
    // The copy is the file whose $id names another file: when only the earlier one is misnamed, it is the one to change.
    const [copy, original] = !namesItself(id, earlier) && namesItself(id, file) ? [earlier, file] : [file, earlier];
    if (copy === earlier) byId.set(documentId(id), file);
    fail(copy, '/$id', `repeats the $id of ${original}`, 'Give every schema its own $id (copying a file keeps its $id: change it).');
  }

  const keywordValidators = new Map<string, ValidateFunction>();
  for (const keyword of PROJECT_KEYWORDS) if (keyword.metaSchema) keywordValidators.set(String(keyword.keyword), ajv.compile(keyword.metaSchema));
  const draft07 = ajv.getSchema(DRAFT_07)?.schema;
  const uses = new Map<string, Set<string>>();

  for (const [file, schema] of files) {
    if (broken.has(file)) continue;
    const own = report.errors.length;
    // One problem per place: a value that fails several alternatives of the meta-schema is one mistake.
    const places = new Set<string>();
    const once = (pointer: string, message: string, hint: string): void => {
      if (places.has(pointer)) return;
      places.add(pointer);
      report.add(file, pointer, message, hint);
    };
    if (!ajv.validateSchema(schema)) {
      for (const p of hintedProblems(ajv.errors, schema, draft07, 'JSON Schema draft-07')) once(p.pointer, p.message, p.hint);
    }
    const used = new Set<string>();
    for (const { node, pointer, base } of walkSchema(schema, schema.$id as string)) {
      for (const [key, value] of Object.entries(node)) {
        const at = pointerTo(pointer, key);
        if (!KNOWN_KEYWORDS.has(key)) {
          const guess = closest(key, KNOWN_KEYWORDS);
          once(at, `"${key}" is not a keyword AJV or this project knows`, guess ? `Did you mean "${guess}"? Unknown keywords are refused (AJV strict mode).` : `Use a JSON Schema keyword, or one of the project's: ${PROJECT_KEYWORD_NAMES.join(', ')}.`);
          continue;
        }
        const checkValue = keywordValidators.get(key);
        if (checkValue && !checkValue(value)) {
          for (const p of hintedProblems(checkValue.errors, value, PROJECT_KEYWORDS.find((k) => k.keyword === key)?.metaSchema, `"${key}" in docs/module-format.md`)) {
            once(at + p.pointer, p.message, p.hint);
          }
        }
      }
      // A required name the object's own properties do not declare: output validation then fails on every answer
      // (invalid_response), an input with additionalProperties false can never be given. Names matched by
      // patternProperties or a schema for additionalProperties may be meant; those objects are left alone.
      if (Array.isArray(node['required']) && isObject(node['properties']) && node['patternProperties'] === undefined && !isObject(node['additionalProperties'])) {
        const declared = Object.keys(node['properties']);
        (node['required'] as unknown[]).forEach((name, i) => {
          if (typeof name !== 'string' || declared.includes(name)) return;
          const guess = closest(name, declared);
          once(pointerTo(pointer, 'required', i), `requires "${name}", which is not among the properties here`, guess ? `Did you mean "${guess}"? Otherwise declare "${name}" under properties, or remove it from required.` : `Declare "${name}" under properties, or remove it from required.`);
        });
      }
      const patterns: Array<[string, unknown]> = [[pointerTo(pointer, 'pattern'), node['pattern']], ...Object.keys((isObject(node['patternProperties']) ? node['patternProperties'] : {}) as object).map((key): [string, unknown] => [pointerTo(pointer, 'patternProperties', key), key])];
      for (const [at, pattern] of patterns) {
        if (typeof pattern !== 'string') continue;
        try {
          new RegExp(pattern, 'u');
        } catch (error) {
          once(at, `is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`, 'Fix the regular expression (JavaScript syntax, unicode mode; backslashes are doubled in JSON).');
        }
      }
      if (typeof node['$ref'] === 'string') {
        const target = resolveUri(node['$ref'], base);
        const problem = target === undefined ? 'is not a URI reference' : refProblem(target, byId, files);
        if (problem) {
          once(pointerTo(pointer, '$ref'), `"${node['$ref']}" ${problem}`, 'A $ref names a schema by its $id (absolute, or relative to this file\'s $id), with #/definitions/… for a part of it.');
        } else if (target !== undefined) {
          const targetFile = byId.get(documentId(target));
          if (targetFile && targetFile !== file) used.add(targetFile);
        }
      }
    }
    uses.set(file, used);
    if (report.errors.length > own) broken.add(file);
  }

  // A schema is usable when it and every schema it reaches are: only those are given to AJV.
  const usable = (file: string, trail = new Set<string>()): boolean => {
    if (broken.has(file)) return false;
    if (trail.has(file)) return true;
    trail.add(file);
    for (const dependency of uses.get(file) ?? []) if (!usable(dependency, trail)) return false;
    return true;
  };
  const sound = [...files.keys()].filter((file) => usable(file));
  for (const file of sound) {
    try {
      ajv.addSchema(files.get(file)!);
    } catch (error) {
      report.add(file, '', `cannot be registered: ${(error as Error).message}`, 'Check its "$id" and those of the schemas inside it: each must be unique.');
      broken.add(file);
    }
  }

  // Compiled dependencies first, so a compile error is reported in the file that has it, not in those that use it.
  const validators = new Map<string, ValidateFunction>();
  const state = new Map<string, 'busy' | 'ok' | 'failed'>();
  const compile = (file: string): boolean => {
    const known = state.get(file);
    if (known) return known !== 'failed'; // 'busy': a cycle, compiled together by AJV
    state.set(file, 'busy');
    for (const dependency of uses.get(file) ?? []) {
      if (!compile(dependency)) {
        state.set(file, 'failed');
        return false;
      }
    }
    const id = files.get(file)!.$id as string;
    try {
      const validate = ajv.getSchema(id);
      if (validate) validators.set(file, validate);
      state.set(file, 'ok');
      return true;
    } catch (error) {
      const message = (error as Error).message;
      const at = message.match(/ at "([^"#]*)#([^"]*)"/);
      const pointer = at && documentId(at[1]!) === documentId(id) ? at[2]! : '';
      report.add(file, pointer, `does not compile: ${message.replace(/ at "[^"]*"/, '')}`, compileHint(message));
      broken.add(file);
      state.set(file, 'failed');
      return false;
    }
  };
  for (const file of sound) compile(file);

  // A default a host fills in (a form's initial value, a Make field's default) must be a value its field accepts.
  for (const file of validators.keys()) {
    const id = files.get(file)!.$id as string;
    for (const { node, pointer } of walkSchema(files.get(file), id)) {
      if (!('default' in node) || !pointer.includes('/properties/')) continue;
      let accepts: ValidateFunction | undefined;
      try {
        accepts = ajv.getSchema(`${documentId(id)}#${encodeURI(pointer)}`);
      } catch {
        continue; // a part that cannot stand alone (it leans on its neighbours): the whole schema was compiled
      }
      if (accepts && !accepts(node['default'])) {
        const [first] = problemsFrom(accepts.errors);
        report.add(file, pointerTo(pointer, 'default'), `is a value this field refuses: ${first ? `${first.pointer ? `${first.pointer} ` : ''}${first.message}` : 'it does not validate'}`, 'Give a default the field accepts (hosts show it as the initial value), or remove it.');
      }
    }
  }

  return {
    files,
    validator: (file) => validators.get(file),
    fragment: (uri) => {
      const file = byId.get(documentId(uri));
      if (!file || !validators.has(file)) return undefined;
      try {
        return ajv.getSchema(uri);
      } catch {
        return undefined;
      }
    },
  };
}

/** Why a resolved `$ref` leads nowhere, or undefined when it leads to a schema. */
function refProblem(target: string, byId: Map<string, string>, files: Map<string, AnySchemaObject>): string | undefined {
  const doc = documentId(target);
  if (doc === DRAFT_07) return undefined;
  const file = byId.get(doc);
  if (!file) return `points to ${doc}, which is the $id of no schema under schemas/`;
  const fragment = target.includes('#') ? target.slice(target.indexOf('#') + 1) : '';
  if (fragment === '') return undefined;
  if (!fragment.startsWith('/')) return `points to #${fragment} in ${file}: only JSON pointers (#/definitions/…) are supported`;
  let node: unknown = files.get(file);
  for (const token of tokensOf(decodeURIComponent(fragment))) {
    if (!isObject(node) && !Array.isArray(node)) return `points to #${fragment}, which ${file} does not have`;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return `points to #${fragment}, which ${file} does not have`;
    node = (node as Record<string, unknown>)[token];
  }
  return isObject(node) || typeof node === 'boolean' ? undefined : `points to #${fragment} in ${file}, which is not a schema`;
}

function compileHint(message: string): string {
  if (message.includes('strictTypes')) return 'AJV strict mode needs the "type" a keyword applies to next to it (for example "type": "object" beside "properties").';
  if (/regular expression|Invalid regular|pattern/i.test(message)) return 'Fix the regular expression (JavaScript syntax, unicode mode).';
  if (message.includes('strict mode')) return 'AJV strict mode refuses this schema; the message says which keyword.';
  return 'Fix the schema where the message says.';
}
