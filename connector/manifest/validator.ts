/**
 * The manifest validator (validate.ts and the dozen files it imports), loaded on first use rather than with the
 * package: a host that only loads and runs this package's connector never needs it, and at a cold start every file
 * the ES module loader resolves costs time and memory (docs/performance.md). `validateManifest` is synchronous, so
 * the room is loaded with require(), which loads ES modules from Node 20.19 (this package's floor) into the same
 * module instances an `import` gets. Every load of the room in the core goes through here: a require() of a module
 * that an `import()` is still loading would fail.
 */
import { createRequire } from 'node:module';
import type { ManifestReport } from './report.js';

type Validator = typeof import('./validate.js');

const require = createRequire(import.meta.url);
let room: Validator | undefined;

/** validate.ts, loaded now if it was not yet. */
export function validator(): Validator {
  return (room ??= require('./validate.js') as Validator);
}

/** Checks a connector folder (this package's by default) the way its author needs; never throws. See validate.ts. */
export function validateManifest(dir?: string): ManifestReport {
  return validator().validateManifest(dir);
}
