import { Command, Option } from 'commander';
import { isLoopbackHost } from '../../../emulator/host.js';
import { act, jsonOption, listenFailure, parsePort, type CliContext } from '../command-kit.js';
import { EXIT_OK, UsageError } from '../io.js';

interface EmulatorCommandOptions {
  port: number;
  host: string;
  unsafePublic?: boolean;
  json?: boolean;
}

export function emulatorCommand(ctx: CliContext): Command {
  return new Command('emulator')
    .summary('run the offline Twilio Verify emulator in the foreground')
    .description(
      'Runs the offline Twilio Verify emulator in the foreground until Ctrl-C. It prints its URL and credentials;\n' +
        'point `run` at it with --emulator URL and the printed environment variables. Codes it "sends" are listed at\n' +
        '<URL>/__emulator/outbox. Credentials: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from the environment when set, else new random ones.',
    )
    .addOption(new Option('--port <n>', 'the port (0 picks a free one)').argParser(parsePort).default(0))
    .addOption(new Option('--host <address>', 'a loopback address to listen on').default('127.0.0.1'))
    .addOption(new Option('--unsafe-public', 'allow a --host other machines can reach (they can read every code sent)'))
    .addOption(jsonOption())
    .action(act(ctx, (options: EmulatorCommandOptions) => emulator(ctx, options)));
}

async function emulator(ctx: CliContext, options: EmulatorCommandOptions): Promise<number> {
  const { io } = ctx;
  const publicHost = !isLoopbackHost(options.host);
  if (publicHost && !options.unsafePublic) {
    throw new UsageError(`--host ${options.host || "''"} is not a loopback address: the emulator hands out codes and credentials to whoever reaches it. Use 127.0.0.1 (the default), or add --unsafe-public on a trusted network.`);
  }
  const { startEmulator } = await import('../../../emulator/index.js');
  const accountSid = process.env['TWILIO_ACCOUNT_SID'];
  const authToken = process.env['TWILIO_AUTH_TOKEN'];
  // Credentials from the environment are the person's own: used, never printed. Generated ones are printed.
  const fromEnv = Boolean(accountSid && /^AC[0-9a-fA-F]{32}$/.test(accountSid) && authToken);
  let started: Awaited<ReturnType<typeof startEmulator>>;
  try {
    started = await startEmulator({ port: options.port, host: options.host, unsafePublic: publicHost, ...(fromEnv ? { accountSid, authToken } : {}) });
  } catch (error) {
    throw listenFailure(error, options.port, options.host);
  }
  const listening = `${options.host.includes(':') ? `[${options.host}]` : options.host}:${new URL(started.url).port}`;
  const warning = publicHost
    ? `warning: listening on ${listening}${options.host === '0.0.0.0' || options.host === '::' ? ' (every network interface)' : ''}: anyone who can reach it can read the codes in its outbox and use its credentials. Stop it when done.`
    : undefined;
  if (warning) io.err(warning);
  if (options.json) {
    io.out(JSON.stringify({ ok: true, url: started.url, listening, outbox: `${started.url}/__emulator/outbox`, accountSid: started.accountSid, ...(fromEnv ? {} : { authToken: started.authToken }) }, null, 2));
  } else {
    io.out(`Twilio Verify emulator listening on ${started.url}${publicHost ? ` (bound to ${listening})` : ''}`);
    io.out('');
    if (fromEnv) {
      io.out('It accepts TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from your environment. In another terminal with the same environment:');
    } else {
      io.out('Point the CLI at it (in another terminal):');
      io.out(`  export TWILIO_ACCOUNT_SID=${started.accountSid}`);
      io.out(`  export TWILIO_AUTH_TOKEN=${started.authToken}`);
    }
    io.out(`  verify-connector run create-service --input '{"friendlyName":"Acme"}' --emulator ${started.url}`);
    io.out('');
    io.out(`Codes it sends: ${started.url}/__emulator/outbox   (Ctrl-C to stop)`);
  }
  await ctx.untilStopped();
  await started.close();
  return EXIT_OK;
}
