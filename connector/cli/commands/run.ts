import { parseArgs } from 'node:util';
import { loadConnector } from '../../manifest/load.js';
import { ConnectorError } from '../../errors/connector-error.js';
import { connectionFrom, readJsonArgument } from '../connection-source.js';
import { printError } from '../format-error.js';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.js';
import { withEmulator } from '../emulator-target.js';

export const runHelp = `Usage: verify-connector run <module> [--input <json|@file>] [--connection <json|@file>] [--emulator [URL]] [--json]

Runs one module and prints its output as JSON.
  --input        the module's input, as JSON or @file.json (default {})
  --connection   { "accountSid", "authToken" } or { "accountSid", "apiKeySid", "apiKeySecret" }, JSON or @file;
                 default: TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET)
  --emulator     use a running emulator at URL (credentials from the environment, as printed by
                 \`verify-connector emulator\`), or start one just for this call when no URL is given
  --json         print errors as JSON on stdout too
Example: verify-connector run create-service --input '{"friendlyName":"Acme"}' --emulator`;

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { input: { type: 'string' }, connection: { type: 'string' }, emulator: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [moduleId, emulatorUrl, ...rest] = positionals;
  if (!moduleId) throw new UsageError('name the module to run, for example: verify-connector run list-services');
  if (rest.length > 0 || (emulatorUrl !== undefined && !values.emulator)) throw new UsageError(`unexpected argument "${rest[0] ?? emulatorUrl}".`);
  const input = values.input === undefined ? {} : readJsonArgument(values.input, '--input');
  const connector = await loadConnector();
  try {
    connector.module(moduleId);
  } catch (error) {
    throw new UsageError((error as ConnectorError).message + ' ' + ((error as ConnectorError).remedy ?? ''));
  }
  const run = async (connection: Record<string, unknown>): Promise<number> => {
    try {
      const output = await connector.execute(moduleId, connection, input);
      io.out(JSON.stringify(output, null, 2));
      return EXIT_OK;
    } catch (error) {
      printError(io, error, values.json);
      return EXIT_FAILED;
    }
  };
  if (values.emulator) return withEmulator(emulatorUrl, values.connection, run);
  return run(connectionFrom(values.connection));
}
