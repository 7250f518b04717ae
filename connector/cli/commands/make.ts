import { Command, Option } from 'commander';
import { act, jsonOption, type CliContext } from '../command-kit.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../io.js';
import { printProblems } from '../problems.js';

/** `make validate`: the logic is connector/make/ (validate/validate-app.ts); this file only declares and prints. */
export function makeCommand(ctx: CliContext): Command {
  const make = new Command('make').summary('the Make / Boost.space custom app (npm run build:make writes it)');
  make.addCommand(
    new Command('validate')
      .summary("check an exported Make app against Make's schemas and the rules they leave out")
      .description(
        'Checks a Make custom app folder in the archive layout (default: dist/make-app/twilio-verify, written by\n' +
          "`npm run build:make`): every file against Make's own JSON Schemas, then what they leave out — unique parameter\n" +
          'names, select defaults among their options, every {{parameters.x}} and {{connection.x}} declared, balanced {{ }},\n' +
          "the Authorization header sanitised in logs, a universal module's URL locked to the app's host, and the references\n" +
          'between components. Prints each problem as file, JSON pointer and message. Exit 0 when valid, 1 when not.',
      )
      .argument('[dir]', 'the app folder (the one holding metadata.json)')
      .addOption(new Option('--schemas <dir>', "Make's schemas: syntaxes/imljson/schemas of integromat/vscode-apps-sdk, or a folder holding it as imljson/ (default: ../shared/reference/make-apps-sdk)"))
      .addOption(jsonOption())
      .action(
        act(ctx, async (dir: string | undefined, options: { schemas?: string; json?: boolean }) => {
          const { resolve } = await import('node:path');
          const { appFolder, DEFAULT_APP_DIR, DEFAULT_SCHEMAS_DIR } = await import('../../make/locations.js');
          const { loadMakeSchemas } = await import('../../make/validate/make-schemas.js');
          const { validateMakeApp } = await import('../../make/validate/validate-app.js');
          let folder: string;
          let schemas;
          try {
            folder = appFolder(resolve(dir ?? DEFAULT_APP_DIR));
            schemas = loadMakeSchemas(resolve(options.schemas ?? DEFAULT_SCHEMAS_DIR));
          } catch (error) {
            throw new UsageError((error as Error).message);
          }
          const report = validateMakeApp(folder, schemas);
          if (options.json) ctx.io.out(JSON.stringify(report, null, 2));
          else {
            printProblems(ctx.io, report.problems, 'metadata.json');
            const { connections, modules, rpcs } = report.components;
            if (report.valid) ctx.io.out(`The Make app is valid: ${report.files} files, ${connections} connection${connections === 1 ? '' : 's'}, ${modules} modules, ${rpcs} RPC${rpcs === 1 ? '' : 's'}.`);
          }
          return report.valid ? EXIT_OK : EXIT_FAILED;
        }),
      ),
  );
  return make;
}
