import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, AnySchemaObject, Options, ValidateFunction } from 'ajv';
import { schemasDir } from '../paths.js';
import { isAllowedBaseUrl } from '../common/base-url.js';
import { tokensOf } from '../common/json-pointer.js';
import { Snapshot, type FileContent, type SnapshotEntry } from '../common/snapshot.js';
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

/**
 * Every `*.schema.json` below schemas/, found once. Paths are joined by hand: `path.join` per file is enough, with the
 * loader's own path work, to make V8 optimise Node's path functions during a cold start, and that compile alone adds
 * ~3.5 MB of RSS (docs/performance.md).
 */
export function listSchemaFiles(dir: string = schemasDir): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...listSchemaFiles(path));
    else if (entry.name.endsWith('.schema.json')) files.push(path);
  }
  return files.sort();
}

/** The schema files of a folder as [`schemas/…` (the folder's own name first, `/` between parts), their bytes]. */
export function readSchemaFiles(dir: string = schemasDir): Array<[relativePath: string, bytes: Buffer]> {
  const name = basename(dir);
  return listSchemaFiles(dir).map((file) => [`${name}${file.slice(dir.length).replaceAll('\\', '/')}`, readFileSync(file)]);
}

export function readSchema(path: string): AnySchemaObject {
  return JSON.parse(readFileSync(path, 'utf8')) as AnySchemaObject;
}

/** Where the build step (schema/precompile.ts) writes standalone validators: dist/connector/schema/precompiled/. */
export const precompiledDir: string = join(dirname(fileURLToPath(import.meta.url)), 'precompiled');

/** index.json of the precompiled validators. */
export interface PrecompiledIndex {
  /** schemaSetDigest() of the schemas they were generated from: the name of this build's schema set. */
  digest: string;
  /** What createAjv() adds to the schemas (generatorSettings()): other options or keywords, other validators. */
  settings: string;
  /** The schema files they were generated from, as kept in sources.bin (common/snapshot.ts): `schemas/…`, length. */
  sources: SnapshotEntry[];
  /** Schema file (`schemas/…`) → its `$id`. */
  ids: Record<string, string>;
  /** Schema `$id` → file name (a CommonJS module exporting the validator) in precompiledDir. */
  validators: Record<string, string>;
}

/** The build's copy of the schema files, next to index.json. */
export const SOURCES_FILE = 'sources.bin';

/**
 * What a generated validator is made from besides the schema files: the AJV options, keywords and formats of
 * createAjv(). (The AJV version is deliberately not part of it: standalone code only needs AJV's small runtime
 * helpers, so a validator built with one AJV 8 release runs under another, as AJV's standalone mode intends.)
 */
export function generatorSettings(): string {
  return JSON.stringify({ options: AJV_OPTIONS, keywords: PROJECT_KEYWORDS, formats: ['ajv-formats:full', 'twilio-base-url'] });
}

/**
 * A name for a schema set and the settings its validators are generated with (SHA-256): equal names, equal validators.
 * Made by the build; a loader compares the files themselves with the build's copy instead (see precompiledFor), so
 * neither node:crypto nor a JavaScript hash loop runs in a cold start.
 */
export function schemaSetDigest(files: ReadonlyArray<readonly [relativePath: string, text: string]>): string {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const hash = createHash('sha256');
  hash.update(generatorSettings());
  for (const [path, text] of [...files].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) hash.update(`\0${path}\0`).update(text);
  return hash.digest('hex');
}

/** A build's index with its copy of the schema files; null when there is none or it does not hold together. */
function readIndex(dir: string): { index: PrecompiledIndex; sources: Snapshot } | null {
  const file = `${dir}/index.json`;
  try {
    if (!existsSync(file)) return null;
    const index = JSON.parse(readFileSync(file, 'utf8')) as PrecompiledIndex;
    const sources = Snapshot.read(`${dir}/${SOURCES_FILE}`, index.sources);
    return sources ? { index, sources } : null;
  } catch {
    return null;
  }
}

let precompiledIndex: ReturnType<typeof readIndex> | undefined;

/** The build's index of standalone validators, read once; null when there is none (tsc without the generation step). */
function readPrecompiledIndex(): ReturnType<typeof readIndex> {
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
  return requireWithCodeCache(join(dir, file)) as ValidateFunction;
}

/** How Node wraps a CommonJS file; the code cache is made for exactly this text. */
const COMMONJS_WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'] as const;

/** A CommonJS file compiled as Node would, with `cachedData` when given; and a function that runs it. */
export function compileCommonJs(file: string, cachedData?: Buffer): { script: import('node:vm').Script; run(): unknown } {
  const { Script } = require('node:vm') as typeof import('node:vm');
  const script = new Script(`${COMMONJS_WRAPPER[0]}${readFileSync(file, 'utf8')}${COMMONJS_WRAPPER[1]}`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  return {
    script,
    run() {
      const module = { exports: {} as unknown };
      (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
      return module.exports;
    },
  };
}

/**
 * A generated validator module, with the V8 code cache the build made beside it (`<file>.cache`, precompile.ts): the
 * manifest validator needs 94 of them at once, and compiling ~1 MB of generated code was most of its first call.
 * Without a cache, or with one this V8 refuses (another Node version), V8 compiles the file, as require() would.
 */
function requireWithCodeCache(file: string): unknown {
  if (loadedWithCache.has(file)) return loadedWithCache.get(file);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    return require(file);
  }
  const exports = compileCommonJs(file, cachedData).run();
  loadedWithCache.set(file, exports);
  return exports;
}

/** Like require's module cache: each file runs once per process. */
const loadedWithCache = new Map<string, unknown>();

/**
 * The precompiled validators for a set of schema files ([`schemas/…`, text or bytes]), when the build generated them
 * from exactly these files (compared byte for byte with the build's copy) with today's settings; otherwise undefined
 * and AJV compiles the schemas. `dir` is for tests of other builds.
 */
export function precompiledFor(files: ReadonlyArray<readonly [relativePath: string, content: FileContent]>, dir: string = precompiledDir): PrecompiledValidators | undefined {
  const found = dir === precompiledDir ? readPrecompiledIndex() : readIndex(dir);
  if (!found || found.index.settings !== generatorSettings() || !found.sources.holds(files)) return undefined;
  return new PrecompiledValidators(found.index, found.sources, dir);
}

/** Validators generated at build time by AJV's standalone code: the same code AJV would compile, without compiling. */
export class PrecompiledValidators {
  private readonly loaded = new Map<string, ValidateFunction>();
  constructor(
    private readonly index: PrecompiledIndex,
    private readonly sources: Snapshot,
    private readonly dir: string,
  ) {}

  /** The schemaSetDigest() of the files the build generated these from. */
  get digest(): string {
    return this.index.digest;
  }

  /** The schema files they were generated from: `schemas/…` → `$id`. */
  get ids(): Readonly<Record<string, string>> {
    return this.index.ids;
  }

  /** The text of one of those files, from the build's copy (the same bytes as the file: precompiledFor checked). */
  text(file: string): string | undefined {
    return this.sources.text(file);
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
 * are used and AJV is not even loaded (it is created on first need, e.g. for a `#/…` fragment), and a schema is parsed
 * only when something reads it (a module's plan, its bundled schema). Otherwise every schema is parsed and the one
 * AJV instance is built here with all of them, and compiles each validator on first use.
 */
export class SchemaRegistry {
  private readonly compiled = new Map<string, ValidateFunction>();
  /** Package-relative file path (schemas/…) → the schema's `$id`. */
  private readonly ids = new Map<string, string>();
  /** `$id` → the parsed schema (with the build's validators, parsed on first need from `unparsed`). */
  private readonly byId = new Map<string, AnySchemaObject>();
  /** With the build's validators: `$id` → its file, not parsed yet (the build parsed and compiled it). */
  private readonly unparsed = new Map<string, string>();
  /** The schema files, in order. */
  private readonly files: string[];
  /** Every file's parsed schema, in file order (what AJV registers); made on first need with the build's validators. */
  private parsed?: AnySchemaObject[];
  private readonly precompiledValidators: PrecompiledValidators | undefined;
  private ajvInstance?: Ajv;

  constructor(dir: string = schemasDir) {
    const files = readSchemaFiles(dir);
    this.files = files.map(([file]) => file);
    this.precompiledValidators = precompiledFor(files);
    if (this.precompiledValidators) {
      for (const [file, id] of Object.entries(this.precompiledValidators.ids)) {
        this.ids.set(file, id);
        this.unparsed.set(id, file);
      }
      return;
    }
    // Without validators from the build, every schema is registered here (a duplicate or invalid schema throws at load).
    this.parsed = [];
    for (const [relativePath, bytes] of files) {
      const schema = JSON.parse(bytes.toString('utf8')) as AnySchemaObject;
      this.parsed.push(schema);
      if (typeof schema.$id === 'string') {
        this.ids.set(relativePath, schema.$id);
        if (!this.byId.has(schema.$id)) this.byId.set(schema.$id, schema);
      }
    }
    void this.ajv;
  }

  /** The parsed schema of a whole file by its `$id`, parsed now if the build's copy was not read yet. */
  private parsedById(id: string): AnySchemaObject | undefined {
    let schema = this.byId.get(id);
    const file = schema ? undefined : this.unparsed.get(id);
    if (file !== undefined) {
      schema = JSON.parse(this.precompiledValidators!.text(file)!) as AnySchemaObject;
      this.byId.set(id, schema);
      this.unparsed.delete(id);
    }
    return schema;
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
      this.parsed ??= this.files.map((file) => this.parsedById(this.ids.get(file)!)!);
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
    let node: unknown = this.parsedById(base);
    for (const key of tokensOf(decodeURIComponent(fragment))) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
    }
    return node;
  }

  /** The schema object registered under an `$id` (with an optional `#/...` fragment). */
  schema(id: string): AnySchemaObject {
    // A whole file's schema is the parsed file (the object AJV holds too): reading it needs no compile.
    const whole = this.parsedById(id);
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
