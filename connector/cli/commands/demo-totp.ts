import { Command } from 'commander';
import { act, jsonOption, type CliContext } from '../command-kit.js';
import { EXIT_FAILED, EXIT_OK } from '../io.js';

export function demoTotpCommand(ctx: CliContext): Command {
  return new Command('totp')
    .summary('authenticator-app (TOTP) login on the built-in emulator, as the totp-authenticator flow')
    .description(
      'Runs the flow template totp-authenticator on an emulator started in this process: create a service, enrol a\n' +
        'TOTP factor, show its otpauth:// link as a QR code, compute the code as an authenticator app does (with the\n' +
        'otpauth library, independent of the emulator), verify the factor, then log in with a wrong code (pending) and\n' +
        'the right one (approved). No account, no network.',
    )
    .addOption(jsonOption())
    .addHelpText('after', '\nExit 0 when the factor was verified and the login approved, 1 otherwise.')
    .action(
      act(ctx, async (options: { json?: boolean }) => {
        const { runTotpDemo } = await import('../demo-totp/story.js');
        const { renderTotpDemo } = await import('../demo-totp/render.js');
        const report = await runTotpDemo();
        // The QR code is for a terminal: --json carries the link it encodes (uri) instead.
        if (options.json) ctx.io.out(JSON.stringify({ ...report, qr: undefined }, null, 2));
        else for (const line of renderTotpDemo(report)) ctx.io.out(line);
        if (!report.ok && !options.json) ctx.io.err(`demo totp failed: ${report.error ?? 'unknown reason'}`);
        return report.ok ? EXIT_OK : EXIT_FAILED;
      }),
    );
}
