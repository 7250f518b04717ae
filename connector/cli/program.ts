/**
 * The command line as one commander declaration: every command, its arguments, options and help come from here and
 * from the command files it registers, so `--help`, `help <command>`, `--version` and usage errors are the same
 * everywhere.
 *
 * To add a command:
 *   1. In your own room, export a factory `(ctx: CliContext) => Command` (see commands/modules.ts for a small one):
 *      declare its arguments and options with commander (shared ones from command-kit.ts: jsonOption, dirOption,
 *      emulatorOption, connectionOption), and give `.action(act(ctx, async (…) => exitCode))`. Keep the file cheap to
 *      import: load heavy logic inside the action with `await import(…)`, as the commands here do.
 *      Write through ctx.io (never console): results on stdout, notes and errors on stderr; with --json exactly one
 *      JSON document on stdout. Throw UsageError (io.ts) for a wrong command line (exit 2), a ConnectorError or
 *      FlowError for a failure (exit 1): main() prints them in one format. Validate commands print their problems
 *      on stdout with printProblems (problems.ts).
 *   2. Register it below with one line: `program.addCommand(yourCommand(ctx))`, or under an existing command
 *      (`flow.addCommand(…)`, `demo.addCommand(…)`) for a subcommand.
 *   3. Add a test through runCli (test/support/cli.ts); test/cli/json-everywhere.test.ts walks every command.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, type CommanderError } from 'commander';
import { closest } from '../manifest/suggest.js';
import { packageRoot } from '../paths.js';
import type { CliContext } from './command-kit.js';
import { demoCommand } from './commands/demo.js';
import { demoTotpCommand } from './commands/demo-totp.js';
import { docsCommand } from './commands/docs.js';
import { emulatorCommand } from './commands/emulator.js';
import { flowCommand } from './commands/flow.js';
import { makeCommand } from './commands/make.js';
import { modulesCommand } from './commands/modules.js';
import { playgroundCommand } from './commands/playground.js';
import { runCommand } from './commands/run.js';
import { smsCommand } from './commands/sms.js';
import { validateCommand } from './commands/validate.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('verify-connector')
    .description('Twilio Verify as a declarative connector: validate it, list and run its modules, run the offline emulator, the SMS connector and flows.')
    .addHelpText('after', '\nExit codes: 0 done, 1 the work failed, 2 the command line was wrong. Every command takes --help; most take --json.');

  program.addCommand(demoCommand(ctx).addCommand(demoTotpCommand(ctx)));
  program.addCommand(validateCommand(ctx));
  program.addCommand(modulesCommand(ctx));
  program.addCommand(docsCommand(ctx));
  program.addCommand(runCommand(ctx));
  program.addCommand(emulatorCommand(ctx));
  program.addCommand(smsCommand(ctx));
  program.addCommand(flowCommand(ctx));
  program.addCommand(playgroundCommand(ctx));
  program.addCommand(makeCommand(ctx));

  configure(program, ctx, version());
  return program;
}

/** A commander exit (help shown, version shown, or a usage error) with the command it came from. */
export class CommandLineExit extends Error {
  constructor(
    readonly reason: CommanderError,
    readonly command: Command,
  ) {
    super(reason.message);
  }
}

/** The settings every command shares, applied down the tree (addCommand does not inherit them). */
function configure(command: Command, ctx: CliContext, version: string): void {
  // Descriptions are wrapped by commander to the terminal's width: a line break inside a paragraph would cut that
  // wrapping into ragged lines, so only paragraph breaks (blank lines) are kept.
  const description = command.description();
  if (description) command.description(description.replace(/([^\n])\n(?!\n)/g, '$1 '));
  command
    .configureOutput({
      writeOut: (text) => ctx.io.out(text.replace(/\n$/, '')),
      writeErr: (text) => ctx.io.err(text.replace(/\n$/, '')),
      outputError: () => undefined, // main() prints usage errors in the one format
    })
    .exitOverride((reason) => {
      throw new CommandLineExit(reason, command);
    })
    .showSuggestionAfterError(true)
    .enablePositionalOptions() // `demo --json` and `demo totp --json`: an option belongs to the command it follows
    .helpOption('-h, --help', 'show this help')
    .version(version, '-V, --version', 'print the version');
  for (const sub of command.commands) configure(sub, ctx, version);
}

/**
 * `help flow run` (and `flow help run`) as `flow run --help`: commander's own help command looks one level down
 * only. A word that names no command is a usage error with the closest name. Other command lines are returned as given.
 */
export function helpAsOption(program: Command, argv: string[]): string[] {
  let command = program;
  const path: string[] = [];
  for (const [i, word] of argv.entries()) {
    if (word === 'help' && command.commands.length > 0) {
      let target = command;
      for (const name of argv.slice(i + 1).filter((w) => !w.startsWith('-'))) {
        const next = target.commands.find((c) => c.name() === name);
        if (!next) {
          const guess = closest(name, target.commands.map((c) => c.name()));
          throw new CommandLineExit({ code: 'commander.unknownCommand', exitCode: 2, message: `unknown command '${name}'${guess ? `\n(Did you mean ${guess}?)` : ''}` } as CommanderError, target);
        }
        target = next;
        path.push(name);
      }
      return [...path, '--help'];
    }
    const next = command.commands.find((c) => c.name() === word);
    if (!next) return argv;
    command = next;
    path.push(word);
  }
  return argv;
}

/** The full name a person types: `verify-connector sms send`. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
