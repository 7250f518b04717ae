import { parseArgs } from 'node:util';
import { validateManifest } from '../../manifest/validate.js';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io.js';

export const validateHelp = `Usage: verify-connector validate [dir] [--json]

Checks a connector folder (this package when no dir is given): manifest.json against the meta-schema,
every module file and schema, wire mappings, path placeholders and examples.
Prints each problem as file, JSON pointer, message and hint. Exit 0 when valid, 1 when not, 2 on usage errors.`;

export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length > 1) throw new (await import('../io.js')).UsageError('validate takes at most one folder.');
  const report = validateManifest(positionals[0]);
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
    return report.valid ? EXIT_OK : EXIT_FAILED;
  }
  for (const p of report.errors) {
    io.out(`${p.severity}: ${p.file} ${p.pointer || '/'}: ${p.message}`);
    if (p.hint) io.out(`  hint: ${p.hint}`);
  }
  const errors = report.errors.filter((p) => p.severity === 'error').length;
  io.out(report.valid ? 'The connector is valid.' : `${errors} problem${errors === 1 ? '' : 's'} found.`);
  return report.valid ? EXIT_OK : EXIT_FAILED;
}
