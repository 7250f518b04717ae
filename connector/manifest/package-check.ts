/**
 * What the build knows about this package's own connector, so loading it costs no check: `npm run build` runs the
 * validator once and records the result with what it checked (package-record.ts): the schema set the precompiled
 * validators come from, and a copy of the manifest and module files. The loader trusts the record only while both
 * are unchanged. This file only reads the record: loading the package imports nothing of the validator.
 */
import { readFileSync } from 'node:fs';
import { Snapshot, type SnapshotEntry } from '../common/snapshot.js';
import type { ManifestProblem } from './report.js';

/** dist/connector/manifest/package-check.json, and package-check.bin: a copy of the files checked (common/snapshot.ts). */
const here = new URL('.', import.meta.url);
export const recordFile: URL = new URL('package-check.json', here);
export const filesCopy: URL = new URL('package-check.bin', here);

export interface PackageCheck {
  /** The precompiled validators' digest of the schema files checked. */
  schemas: string;
  /** manifest.json and the module files checked (readConnectorTexts), as kept in package-check.bin. */
  files: SnapshotEntry[];
  problems: ManifestProblem[];
}

/** The build's record with its copy of the files it checked. */
export interface PackageRecord {
  check: PackageCheck;
  /** True when a folder's files (readConnectorTexts) are exactly those checked, byte for byte. */
  checked(files: ReadonlyArray<readonly [string, string]>): boolean;
}

/**
 * The manifest and module files of a folder as [path, text] — the manifest, its modules, then its internalModules —
 * read as the loader reads them. Throws on a missing file. (Paths joined by hand, as in listSchemaFiles.)
 */
export function readConnectorTexts(root: string): Array<[string, string]> {
  const manifest = readFileSync(`${root}/manifest.json`, 'utf8');
  const { modules, internalModules = [] } = JSON.parse(manifest) as { modules: Array<{ file: string }>; internalModules?: Array<{ file: string }> };
  return [['manifest.json', manifest], ...[...modules, ...internalModules].map((m): [string, string] => [m.file, readFileSync(`${root}/${m.file}`, 'utf8')])];
}

let record: PackageRecord | null | undefined;

/** The build's record, read once; null when there is none (a build without this step, or one that could not make it). */
export function readPackageCheck(): PackageRecord | null {
  if (record === undefined) {
    record = null;
    try {
      const check = JSON.parse(readFileSync(recordFile, 'utf8')) as PackageCheck;
      const copy = Snapshot.read(filesCopy, check.files);
      if (copy) record = { check, checked: (files) => copy.holds(files) };
    } catch {
      // No record: loadConnector() checks the package itself.
    }
  }
  return record;
}
