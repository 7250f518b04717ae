/**
 * Schemas are the source of truth: this writes types/generated/** from schemas/** with json-schema-to-typescript.
 * `--check` writes nothing and fails when a committed file differs from what the schemas generate (a stale type).
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { packageRoot } from '../connector/paths.js';
import { listSchemaFiles } from '../connector/schema/ajv.js';

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

async function generate(schemaFile: string): Promise<string> {
  const schema = forTypes(JSON.parse(readFileSync(schemaFile, 'utf8'))) as Record<string, unknown>;
  const source = relative(packageRoot, schemaFile);
  const name = relative(join(packageRoot, 'schemas'), schemaFile).replace(/\.schema\.json$/, '').replace(/[^A-Za-z0-9]+(.)/g, (_m, c: string) => c.toUpperCase());
  return compile(schema as never, name, {
    cwd: dirname(schemaFile),
    bannerComment: BANNER.replace('{source}', source),
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    // Arrays stay arrays: min/maxItems would otherwise become a union of tuples of every length.
    ignoreMinAndMaxItems: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}

function listGenerated(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listGenerated(join(dir, e.name)) : [join(dir, e.name)]));
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  const expected = new Set<string>();
  for (const schemaFile of listSchemaFiles()) {
    const target = outputPath(schemaFile);
    expected.add(target);
    const text = await generate(schemaFile);
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
