#!/usr/bin/env node
/** verify-connector: the command line. The commands are declared in program.ts; this file runs one and reports. */
import { untilSignal, type CliContext } from './command-kit.js';
import { printError, printUsageError } from './failure.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, processIo, UsageError, type CliIo } from './io.js';
import { buildProgram, CommandLineExit, commandPath, helpAsOption } from './program.js';

/** Runs one command line; resolves the exit code. `untilStopped` ends foreground commands (tests pass their own). */
export async function main(argv: string[], io: CliIo = processIo, untilStopped: () => Promise<void> = untilSignal): Promise<number> {
  const ctx: CliContext = { io, exitCode: EXIT_OK, untilStopped };
  const program = buildProgram(ctx);
  const end = argv.indexOf('--');
  const json = (end === -1 ? argv : argv.slice(0, end)).includes('--json');
  let active = program;
  program.hook('preAction', (_program, command) => {
    active = command;
  });
  try {
    await program.parseAsync(helpAsOption(program, argv), { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommandLineExit) {
      const { reason, command } = error;
      if (reason.code === 'commander.helpDisplayed' || reason.code === 'commander.version') return EXIT_OK;
      // Help shown because a subcommand is missing (`verify-connector sms`): it went to stderr.
      if (reason.code === 'commander.help') return reason.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      return printUsageError(io, { message: reason.message.replace(/^error: /, ''), command: commandPath(command), usage: command.usage() }, json);
    }
    if (error instanceof UsageError) return printUsageError(io, { message: error.message, command: commandPath(active), usage: active.usage() }, json);
    return printError(io, error, json);
  }
}

/** A closed pipe (`verify-connector modules | head -1`) ends the command quietly: nobody is left to read. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    process.exit(error.code === 'EPIPE' ? EXIT_OK : EXIT_FAILED);
  });
}

// Run when executed as the bin (not when imported by tests).
const invokedPath = process.argv[1] ? (await import('node:fs')).realpathSync(process.argv[1]) : '';
if (invokedPath === (await import('node:url')).fileURLToPath(import.meta.url)) {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  process.exitCode = await main(process.argv.slice(2));
}
