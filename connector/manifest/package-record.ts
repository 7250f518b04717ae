/**
 * Build step (`npm run build`): checks this package's connector once and records the result for loadConnector(), with
 * the digest of the schema set the precompiled validators come from and a copy of the manifest and module files
 * (package-check.ts reads it back). Also writes dist/connector/package.json (see writeRuntimeScope).
 *
 *   node dist/connector/manifest/package-record.js
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeSnapshot } from '../common/snapshot.js';
import { packageRoot } from '../paths.js';
import { packageSchemas } from '../schema/ajv.js';
import { filesCopy, readConnectorTexts, recordFile, type PackageCheck } from './package-check.js';
import { validator } from './validator.js';

/**
 * dist/connector/package.json, `{"type": "module"}` like the package's own. For every import it resolves, Node's ES
 * module loader looks for the nearest package.json, one folder at a time, up from the importing file: this one ends
 * that search two folders earlier for every file of the runtime. At a cold start that is a third of the loader's
 * path work, and it keeps V8 from optimising Node's URL-to-path function, a compile that alone adds ~3.5 MB of memory
 * (docs/performance.md).
 */
export function writeRuntimeScope(): void {
  writeFileSync(new URL('../package.json', import.meta.url), '{ "type": "module" }\n');
}

/** Checks the package's connector and writes the record; without precompiled validators there is nothing to tie it to. */
export function recordPackageCheck(): PackageCheck | undefined {
  const schemas = packageSchemas().precompiledDigest;
  if (schemas === undefined) return undefined;
  const { report } = validator().checkConnectorFolder(packageRoot);
  const result: PackageCheck = { schemas, files: writeSnapshot(fileURLToPath(filesCopy), readConnectorTexts(packageRoot)), problems: report.errors.filter((p) => p.severity === 'error') };
  writeFileSync(recordFile, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeRuntimeScope();
  const result = recordPackageCheck();
  if (!result) process.stderr.write('package-check: no precompiled validators, so no record; loadConnector() checks the package at run time\n');
  else if (result.problems.length === 0) process.stderr.write('package-check: the package connector is valid (recorded for loadConnector)\n');
  else {
    process.stderr.write(`package-check: the package connector has ${result.problems.length} problem(s); loadConnector() will refuse it:\n`);
    for (const p of result.problems) process.stderr.write(`  ${p.file} ${p.pointer || '/'}: ${p.message}\n`);
  }
}
