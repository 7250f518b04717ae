import { Command, Option } from 'commander';
import { act, connectionOption, dirOption, emulatorOption, jsonOption, type CliContext } from '../command-kit.js';
import { connectionFrom, readJsonObjectArgument } from '../connection-source.js';
import { didYouMean } from '../did-you-mean.js';
import { withEmulator } from '../emulator-target.js';
import { EXIT_OK, UsageError } from '../io.js';

interface RunOptions {
  input?: string;
  connection?: string;
  emulator?: true | string;
  dir?: string;
  json?: boolean;
}

export function runCommand(ctx: CliContext): Command {
  return new Command('run')
    .summary('run one module and print its output as JSON')
    .description('Runs one module and prints its output as JSON.')
    .argument('<module>', 'the module id, e.g. list-services (verify-connector modules lists them)')
    .addOption(new Option('--input <json|@file>', "the module's input, as JSON or @file.json (default {})"))
    .addOption(connectionOption())
    .addOption(emulatorOption('use a running emulator at url (credentials from --connection or the environment, as `verify-connector emulator` prints them), or start one just for this call'))
    .addOption(dirOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      '\nThe connection: --connection, else TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET;\n' +
        'the Auth Token wins when both are set). Exit 0 done, 1 the call failed, 2 the command line was wrong.\n' +
        `Example: verify-connector run create-service --input '{"friendlyName":"Acme"}' --emulator`,
    )
    .action(act(ctx, (moduleId: string, options: RunOptions) => run(ctx, moduleId, options)));
}

async function run(ctx: CliContext, moduleId: string, options: RunOptions): Promise<number> {
  const input = options.input === undefined ? {} : readJsonObjectArgument(options.input, '--input');
  const { loadConnector } = await import('../../manifest/load.js');
  const connector = await loadConnector(options.dir);
  if (!connector.modules.some((m) => m.id === moduleId)) {
    const ids = connector.modules.map((m) => m.id);
    throw new UsageError(`no module "${moduleId}" in this connector.${didYouMean(moduleId, ids)} Run verify-connector modules${options.dir ? ` --dir ${options.dir}` : ''} to list them.`);
  }
  const note = (text: string): void => ctx.io.err(text);
  const call = async (connection: Record<string, unknown>): Promise<number> => {
    const output = await connector.execute(moduleId, connection, input);
    ctx.io.out(JSON.stringify(output, null, 2));
    return EXIT_OK;
  };
  if (options.emulator !== undefined) return withEmulator(options.emulator, options.connection, note, call);
  return call(connectionFrom(options.connection, process.env, note));
}
