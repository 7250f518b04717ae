import { parseArgs } from 'node:util';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.js';

export const demoHelp = `Usage: verify-connector demo [--json]   (what \`npm start\` runs)

Runs the whole Twilio Verify story offline, on an emulator started in this process: start the emulator,
load and validate the connector, create a service, start an SMS verification, read the code from the
emulator's outbox, check a wrong code (pending, valid false), check the right code (approved), and check
once more (refused as verification_not_pending, which is expected after approval).
Each step names the module it ran and the key fields of the answer. No account, no network, nothing is sent.
  --json   print the same story as one JSON document on stdout
Exit 0 when the verification was approved, 1 when a step went wrong (the message says which and why).`;

export async function demoCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
  const { runDemo } = await import('../demo/story.js');
  const report = await runDemo();
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
  } else {
    const { renderDemo } = await import('../demo/render.js');
    for (const line of renderDemo(report)) io.out(line);
  }
  if (!report.ok) {
    const { renderDemoFailure } = await import('../demo/render.js');
    for (const line of renderDemoFailure(report)) io.err(line);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}
