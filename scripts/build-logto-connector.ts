/**
 * `npm run build:logto`: writes dist/logto-connector/, the SMS connector as a package Logto's loader accepts.
 *
 *   package.json     name @twilio-verify-connector/connector-twilio-verify-sms; @logto/connector-kit ^4 || ^5 and the
 *                    runtime's own dependencies (twilio, ajv, …) declared and listed in bundleDependencies
 *   node_modules/    those runtime dependencies and everything they need, copied from this package's node_modules:
 *                    `logto connector add` only unpacks a connector (no npm install), and an npm install in the folder
 *                    would also install a second connector-kit, which breaks Logto's instanceof checks
 *   lib/index.js     default export createConnector (re-exported from lib/connector/sms/index.js)
 *   lib/**           the compiled files the connector imports (found by following relative imports from
 *                    dist/connector/sms/index.js), copied with their relative layout; paths.js rewritten to find the schemas here
 *   manifest.json, modules/, schemas/   the connector's data: the SMS is sent by its internal send-message module
 *                    through the same Connector as every module (loadConnector reads them from the package root)
 *   README.md (docs/logto.md), logo.svg (assets/logo.svg), docs/config-template.json   what Logto's console shows
 *
 * No bundler: the connector is plain ESM already; the kit is never copied (Logto checks errors with instanceof
 * against its own copy). Run after `tsc`.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const LOGTO_PACKAGE_NAME = '@twilio-verify-connector/connector-twilio-verify-sms';
export const CONNECTOR_KIT_RANGE = '^4.0.0 || ^5.0.0';
/** The package's runtime dependencies the connector's files import (bare specifiers). */
const RUNTIME_DEPENDENCIES = ['ajv', 'ajv-errors', 'ajv-formats', 'twilio'];
/** The connector's data, copied as it is: the manifest, every module file and every schema. */
const CONNECTOR_DATA = ['manifest.json', 'modules', 'schemas'];

const here = dirname(fileURLToPath(import.meta.url));
/** dist/ (this file is dist/scripts/build-logto-connector.js) and the package root above it. */
const distDir = resolve(here, '..');
const rootDir = resolve(distDir, '..');

// require('…') too: the runtime loads parts of itself on first use with require() (connector.ts, manifest/validator.ts).
const IMPORT_SPECIFIERS = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g];

/** Relative imports of one compiled file (type-only imports are gone after tsc). */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const pattern of IMPORT_SPECIFIERS) for (const match of source.matchAll(pattern)) if (match[1]!.startsWith('.')) found.push(match[1]!);
  return found;
}

function bareImports(source: string): string[] {
  const found: string[] = [];
  for (const pattern of IMPORT_SPECIFIERS) for (const match of source.matchAll(pattern)) if (!match[1]!.startsWith('.') && !match[1]!.startsWith('node:')) found.push(match[1]!);
  return found;
}

/** Every compiled file reachable from the entry through relative imports, entry first. */
export function closure(entry: string): { files: string[]; packages: Set<string> } {
  const files: string[] = [];
  const packages = new Set<string>();
  const queue = [entry];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) throw new Error(`${relative(rootDir, file)} is missing: run \`tsc -p .\` first.`);
    files.push(file);
    const source = readFileSync(file, 'utf8');
    for (const spec of relativeImports(source)) queue.push(resolve(dirname(file), spec));
    for (const spec of bareImports(source)) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  }
  return { files, packages };
}

/** paths.js for the built package: the root is two folders above lib/connector/. */
const PATHS_JS = `import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Written by scripts/build-logto-connector.ts: the connector package's root holds schemas/. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const schemasDir = join(packageRoot, 'schemas');
`;


/** The folder npm would resolve `name` to from `fromDir` (walking up node_modules folders). */
function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Package folders the given packages need at run time (dependencies and optionalDependencies, transitively). */
export function runtimeClosure(names: string[], fromDir: string = rootDir): string[] {
  const found = new Set<string>();
  const visit = (name: string, from: string, optional: boolean): void => {
    const dir = packageDir(name, from);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name} is not installed: run npm install first.`);
    }
    if (found.has(dir)) return;
    found.add(dir);
    const manifest = readJson(join(dir, 'package.json'));
    for (const dep of Object.keys((manifest['dependencies'] ?? {}) as object)) visit(dep, dir, false);
    for (const dep of Object.keys((manifest['optionalDependencies'] ?? {}) as object)) visit(dep, dir, true);
  };
  for (const name of names) visit(name, fromDir, false);
  return [...found].sort();
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

export interface BuildResult {
  outDir: string;
  files: string[];
  /** Package folders copied into node_modules/, relative to the output folder. */
  vendored: string[];
}

export interface BuildOptions {
  /** Copy the runtime dependencies into node_modules/ (default true). */
  vendor?: boolean;
}

/** Builds the Logto package into `outDir` (default dist/logto-connector/), replacing what was there. */
export async function buildLogtoConnector(outDir: string = join(distDir, 'logto-connector'), options: BuildOptions = {}): Promise<BuildResult> {
  const rootPackage = readJson(join(rootDir, 'package.json'));
  const rootDependencies = (rootPackage['dependencies'] ?? {}) as Record<string, string>;
  const entry = join(distDir, 'connector', 'sms', 'index.js');
  const { files, packages } = closure(entry);

  const undeclared = [...packages].filter((p) => p !== '@logto/connector-kit' && !RUNTIME_DEPENDENCIES.includes(p));
  if (undeclared.length > 0) throw new Error(`The connector imports packages the build does not declare: ${undeclared.join(', ')}`);

  rmSync(outDir, { recursive: true, force: true });
  const lib = join(outDir, 'lib');
  const written: string[] = [];
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    written.push(relative(outDir, path));
  };

  for (const file of files) {
    const target = join(lib, relative(distDir, file));
    if (relative(distDir, file) === join('connector', 'paths.js')) write(target, PATHS_JS);
    else write(target, readFileSync(file, 'utf8'));
  }
  write(join(lib, 'index.js'), "/** Logto loads this file: the default export is createConnector. */\nexport { default } from './connector/sms/index.js';\nexport * from './connector/sms/index.js';\n");

  for (const part of CONNECTOR_DATA) {
    cpSync(join(rootDir, part), join(outDir, part), { recursive: true });
    written.push(part);
  }

  const { configTemplate } = (await import(pathToFileURL(join(distDir, 'connector', 'sms', 'metadata.js')).href)) as { configTemplate: unknown };
  write(join(outDir, 'docs', 'config-template.json'), `${JSON.stringify(configTemplate, null, 2)}\n`);

  write(join(outDir, 'logo.svg'), readFileSync(join(rootDir, 'assets', 'logo.svg'), 'utf8'));
  write(join(outDir, 'README.md'), readFileSync(join(rootDir, 'docs', 'logto.md'), 'utf8'));

  const dependencies: Record<string, string> = { '@logto/connector-kit': CONNECTOR_KIT_RANGE };
  for (const name of RUNTIME_DEPENDENCIES) {
    const range = rootDependencies[name];
    if (!range) throw new Error(`package.json does not declare ${name}, which the connector needs at run time.`);
    dependencies[name] = range;
  }
  const manifest = {
    name: LOGTO_PACKAGE_NAME,
    version: rootPackage['version'],
    description: 'Twilio SMS passwordless connector for Logto, from twilio-verify-connector: Messaging Service or sender number, readable errors.',
    license: rootPackage['license'],
    type: 'module',
    main: './lib/index.js',
    module: './lib/index.js',
    exports: './lib/index.js',
    files: ['lib', ...CONNECTOR_DATA, 'docs', 'logo.svg', 'README.md'],
    // As this package's: the runtime require()s some of its ES modules on first use (Node 20.19 or later).
    engines: { node: '>=20.19.0' },
    dependencies,
    bundleDependencies: RUNTIME_DEPENDENCIES,
  };
  write(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const vendored: string[] = [];
  if (options.vendor ?? true) {
    for (const dir of runtimeClosure(RUNTIME_DEPENDENCIES)) {
      const target = join(outDir, relative(rootDir, dir));
      if (relative(rootDir, dir).includes('@logto')) throw new Error(`refusing to copy ${dir}: the kit must come from the host`);
      cpSync(dir, target, { recursive: true, dereference: true, filter: (source) => !source.slice(dir.length).includes(`${'/'}node_modules${'/'}`) });
      vendored.push(relative(outDir, target));
    }
  }
  return { outDir, files: written.sort(), vendored };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  buildLogtoConnector().then(
    ({ outDir, files, vendored }) =>
      console.log(`Logto connector written to ${relative(process.cwd(), outDir) || '.'}/ (${files.length} files, ${vendored.length} runtime packages in node_modules/).`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
