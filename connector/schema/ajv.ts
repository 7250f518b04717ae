import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, AnySchemaObject, Options, ValidateFunction } from 'ajv';
import { schemasDir } from '../paths.js';
import { isAllowedBaseUrl } from '../common/base-url.js';
import { tokensOf } from '../common/json-pointer.js';
import { PROJECT_KEYWORDS } from './keywords.js';

// AJV and its plugins are CommonJS and cost ~100 ms to load: they are required on first need, never at import.
const require = createRequire(import.meta.url);

/** Both plugins are CommonJS modules whose default export is the function itself. */
function plugin(mod: unknown): (ajv: Ajv) => Ajv {
  return ((mod as { default?: unknown }).default ?? mod) as (ajv: Ajv) => Ajv;
}

/** The options every AJV of this package uses (part of the precompiled validators' fingerprint). */
const AJV_OPTIONS = { strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true } as const;

/**
 * A fresh, strict AJV with the project's keywords and formats. Exported for the manifest validator's isolated checks.
 * `extra` is for the build step that generates standalone validators (code options); the result validates the same.
 */
export function createAjv(extra: Options = {}): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  // strictRequired stays off: it forbids the ordinary `anyOf: [{ required: [a] }, { required: [b] }]` pattern.
  const ajv = new AjvClass({ ...AJV_OPTIONS, ...extra });
  plugin(require('ajv-formats'))(ajv);
  plugin(require('ajv-errors'))(ajv);
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

/** Where the build step (schema/precompile.ts) writes standalone validators: dist/connector/schema/precompiled/. */
export const precompiledDir: string = join(dirname(fileURLToPath(import.meta.url)), 'precompiled');

/** index.json of the precompiled validators. */
export interface PrecompiledIndex {
  /** schemaSetDigest() of the schemas they were generated from. */
  digest: string;
  /** Schema `$id` → file name (a CommonJS module exporting the validator) in precompiledDir. */
  validators: Record<string, string>;
}

/**
 * A fingerprint of what a generated validator is made from: each schema file (path and text) and the AJV options,
 * keywords and formats of createAjv(). Equal fingerprints, equal validators. (The AJV version is deliberately not
 * part of it: standalone code only needs AJV's small runtime helpers, so a validator built with one AJV 8 release
 * runs under another, as AJV's standalone mode intends.) SHA-256 in native code: a JavaScript hash loop runs cold
 * here, once per load, and cost several times more than loading node:crypto.
 */
export function schemaSetDigest(files: ReadonlyArray<readonly [relativePath: string, text: string]>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ options: AJV_OPTIONS, keywords: PROJECT_KEYWORDS, formats: ['ajv-formats:full', 'twilio-base-url'] }));
  for (const [path, text] of [...files].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) hash.update(`\0${path}\0`).update(text);
  return hash.digest('hex');
}

function readIndex(dir: string): PrecompiledIndex | null {
  const file = join(dir, 'index.json');
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PrecompiledIndex) : null;
  } catch {
    return null;
  }
}

let precompiledIndex: PrecompiledIndex | null | undefined;

/** The build's index of standalone validators, read once; null when there is none (tsc without the generation step). */
function readPrecompiledIndex(): PrecompiledIndex | null {
  if (precompiledIndex === undefined) precompiledIndex = readIndex(precompiledDir);
  return precompiledIndex;
}

const formatsReady = new Set<string>();

/** A standalone validator from a build directory; its formats module first gets the format that lives in this package. */
function requirePrecompiled(dir: string, file: string): ValidateFunction {
  if (!formatsReady.has(dir)) {
    const formats = require(join(dir, 'formats.cjs')) as Record<string, unknown>;
    formats['twilio-base-url'] = { type: 'string', validate: isAllowedBaseUrl };
    formatsReady.add(dir);
  }
  return require(join(dir, file)) as ValidateFunction;
}

/**
 * The precompiled validators for a set of schema files, when the build generated them from exactly these files
 * (same digest); otherwise undefined, and AJV compiles the schemas. `dir` is for tests of other builds.
 */
export function precompiledFor(files: ReadonlyArray<readonly [relativePath: string, text: string]>, dir: string = precompiledDir): PrecompiledValidators | undefined {
  const index = dir === precompiledDir ? readPrecompiledIndex() : readIndex(dir);
  if (!index || index.digest !== schemaSetDigest(files)) return undefined;
  return new PrecompiledValidators(index, dir);
}

/** Validators generated at build time by AJV's standalone code: the same code AJV would compile, without compiling. */
export class PrecompiledValidators {
  private readonly loaded = new Map<string, ValidateFunction>();
  constructor(
    private readonly index: PrecompiledIndex,
    private readonly dir: string,
  ) {}

  /** The schemaSetDigest() of the files the build generated these from. */
  get digest(): string {
    return this.index.digest;
  }

  has(id: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.index.validators, id);
  }

  get(id: string): ValidateFunction | undefined {
    let validate = this.loaded.get(id);
    if (!validate && this.has(id)) {
      validate = requirePrecompiled(this.dir, this.index.validators[id]!);
      this.loaded.set(id, validate);
    }
    return validate;
  }
}

/**
 * The package's one schema registry. Every schema is read once and registered by `$id`; each validator is made once
 * and cached, never per call. When the build generated standalone validators from exactly these schema files, they
 * are used and AJV is not even loaded (it is created on first need, e.g. for a `#/…` fragment). Otherwise the one AJV
 * instance is built here with every schema and compiles each validator on first use.
 */
export class SchemaRegistry {
  private readonly compiled = new Map<string, ValidateFunction>();
  /** Package-relative file path (schemas/…) → the schema's `$id`. */
  private readonly ids = new Map<string, string>();
  /** Every parsed schema, in file order. */
  private readonly parsed: AnySchemaObject[] = [];
  /** `$id` → the parsed schema. */
  private readonly byId = new Map<string, AnySchemaObject>();
  private readonly precompiledValidators: PrecompiledValidators | undefined;
  private ajvInstance?: Ajv;

  constructor(dir: string = schemasDir) {
    const texts: Array<[string, string]> = [];
    for (const file of listSchemaFiles(dir)) {
      const text = readFileSync(file, 'utf8');
      const relativePath = relative(dirname(dir), file).split(sep).join('/');
      texts.push([relativePath, text]);
      const schema = JSON.parse(text) as AnySchemaObject;
      this.parsed.push(schema);
      if (typeof schema.$id === 'string') {
        this.ids.set(relativePath, schema.$id);
        if (!this.byId.has(schema.$id)) this.byId.set(schema.$id, schema);
      }
    }
    this.precompiledValidators = precompiledFor(texts);
    // Without validators from the build, every schema is registered here (a duplicate or invalid schema throws at load).
    if (!this.precompiledValidators) void this.ajv;
  }

  /** True when this registry's validators come from the build (no AJV compile at run time). */
  get precompiled(): boolean {
    return this.precompiledValidators !== undefined;
  }

  /** With validators from the build: the digest of the schema files they were made from (what the build checked). */
  get precompiledDigest(): string | undefined {
    return this.precompiledValidators?.digest;
  }

  /** The AJV instance holding every schema of this registry. */
  get ajv(): Ajv {
    if (!this.ajvInstance) {
      const ajv = createAjv();
      for (const schema of this.parsed) ajv.addSchema(schema);
      this.ajvInstance = ajv;
    }
    return this.ajvInstance;
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
      validate = this.precompiledValidators?.get(id) ?? this.ajv.getSchema(id);
      if (!validate) throw new Error(`Unknown schema ${id}`);
      this.compiled.set(id, validate);
    }
    return validate;
  }

  /**
   * The parsed schema (or the part a `#/…` JSON pointer names) for an absolute URI, read from the files alone: no AJV.
   * Undefined when nothing is there.
   */
  lookup(uri: string): unknown {
    const [base, fragment = ''] = uri.split('#', 2) as [string, string?];
    let node: unknown = this.byId.get(base);
    for (const key of tokensOf(decodeURIComponent(fragment))) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    }
    return node;
  }

  /** The schema object registered under an `$id` (with an optional `#/...` fragment). */
  schema(id: string): AnySchemaObject {
    // A whole file's schema is the parsed file (the object AJV holds too): reading it needs no compile.
    const whole = this.byId.get(id);
    if (whole) return whole;
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
