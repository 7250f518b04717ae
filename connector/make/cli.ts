/**
 * `verify-connector make validate [dir] [--schemas DIR] [--json]`: checks an exported Make app (by default the one
 * `npm run build:make` wrote) against Make's published schemas and the rules they leave out.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from '../cli/io.js';
import { packageRoot } from '../paths.js';
import { APP_NAME } from './export.js';
import { loadMakeSchemas, MakeSchemasMissing } from './validate/make-schemas.js';
import { validateMakeApp } from './validate/validate-app.js';

/** Where `npm run build:make` writes the app, and where this repository's checkout finds Make's schemas. */
export const DEFAULT_APP_DIR = join(packageRoot, 'dist', 'make-app', APP_NAME);
export const DEFAULT_SCHEMAS_DIR = join(packageRoot, '..', 'shared', 'reference', 'make-apps-sdk');

export const makeHelp = `Usage: verify-connector make validate [dir] [--schemas DIR] [--json]

Checks a Make custom app folder in the archive layout (default: ${DEFAULT_APP_DIR}, written by
\`npm run build:make\`): every file against Make's own JSON Schemas, then what they leave out — unique parameter
names, select defaults among their options, every {{parameters.x}} and {{connection.x}} declared, balanced {{ }},
the Authorization header sanitised in logs, a universal module's URL locked to the app's host, and the references
between components. Each problem is printed as file, JSON pointer and message.

  --schemas DIR   Make's schemas: the folder syntaxes/imljson/schemas of integromat/vscode-apps-sdk, or a folder
                  holding it as imljson/ (default: ${DEFAULT_SCHEMAS_DIR})
  --json          the report as JSON

Exit 0 when valid, 1 when not, 2 on usage errors (no such folder, no schemas).`;

/** A folder holding metadata.json, or a folder with exactly one such app folder in it (dist/make-app). */
function appFolder(dir: string): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder: give the app folder (the one holding metadata.json), or run npm run build:make first.`);
  if (existsSync(join(dir, 'metadata.json'))) return dir;
  const inner = join(dir, APP_NAME);
  if (existsSync(join(inner, 'metadata.json'))) return inner;
  throw new UsageError(`${dir} holds no metadata.json: give the app folder itself.`);
}

export async function makeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { schemas: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true });
  const [action, dir, ...extra] = positionals;
  if (action !== 'validate') throw new UsageError(action === undefined ? 'make needs a command: validate.' : `unknown make command "${action}": use validate.`);
  if (extra.length > 0) throw new UsageError('make validate takes at most one folder.');
  const folder = appFolder(resolve(dir ?? DEFAULT_APP_DIR));
  let schemas;
  try {
    schemas = loadMakeSchemas(resolve(values.schemas ?? DEFAULT_SCHEMAS_DIR));
  } catch (error) {
    if (error instanceof MakeSchemasMissing) throw new UsageError(error.message);
    throw error;
  }
  const report = validateMakeApp(folder, schemas);
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
    return report.valid ? EXIT_OK : EXIT_FAILED;
  }
  for (const p of report.problems) io.out(`${p.severity}: ${p.file} ${p.pointer || '/'}: ${p.message}`);
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const { connections, modules, rpcs } = report.components;
  io.out(
    report.valid
      ? `The Make app is valid: ${report.files} files, ${connections} connection${connections === 1 ? '' : 's'}, ${modules} modules, ${rpcs} RPC${rpcs === 1 ? '' : 's'}.`
      : `${errors} problem${errors === 1 ? '' : 's'} found in ${report.files} files.`,
  );
  return report.valid ? EXIT_OK : EXIT_FAILED;
}
