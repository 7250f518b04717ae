import { parseArgs } from 'node:util';
import { connectionFrom } from '../connection-source.js';
import { EXIT_OK, UsageError, type CliIo } from '../io.js';

export const playgroundHelp = `Usage: verify-connector playground [--port N] [--dir DIR] [--connection <json|@file>]

Serves one page on 127.0.0.1 with every module of the connector as a form, generated from its schemas: run a
module and see the exact request, the output (click a field to copy its mapping path such as $.status) or the
error with its remedy; a phone panel shows what the emulator "delivered"; the flow templates run step by step.

  --port N          the page's port (default: a free one)
  --dir DIR         a connector folder to show (default: this package's); changes to its files show on reload
  --connection X    use a real Twilio account instead of the emulator: JSON or @file ({ accountSid, authToken } or
                    an API key pair). Without it, TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN are NOT read: the emulator runs.
                    The secrets stay in this process; the page never receives them.

The printed URL carries a token that every call of the page must present; keep it to yourself. Ctrl-C stops.`;

export async function playgroundCommand(argv: string[], io: CliIo, stop: Promise<void> = waitForSignal()): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, dir: { type: 'string' }, connection: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a whole number from 0 to 65535.');
  const connection = values.connection !== undefined ? connectionFrom(values.connection) : undefined;
  const { startPlayground } = await import('../../playground/server.js');
  const playground = await startPlayground({ port, ...(values.dir ? { dir: values.dir } : {}), ...(connection ? { connection } : {}) });
  io.out(`Playground: ${playground.url}`);
  io.out(
    playground.target.kind === 'emulator'
      ? `Calls go to an offline Twilio Verify emulator started for this page (${playground.target.baseUrl('verify')}); nothing leaves this machine.`
      : 'Calls go to your Twilio account: they send real messages and may cost money.',
  );
  io.out('Open the address above in a browser (it holds this run\'s token). Ctrl-C to stop.');
  await stop;
  await playground.close();
  return EXIT_OK;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
