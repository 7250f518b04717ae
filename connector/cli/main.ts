#!/usr/bin/env node
/** verify-connector: the command line. Each command lives in commands/; this file only routes and reports. */
import { printError } from './format-error.js';
import { EXIT_FAILED, EXIT_USAGE, processIo, UsageError, type CliIo } from './io.js';

type Command = { summary: string; help: () => Promise<string>; run: (argv: string[], io: CliIo) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  demo: {
    summary: 'the whole verification story on the built-in emulator (what `npm start` runs)',
    help: async () => (await import('./commands/demo.js')).demoHelp,
    run: async (argv, io) => (await import('./commands/demo.js')).demoCommand(argv, io),
  },
  validate: {
    summary: 'check a connector folder: manifest, modules, schemas, wire mappings, examples',
    help: async () => (await import('./commands/validate.js')).validateHelp,
    run: async (argv, io) => (await import('./commands/validate.js')).validateCommand(argv, io),
  },
  modules: {
    summary: 'list the modules',
    help: async () => (await import('./commands/modules.js')).modulesHelp,
    run: async (argv, io) => (await import('./commands/modules.js')).modulesCommand(argv, io),
  },
  run: {
    summary: 'run one module and print its output as JSON',
    help: async () => (await import('./commands/run.js')).runHelp,
    run: async (argv, io) => (await import('./commands/run.js')).runCommand(argv, io),
  },
  docs: {
    summary: "describe the modules and their fields",
    help: async () => (await import('./commands/docs.js')).docsHelp,
    run: async (argv, io) => (await import('./commands/docs.js')).docsCommand(argv, io),
  },
  sms: {
    summary: 'the passwordless SMS connector (Logto): validate a config, send a test code',
    help: async () => (await import('./sms.js')).SMS_HELP,
    run: async (argv, io) => (await import('./sms.js')).smsCommand(argv, io),
  },
  emulator: {
    summary: 'run the offline Twilio Verify emulator in the foreground',
    help: async () => (await import('./commands/emulator.js')).emulatorHelp,
    run: async (argv, io) => (await import('./commands/emulator.js')).emulatorCommand(argv, io),
  },
  make: {
    summary: 'check an exported Make / Boost.space custom app (npm run build:make writes it)',
    help: async () => (await import('../make/cli.js')).makeHelp,
    run: async (argv, io) => (await import('../make/cli.js')).makeCommand(argv, io),
  },
  flow: {
    summary: 'list, validate and run verification flows (Studio sub-flow, Next Matter workflow, Vonage fallbacks)',
    help: async () => (await import('./commands/flow.js')).flowHelp,
    run: async (argv, io) => (await import('./commands/flow.js')).flowCommand(argv, io),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'Usage: verify-connector <command> [options]   (verify-connector <command> --help for more)',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`verify-connector: unknown command "${name}".\n\n${usage()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(await command.help());
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`verify-connector ${name}: ${(error as Error).message}\n\n${await command.help()}`);
      return EXIT_USAGE;
    }
    printError(io, error);
    return EXIT_FAILED;
  }
}

// Run when executed as the bin (not when imported by tests).
const invokedPath = process.argv[1] ? (await import('node:fs')).realpathSync(process.argv[1]) : '';
if (invokedPath === (await import('node:url')).fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
