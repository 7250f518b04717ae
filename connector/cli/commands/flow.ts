import { Command, Option } from 'commander';
import { act, collect, connectionOption, emulatorOption, jsonOption, type CliContext } from '../command-kit.js';
import type { FlowRunOptions } from './flow-actions.js';
import { flowExportCommand } from './flow-export.js';

const actions = () => import('./flow-actions.js');

export function flowCommand(ctx: CliContext): Command {
  const { io } = ctx;
  return new Command('flow')
    .summary('list, validate and run verification flows (Studio sub-flow, Next Matter workflow, Vonage fallbacks)')
    .description('Verification flows: scenarios as data (docs/flows.md). Templates ship in flows/.')
    .addCommand(
      new Command('list')
        .summary('the templates: id and title')
        .addOption(jsonOption())
        .action(act(ctx, async (options: { json?: boolean }) => (await actions()).list(Boolean(options.json), io))),
    )
    .addCommand(
      new Command('validate')
        .summary('check a scenario: its shape, every reference (JSON pointers), modules and sub-scenarios; exit 1 if invalid')
        .argument('<file|template>', 'a scenario file, or the id of a template')
        .addOption(jsonOption())
        .action(act(ctx, async (ref: string, options: { json?: boolean }) => (await actions()).validate(ref, Boolean(options.json), io))),
    )
    .addCommand(
      new Command('run')
        .summary('run a scenario, printing each step as it runs, then its result')
        .argument('<file|template>', 'a scenario file, or the id of a template')
        .addOption(new Option('--param <name=value>', 'a parameter, e.g. --param to=+15005550006 (repeat for more)').argParser(collect).default([]))
        .addOption(emulatorOption('start an emulator for this run (its clock moves through waits, so nothing takes minutes), or use a running one at url (credentials from --connection or the environment)'))
        .addOption(connectionOption())
        .addOption(new Option('--answers <a,b,c>', "answer the flow's questions from this list instead of prompting; @code reads the latest code from the emulator's outbox, an empty item is an empty answer"))
        .addOption(new Option('--json', 'print one JSON document ({ ok, result } or { ok: false, error }); steps go to stderr'))
        .addHelpText('after', '\nExit codes: 0 done, 1 the flow failed or is invalid, 2 the command line was wrong.\nExample: verify-connector flow run studio-verify-subflow --param to=+15005550006 --emulator --answers 000000,@code')
        .action(act(ctx, async (ref: string, options: FlowRunOptions) => (await actions()).runFlow(ref, options, io))),
    )
    .addCommand(flowExportCommand(ctx));
}
