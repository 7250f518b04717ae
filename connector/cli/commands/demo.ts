import { Command } from 'commander';
import { act, jsonOption, type CliContext } from '../command-kit.js';
import { EXIT_FAILED, EXIT_OK } from '../io.js';

export function demoCommand(ctx: CliContext): Command {
  return new Command('demo')
    .summary('the whole verification story on the built-in emulator (what `npm start` runs)')
    .description(
      'Runs the whole Twilio Verify story offline, on an emulator started in this process: start the emulator,\n' +
        'load and validate the connector, then the shipped scenario flows/verification-story.json: create a service,\n' +
        'start an SMS verification, check a mistyped code (pending, valid false), check the right code from the\n' +
        "emulator's outbox (approved), and check once more (refused as verification_not_pending, expected after approval).\n" +
        'Each step names the module it ran, its input and what the answer means. No account, no network, nothing is sent.',
    )
    .addOption(jsonOption())
    .addHelpText('after', '\nExit 0 when the verification was approved, 1 when a step went wrong (the message says which and why).')
    .action(
      act(ctx, async (options: { json?: boolean }) => {
        const { io } = ctx;
        const { runDemo } = await import('../demo/demo.js');
        const { renderDemo, renderDemoFailure } = await import('../demo/render.js');
        const report = await runDemo();
        if (options.json) io.out(JSON.stringify(report, null, 2));
        else for (const line of renderDemo(report)) io.out(line);
        if (report.ok) return EXIT_OK;
        for (const line of renderDemoFailure(report)) io.err(line);
        return EXIT_FAILED;
      }),
    );
}
