import { parseArgs } from 'node:util';
import { EXIT_OK, UsageError, type CliIo } from '../io.js';

export const emulatorHelp = `Usage: verify-connector emulator [--port N] [--host 127.0.0.1]

Runs the offline Twilio Verify emulator in the foreground until Ctrl-C. It prints its URL and credentials;
point \`run\` at it with --emulator URL and the printed environment variables. Codes it "sends" are listed at
<URL>/__emulator/outbox. Credentials: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from the environment when set, else new random ones.`;

export async function emulatorCommand(argv: string[], io: CliIo, stop: Promise<void> = waitForSignal()): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, host: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a whole number from 0 to 65535.');
  const { startEmulator } = await import('../../../emulator/index.js');
  const accountSid = process.env['TWILIO_ACCOUNT_SID'];
  const authToken = process.env['TWILIO_AUTH_TOKEN'];
  // Credentials from the environment are the person's own: used, never printed. Generated ones are printed.
  const fromEnv = Boolean(accountSid && /^AC[0-9a-fA-F]{32}$/.test(accountSid) && authToken);
  const emulator = await startEmulator({
    port,
    ...(values.host ? { host: values.host } : {}),
    ...(fromEnv ? { accountSid, authToken } : {}),
  });
  io.out(`Twilio Verify emulator listening on ${emulator.url}`);
  io.out('');
  if (fromEnv) {
    io.out('It accepts TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from your environment. In another terminal with the same environment:');
  } else {
    io.out('Point the CLI at it (in another terminal):');
    io.out(`  export TWILIO_ACCOUNT_SID=${emulator.accountSid}`);
    io.out(`  export TWILIO_AUTH_TOKEN=${emulator.authToken}`);
  }
  io.out(`  verify-connector run create-service --input '{"friendlyName":"Acme"}' --emulator ${emulator.url}`);
  io.out('');
  io.out(`Codes it sends: ${emulator.url}/__emulator/outbox   (Ctrl-C to stop)`);
  await stop;
  await emulator.close();
  return EXIT_OK;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
