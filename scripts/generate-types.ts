/**
 * Schemas are the source of truth: this writes types/generated/** from schemas/** with json-schema-to-typescript.
 * `--check` writes nothing and fails when a committed file differs from what the schemas generate (a stale type).
 *
 * One type per fact: a `$ref` to another schema file (its root, or one of its `definitions`) becomes an import of the
 * type generated for it, not a copy (the service resource is declared once, in resources/service.ts). A file whose
 * definitions others use exports each of them by name.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { packageRoot } from '../connector/paths.js';
import { listSchemaFiles } from '../connector/schema/ajv.js';

/** json-schema-to-typescript's own naming (a title → an identifier), so an import names what the target file declares. */
const { toSafeString } = createRequire(import.meta.url)('json-schema-to-typescript/dist/src/utils.js') as { toSafeString: (text: string) => string };

const BANNER = '/* Generated from {source} by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */';
const outDir = join(packageRoot, 'types', 'generated');

function outputPath(schemaFile: string): string {
  const rel = relative(join(packageRoot, 'schemas'), schemaFile).replace(/\.schema\.json$/, '.ts');
  return join(outDir, rel);
}

const VALIDATION_ONLY = new Set(['not', 'dependencies', 'if', 'then', 'else', 'errorMessage', 'propertyNames']);

/** A combinator branch that only adds rules (required, not, …) and says nothing about the shape of a value. */
function isConstraintOnly(branch: unknown): boolean {
  if (branch === null || typeof branch !== 'object') return false;
  return !Object.keys(branch).some((k) => k === 'properties' || k === 'type' || k === '$ref' || k === 'items' || k === 'enum' || k === 'const');
}

/**
 * What json-schema-to-typescript should see: the shape only. Drops the project's annotation keywords, `$id`,
 * validation-only rules and nested titles (so a field becomes `to?: string` with its description as JSDoc,
 * not a type alias named after its label).
 */
function forTypes(value: unknown, depth = 0, names = false): unknown {
  if (Array.isArray(value)) return value.map((v) => forTypes(v, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    // Inside `properties` and `definitions` the keys are names chosen by the author, not keywords.
    if (names) {
      out[key] = forTypes(child, depth + 1);
      continue;
    }
    if (key.startsWith('x-') || key === '$id' || VALIDATION_ONLY.has(key)) continue;
    if (key === 'title' && depth > 0) continue;
    if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(child)) {
      const shaped = child.filter((branch) => !isConstraintOnly(branch));
      if (shaped.length > 0) out[key] = forTypes(shaped, depth + 1);
      continue;
    }
    out[key] = forTypes(child, depth + 1, key === 'properties' || key === 'definitions' || key === 'patternProperties');
  }
  return out;
}

type JsonObject = Record<string, unknown>;

function readJson(file: string): JsonObject {
  return JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
}

/** The name of a file's root type: its title (or its path) as json-schema-to-typescript spells an identifier. */
function rootName(schemaFile: string): string {
  const title = readJson(schemaFile)['title'];
  return toSafeString(typeof title === 'string' ? title : relative(join(packageRoot, 'schemas'), schemaFile).replace(/\.schema\.json$/, ''));
}

/** A `$ref` to another file that becomes an import: the target file and the type it declares for the reference. */
interface Reference {
  file: string;
  name: string;
}

/** Where a `$ref` in `schemaFile` points, when that is another file's root or one of its definitions. */
function externalReference(ref: string, schemaFile: string): Reference | undefined {
  if (ref.startsWith('#')) return undefined;
  const url = new URL(ref, pathToFileURL(schemaFile));
  const file = fileURLToPath(new URL(url.pathname, url));
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment === '' || fragment === '/') return { file, name: rootName(file) };
  const definition = /^\/definitions\/([^/]+)$/.exec(fragment);
  return definition ? { file, name: toSafeString(definition[1]!) } : undefined;
}

/** The schema with every external `$ref` replaced by the imported type's name (`tsType`); its neighbours stay (descriptions). */
function withImports(value: unknown, schemaFile: string, imports: Map<string, Reference>): unknown {
  if (Array.isArray(value)) return value.map((v) => withImports(v, schemaFile, imports));
  if (value === null || typeof value !== 'object') return value;
  const node = value as JsonObject;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(node)) out[key] = withImports(child, schemaFile, imports);
  const reference = typeof node['$ref'] === 'string' ? externalReference(node['$ref'], schemaFile) : undefined;
  if (!reference) return out;
  imports.set(reference.name, reference);
  delete out['$ref'];
  out['tsType'] = reference.name;
  return out;
}

/** Files whose definitions another file refers to: they export each definition by name. */
function filesWithSharedDefinitions(schemaFiles: string[]): Set<string> {
  const shared = new Set<string>();
  const visit = (value: unknown, schemaFile: string): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, schemaFile));
    if (value === null || typeof value !== 'object') return;
    const ref = (value as JsonObject)['$ref'];
    if (typeof ref === 'string' && /#\/definitions\//.test(ref) && !ref.startsWith('#')) shared.add(externalReference(ref, schemaFile)!.file);
    for (const child of Object.values(value)) visit(child, schemaFile);
  };
  for (const file of schemaFiles) visit(readJson(file), file);
  return shared;
}

/** `import type { … } from './relative.js';` for the imported names the generated text uses. */
function importLines(text: string, from: string, imports: Map<string, Reference>): string {
  const byFile = new Map<string, string[]>();
  for (const { file, name } of imports.values()) {
    if (!new RegExp(`\\b${name}\\b`).test(text)) continue;
    const target = outputPath(file).replace(/\.ts$/, '.js');
    let path = relative(dirname(from), target).split(sep).join('/');
    if (!path.startsWith('.')) path = `./${path}`;
    byFile.set(path, [...(byFile.get(path) ?? []), name]);
  }
  return [...byFile.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, names]) => `import type { ${[...new Set(names)].sort().join(', ')} } from '${path}';\n`)
    .join('');
}

interface Generated {
  text: string;
  imports: Map<string, Reference>;
}

async function generate(schemaFile: string, exportDefinitions: boolean): Promise<Generated> {
  const imports = new Map<string, Reference>();
  const schema = forTypes(withImports(readJson(schemaFile), schemaFile, imports)) as JsonObject;
  schema['title'] = rootName(schemaFile);
  const banner = BANNER.replace('{source}', relative(packageRoot, schemaFile));
  const compiled = await compile(schema as never, rootName(schemaFile), {
    cwd: dirname(schemaFile),
    bannerComment: banner,
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: exportDefinitions,
    // Arrays stay arrays: min/maxItems would otherwise become a union of tuples of every length.
    ignoreMinAndMaxItems: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  const body = compiled.slice(compiled.indexOf(banner) + banner.length);
  const lines = importLines(body, outputPath(schemaFile), imports);
  return { text: `${banner}\n${lines ? `\n${lines}` : ''}${body.replace(/^\n+/, '\n')}`, imports };
}

/** Every imported name is declared by the file it comes from: a rename shows here, not as a type error later. */
function checkImports(generated: Map<string, Generated>): string[] {
  const problems: string[] = [];
  for (const [schemaFile, { text, imports }] of generated) {
    for (const { file, name } of imports.values()) {
      if (!new RegExp(`\\b${name}\\b`).test(text.slice(text.indexOf('*/') + 2))) continue;
      const target = generated.get(file);
      if (!target || !new RegExp(`^export (interface|type) ${name}\\b`, 'm').test(target.text)) {
        problems.push(`${relative(packageRoot, schemaFile)} refers to ${name} in ${relative(packageRoot, file)}, which does not declare it`);
      }
    }
  }
  return problems;
}

function listGenerated(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listGenerated(join(dir, e.name)) : [join(dir, e.name)]));
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  const expected = new Set<string>();
  const schemaFiles = listSchemaFiles();
  const shared = filesWithSharedDefinitions(schemaFiles);
  const generated = new Map<string, Generated>();
  for (const schemaFile of schemaFiles) generated.set(schemaFile, await generate(schemaFile, shared.has(schemaFile)));
  const broken = checkImports(generated);
  if (broken.length > 0) throw new Error(`Generated types would not compile:\n  ${broken.join('\n  ')}`);
  for (const [schemaFile, { text }] of generated) {
    const target = outputPath(schemaFile);
    expected.add(target);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === text) continue;
    if (check) stale.push(relative(packageRoot, target));
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  }
  for (const file of listGenerated(outDir)) {
    if (expected.has(file)) continue;
    if (check) stale.push(`${relative(packageRoot, file)} (no schema)`);
    else rmSync(file);
  }
  if (check && stale.length > 0) {
    console.error(`Generated types are stale; run \`npm run generate:types\`:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(check ? 'Generated types are up to date.' : `Types written to ${relative(packageRoot, outDir)}/.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
