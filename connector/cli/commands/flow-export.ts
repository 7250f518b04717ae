import { Command, Option } from 'commander';
import { act, jsonOption, type CliContext } from '../command-kit.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../io.js';

/** `flow export <scenario> --to n8n`: the logic is connector/n8n/flows/ (export.ts); this file declares and prints. */
export function flowExportCommand(ctx: CliContext): Command {
  const { io } = ctx;
  return new Command('export')
    .summary('turn a scenario into importable n8n workflows (its sub-scenarios too)')
    .argument('<file|template>', 'a scenario file, or the id of a template')
    .addOption(new Option('--to <host>', 'the host to export to').choices(['n8n']).makeOptionMandatory())
    .addOption(new Option('--out <dir>', 'write one <workflow id>.json per workflow into this folder instead of printing them'))
    .addOption(new Option('--credential <id>', 'the id of the Twilio Verify API credential the nodes name (default twilioVerifyAccount)'))
    .addOption(jsonOption())
    .addHelpText(
      'after',
      '\nPrints the workflow (a list when the scenario calls sub-scenarios), or writes the files with --out.\n' +
        'Import: n8n import:workflow --separate --input=<dir> (keeps the ids the workflows call each other by), then publish them.\n' +
        'A step with no n8n equivalent is refused by name (exit 1). Example: verify-connector flow export vonage-fallback-1 --to n8n --out workflows/',
    )
    .action(
      act(ctx, async (ref: string, options: { out?: string; credential?: string; json?: boolean }) => {
        const { loadConnector } = await import('../../index.js');
        const { exportScenario, writeWorkflows, ExportError, EXPORT_CREDENTIAL } = await import('../../n8n/flows/export.js');
        const { validScenarioArgument } = await import('./flow-actions.js');
        const credential = options.credential ? { id: options.credential, name: EXPORT_CREDENTIAL.name } : EXPORT_CREDENTIAL;
        // Only a scenario that validates is exported: the exporter reads a sound one, and its problems are said by pointer.
        const loaded = await validScenarioArgument(ref, 'export');
        let workflows;
        try {
          workflows = exportScenario(await loadConnector(), loaded, { credential });
        } catch (error) {
          if (!(error instanceof ExportError)) throw error;
          if (options.json) io.out(JSON.stringify({ ok: false, error: { code: 'not_exportable', message: error.message, scenario: error.scenario, step: error.step, pointer: error.pointer } }, null, 2));
          else io.err(`error (not_exportable): ${error.message}`);
          return EXIT_FAILED;
        }
        if (options.out) {
          let files: string[];
          try {
            files = writeWorkflows(workflows, options.out);
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            throw new UsageError(`--out ${options.out}: cannot write the workflows there (${code ?? 'an error'}${code === 'EEXIST' || code === 'ENOTDIR' ? ': a file is in the way' : ''}); give a folder to create or one you can write to.`);
          }
          if (options.json) io.out(JSON.stringify({ ok: true, files }, null, 2));
          else for (const file of files) io.out(`wrote ${file}`);
        } else {
          io.out(JSON.stringify(workflows.length === 1 ? workflows[0] : workflows, null, 2));
        }
        return EXIT_OK;
      }),
    );
}
