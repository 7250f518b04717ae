import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import ajvErrorsPlugin from 'ajv-errors';
import ajvFormatsPlugin from 'ajv-formats';
import { schemasDir } from '../paths.js';
import { isAllowedBaseUrl } from '../transport/base-url.js';
import { PROJECT_KEYWORDS } from './keywords.js';

// Both plugins are CommonJS modules whose default export is the function itself.
const addFormats = ((ajvFormatsPlugin as unknown as { default?: unknown }).default ?? ajvFormatsPlugin) as unknown as (ajv: Ajv) => Ajv;
const addErrors = ((ajvErrorsPlugin as unknown as { default?: unknown }).default ?? ajvErrorsPlugin) as unknown as (ajv: Ajv) => Ajv;

/** A fresh, strict AJV with the project's keywords and formats. Exported for the manifest validator's isolated checks. */
export function createAjv(): Ajv {
  // strictRequired stays off: it forbids the ordinary `anyOf: [{ required: [a] }, { required: [b] }]` pattern.
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  addErrors(ajv);
  ajv.addFormat('twilio-base-url', { type: 'string', validate: isAllowedBaseUrl });
  for (const keyword of PROJECT_KEYWORDS) ajv.addKeyword(keyword);
  return ajv;
}

/** Every `*.schema.json` below schemas/, found once. */
export function listSchemaFiles(dir: string = schemasDir): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSchemaFiles(path));
    else if (entry.name.endsWith('.schema.json')) files.push(path);
  }
  return files.sort();
}

export function readSchema(path: string): AnySchemaObject {
  return JSON.parse(readFileSync(path, 'utf8')) as AnySchemaObject;
}

/**
 * The package's one AJV instance. All schemas are registered by `$id` (cheap: AJV compiles on first use),
 * and each validator is compiled once and cached, never per call.
 */
export class SchemaRegistry {
  readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  /** Package-relative file path (schemas/…) → the schema's `$id`. */
  private readonly ids = new Map<string, string>();

  constructor(dir: string = schemasDir) {
    this.ajv = createAjv();
    for (const file of listSchemaFiles(dir)) {
      const schema = readSchema(file);
      this.ajv.addSchema(schema);
      if (typeof schema.$id === 'string') this.ids.set(relative(dirname(dir), file).split(sep).join('/'), schema.$id);
    }
  }

  /** The `$id` of the schema kept in a package-relative file such as `schemas/connection.schema.json`. */
  idForFile(file: string): string {
    const id = this.ids.get(file);
    if (!id) throw new Error(`No schema with an $id in ${file}`);
    return id;
  }

  hasFile(file: string): boolean {
    return this.ids.has(file);
  }

  /** The compiled validator for a schema `$id` (with an optional `#/...` fragment). */
  validator(id: string): ValidateFunction {
    let validate = this.compiled.get(id);
    if (!validate) {
      validate = this.ajv.getSchema(id);
      if (!validate) throw new Error(`Unknown schema ${id}`);
      this.compiled.set(id, validate);
    }
    return validate;
  }

  schema(id: string): AnySchemaObject {
    const entry = this.ajv.getSchema(id);
    if (!entry) throw new Error(`Unknown schema ${id}`);
    return entry.schema as AnySchemaObject;
  }
}

let shared: SchemaRegistry | undefined;

/** The registry for this package's own schemas, built on first use. */
export function packageSchemas(): SchemaRegistry {
  shared ??= new SchemaRegistry();
  return shared;
}
