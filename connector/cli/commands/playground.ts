import { statSync } from 'node:fs';
import { Command, Option } from 'commander';
import { act, connectionOption, dirOption, jsonOption, listenFailure, parsePort, type CliContext } from '../command-kit.js';
import { readJsonObjectArgument } from '../connection-source.js';
import { EXIT_OK, UsageError } from '../io.js';

interface PlaygroundCommandOptions {
  port: number;
  dir?: string;
  connection?: string;
  json?: boolean;
}

export function playgroundCommand(ctx: CliContext): Command {
  return new Command('playground')
    .summary('open a local page with every module as a form, run against the emulator')
    .description(
      'Serves one page on 127.0.0.1 with every module of the connector as a form generated from its schemas: run a\n' +
        'module and see the exact request, the output (click a field to copy its mapping path such as $.status) or the\n' +
        'error with its remedy; a phone panel shows what the emulator "delivered"; the flow templates run step by step.\n' +
        'The printed address carries a token that every call of the page must present. Ctrl-C stops.',
    )
    .addOption(new Option('--port <n>', "the page's port (0 picks a free one)").argParser(parsePort).default(0))
    .addOption(dirOption())
    .addOption(connectionOption().default(undefined, 'none: an emulator is started for the page (TWILIO_* variables are not read)'))
    .addOption(jsonOption())
    .addHelpText('after', '\nWith --connection the page runs against that Twilio account: real messages, real costs. Its secrets stay in this\nprocess; the page never receives them. Details: docs/playground.md.')
    .action(act(ctx, (options: PlaygroundCommandOptions) => playground(ctx, options)));
}

async function playground(ctx: CliContext, options: PlaygroundCommandOptions): Promise<number> {
  const connection = options.connection !== undefined ? readJsonObjectArgument(options.connection, '--connection') : undefined;
  // The page follows a connector being written (its problems shown as it changes), but it needs a folder to watch.
  if (options.dir !== undefined && !statSync(options.dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--dir ${options.dir || "''"} is not a folder: give the connector folder, the one holding manifest.json.`);
  }
  // A connection that cannot sign a request is refused now (invalid_connection), not on the page's first call.
  if (connection) (await import('../../transport/connection.js')).resolveConnection(connection);
  const { startPlayground } = await import('../../playground/server.js');
  let started: Awaited<ReturnType<typeof startPlayground>>;
  try {
    started = await startPlayground({ port: options.port, ...(options.dir ? { dir: options.dir } : {}), ...(connection ? { connection } : {}) });
  } catch (error) {
    throw listenFailure(error, options.port);
  }
  const emulatorUrl = started.target.kind === 'emulator' ? started.target.baseUrl('verify') : null;
  if (options.json) {
    ctx.io.out(JSON.stringify({ ok: true, url: started.url, target: started.target.kind, emulator: emulatorUrl }, null, 2));
  } else {
    ctx.io.out(`Playground: ${started.url}`);
    ctx.io.out(
      emulatorUrl
        ? `Calls go to an offline Twilio Verify emulator started for this page (${emulatorUrl}); nothing leaves this machine.`
        : 'Calls go to your Twilio account: they send real messages and may cost money.',
    );
    ctx.io.out("Open the address above in a browser (it holds this run's token). Ctrl-C to stop.");
  }
  await ctx.untilStopped();
  await started.close();
  return EXIT_OK;
}
