/**
 * What the build knows about this package's own connector, so loading it costs no check: `npm run build` runs the
 * validator once and records the result with fingerprints of what it checked (the schema set the precompiled
 * validators come from, and the manifest and module files). The loader trusts the record only while both match.
 *
 *   node dist/connector/manifest/package-check.js
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../paths.js';
import { packageSchemas } from '../schema/ajv.js';
import type { ManifestProblem } from './report.js';
import { checkConnectorFolder } from './validate.js';

/** dist/connector/manifest/package-check.json */
const recordFile = join(dirname(fileURLToPath(import.meta.url)), 'package-check.json');

export interface PackageCheck {
  /** The precompiled validators' digest of the schema files checked. */
  schemas: string;
  /** connectorFilesDigest() of manifest.json and the module files checked. */
  files: string;
  problems: ManifestProblem[];
}

/** A fingerprint of the manifest and module files, as [folder-relative path, text] in manifest order. */
export function connectorFilesDigest(files: ReadonlyArray<readonly [string, string]>): string {
  const hash = createHash('sha256');
  for (const [path, text] of files) hash.update(`\0${path}\0`).update(text);
  return hash.digest('hex');
}

/**
 * The manifest and module files of a folder as [path, text] — the manifest, its modules, then its internalModules —
 * read as the loader reads them. Throws on a missing file.
 */
export function readConnectorTexts(root: string): Array<[string, string]> {
  const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
  const { modules, internalModules = [] } = JSON.parse(manifest) as { modules: Array<{ file: string }>; internalModules?: Array<{ file: string }> };
  return [['manifest.json', manifest], ...[...modules, ...internalModules].map((m): [string, string] => [m.file, readFileSync(join(root, m.file), 'utf8')])];
}

let record: PackageCheck | null | undefined;

/** The build's record, read once; null when there is none (a build without this step, or one that could not make it). */
export function readPackageCheck(): PackageCheck | null {
  if (record === undefined) {
    try {
      record = JSON.parse(readFileSync(recordFile, 'utf8')) as PackageCheck;
    } catch {
      record = null;
    }
  }
  return record;
}

/** Checks the package's connector and writes the record; without precompiled validators there is nothing to tie it to. */
export function recordPackageCheck(): PackageCheck | undefined {
  const schemas = packageSchemas().precompiledDigest;
  if (schemas === undefined) return undefined;
  const { report } = checkConnectorFolder(packageRoot);
  const result: PackageCheck = { schemas, files: connectorFilesDigest(readConnectorTexts(packageRoot)), problems: report.errors.filter((p) => p.severity === 'error') };
  writeFileSync(recordFile, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = recordPackageCheck();
  if (!result) process.stderr.write('package-check: no precompiled validators, so no record; loadConnector() checks the package at run time\n');
  else if (result.problems.length === 0) process.stderr.write('package-check: the package connector is valid (recorded for loadConnector)\n');
  else {
    process.stderr.write(`package-check: the package connector has ${result.problems.length} problem(s); loadConnector() will refuse it:\n`);
    for (const p of result.problems) process.stderr.write(`  ${p.file} ${p.pointer || '/'}: ${p.message}\n`);
  }
}
