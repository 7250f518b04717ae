import { Command } from 'commander';
import { act, dirOption, jsonOption, type CliContext } from '../command-kit.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../io.js';
import { printProblems } from '../problems.js';

export function validateCommand(ctx: CliContext): Command {
  return new Command('validate')
    .summary('check a connector folder: manifest, modules, schemas, wire mappings, examples')
    .description(
      'Checks a connector folder (this package when no folder is given): manifest.json against the meta-schema,\n' +
        'every module file and schema, wire mappings, path placeholders and examples.\n' +
        'Prints each problem as file, JSON pointer, message and hint. Exit 0 when valid, 1 when not, 2 on usage errors.',
    )
    .argument('[dir]', 'the connector folder')
    .addOption(dirOption()) // as modules, docs and run take it: `validate --dir X` is `validate X`
    .addOption(jsonOption())
    .action(
      act(ctx, async (folder: string | undefined, options: { dir?: string; json?: boolean }) => {
        if (folder !== undefined && options.dir !== undefined && folder !== options.dir) throw new UsageError(`give the connector folder once: ${folder} or --dir ${options.dir}, not both.`);
        const dir = folder ?? options.dir;
        const { validateManifest } = await import('../../manifest/validate.js');
        const report = validateManifest(dir);
        if (options.json) ctx.io.out(JSON.stringify(report, null, 2));
        else {
          printProblems(ctx.io, report.errors, 'manifest.json');
          if (report.valid) ctx.io.out('The connector is valid.');
        }
        return report.valid ? EXIT_OK : EXIT_FAILED;
      }),
    );
}
