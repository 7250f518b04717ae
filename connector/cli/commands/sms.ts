/** `verify-connector sms …`: check and try the passwordless-login SMS connector's config. */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { act, emulatorOption, jsonOption, type CliContext } from '../command-kit.js';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../io.js';
import { printProblems, type PrintableProblem } from '../problems.js';
import { isUsageType, USAGE_TYPES } from '../../sms/usage-types.js';

// The SMS connector's modules load only when a subcommand runs (the CLI's other commands never need them).
const sms = async () => ({
  ...(await import('../../sms/config.js')),
  ...(await import('../../sms/summary.js')),
  ...(await import('../../sms/phone.js')),
});

export function smsCommand(ctx: CliContext): Command {
  return new Command('sms')
    .summary('the passwordless SMS connector (Logto): validate a config, send a test code')
    .description("Checks and tries the passwordless-login SMS connector's config (Logto's Twilio SMS format).")
    .addCommand(smsValidateCommand(ctx))
    .addCommand(smsSendCommand(ctx))
    .addHelpText('after', '\nExit codes: 0 done, 1 the config is invalid or the send failed, 2 the command line is wrong.');
}

type ReadResult = { ok: true; config: import('../../sms/config.js').SmsConfig } | { ok: false; problems: PrintableProblem[] };

/** The config file, read and checked: unreadable → a usage error (exit 2); not JSON or not a valid config → its problems. */
async function readCheckedConfig(path: string): Promise<ReadResult> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the config file ${path}.`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text) as unknown;
  } catch (error) {
    return { ok: false, problems: [{ file: path, pointer: '', message: `is not valid JSON: ${(error as Error).message}`, hint: 'Fix the JSON syntax (a trailing comma or a missing quote is the usual cause).' }] };
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    return { ok: false, problems: [{ file: path, pointer: '', message: 'must be a JSON object', hint: 'The config is an object: { "accountSID", "authToken", "fromMessagingServiceSID", "templates": [{ "usageType", "content" }] }.' }] };
  }
  const problems = (await sms()).checkSmsConfig(config);
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => ({ file: path, ...p })) };
  return { ok: true, config: config as import('../../sms/config.js').SmsConfig };
}

function quote(text: string, most = 70): string {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > most ? `${flat.slice(0, most - 1)}…` : flat);
}

function smsValidateCommand(ctx: CliContext): Command {
  return new Command('validate')
    .summary('check an SMS connector config')
    .description('Checks an SMS connector config (Logto\'s Twilio SMS format). Prints each problem with its JSON pointer\n(exit 1), or what the config sends for each usage type (exit 0).')
    .argument('<config.json>', 'the config file')
    .addOption(jsonOption())
    .action(
      act(ctx, async (path: string, options: { json?: boolean }) => {
        const { io } = ctx;
        const read = await readCheckedConfig(path);
        if (!read.ok) {
          if (options.json) io.out(JSON.stringify({ valid: false, file: path, errors: read.problems.map((p) => ({ ...p, severity: 'error' })) }, null, 2));
          else printProblems(io, read.problems, path);
          return EXIT_FAILED;
        }
        const s = (await sms()).summariseConfig(read.config);
        const warnings = s.shadowed.map((w) => ({ file: path, pointer: w.pointer, severity: 'warning' as const, message: `repeats usage type ${w.usageType}; only ${w.usedPointer} is used`, hint: 'Remove one of the two templates, or give it another usage type.' }));
        if (options.json) {
          io.out(JSON.stringify({ valid: true, file: path, errors: warnings, summary: s }, null, 2));
          return EXIT_OK;
        }
        io.out(`${path} is a valid SMS connector config.`);
        io.out(`  account  ${s.accountSid}, signed with ${s.auth === 'api key' ? 'an API key' : 'the Auth Token'} (not shown)`);
        io.out(`  sender   ${s.sender.kind === 'messaging service' ? 'Messaging Service' : s.sender.kind === 'number' ? 'number' : 'sender ID'} ${s.sender.value}`);
        io.out(`  sent to  ${s.target}${s.options.length > 0 ? ` with ${s.options.join(', ')}` : ''}`);
        io.out('  what each usage type sends:');
        const width = Math.max(...s.usage.map((u) => u.usageType.length));
        for (const u of s.usage) {
          const name = u.usageType.padEnd(width);
          if (u.source === 'none') io.out(`    ${name}  nothing: Logto gets template_not_found (add a ${u.usageType} template${u.usageType === 'Generic' ? '' : ' or a Generic one'})`);
          else if (u.source === 'own') io.out(`    ${name}  ${quote(u.content!)} (${u.pointer})`);
          else io.out(`    ${name}  ${quote(u.content!)} (the ${u.templateType} template, ${u.pointer})`);
        }
        printProblems(io, warnings, path);
        return EXIT_OK;
      }),
    );
}

interface SendOptions {
  config: string;
  to: string;
  type: string;
  code?: string;
  emulator?: true | string;
  json?: boolean;
}

function smsSendCommand(ctx: CliContext): Command {
  return new Command('send')
    .summary('send one SMS as Logto would')
    .description(
      'Sends one SMS as Logto would. --emulator alone starts a local emulator for this send (the config\'s\n' +
        'credentials are replaced by the emulator\'s); --emulator URL sends to a running emulator with the config\'s\n' +
        'credentials. Without --emulator the SMS goes to Twilio.',
    )
    .requiredOption('--config <config.json>', 'the SMS connector config')
    .requiredOption('--to <phone>', 'the phone number, e.g. +15017122661')
    .requiredOption('--type <usageType>', 'the usage type, e.g. SignIn')
    .addOption(new Option('--code <code>', 'the code to send (the {{code}} placeholder)'))
    .addOption(emulatorOption('send to a running emulator at url, or start one for this send'))
    .addOption(jsonOption())
    .addHelpText('after', `\nUsage types: ${USAGE_TYPES.join(', ')}.`)
    .action(act(ctx, (options: SendOptions) => send(ctx, options)));
}

interface Running {
  config: Record<string, unknown>;
  outbox?: (to: string) => Array<{ body: string }>;
  close(): Promise<void>;
}

/** Where the SMS goes: Twilio, a running emulator (URL), or one started for this send. */
async function target(config: Record<string, unknown>, emulator: true | string | undefined): Promise<Running> {
  if (emulator === undefined) return { config, close: async () => {} };
  if (typeof emulator === 'string') return { config: { ...config, baseUrl: emulator }, close: async () => {} };
  const { startEmulator } = await import('../../../emulator/index.js');
  const emu = await startEmulator();
  const { authToken: _t, apiKeySID: _k, apiKeySecret: _s, ...rest } = config;
  return {
    config: { ...rest, accountSID: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url },
    outbox: (to) => emu.outbox({ to }),
    close: () => emu.close(),
  };
}

function describeFailure(error: unknown): { code: string; description: string } {
  const e = error as { code?: unknown; data?: unknown };
  const data = e?.data as { errorDescription?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : 'general';
  const description = typeof data?.errorDescription === 'string' ? data.errorDescription : 'the SMS could not be sent.';
  return { code, description };
}

async function send(ctx: CliContext, options: SendOptions): Promise<number> {
  const { io } = ctx;
  const kit = await sms();
  if (!isUsageType(options.type)) throw new UsageError(`--type ${options.type} is not a usage type: use one of ${USAGE_TYPES.join(', ')}.`);
  const read = await readCheckedConfig(options.config);
  if (!read.ok) {
    if (options.json) io.out(JSON.stringify({ ok: false, error: { code: 'invalid_config', message: `${options.config} is not a valid SMS connector config.`, problems: read.problems } }, null, 2));
    else printProblems({ out: io.err, err: io.err }, read.problems, options.config); // a failed send: on stderr
    return EXIT_FAILED;
  }
  const running = await target(read.config as unknown as Record<string, unknown>, options.emulator);
  try {
    const { createSmsConnector } = await import('../../sms/index.js');
    const connector = await createSmsConnector({ getConfig: async () => running.config });
    const payload: Record<string, string> = options.code !== undefined ? { code: options.code } : {};
    const message = await connector.sendMessage({ to: options.to, type: options.type, payload });
    const to = typeof message['to'] === 'string' ? message['to'] : options.to;
    const outbox = running.outbox?.(to).map((m) => m.body) ?? [];
    if (options.json) {
      io.out(JSON.stringify({ ok: true, type: options.type, to: kit.maskPhone(to), sid: message['sid'] ?? null, status: message['status'] ?? null, ...(running.outbox ? { outbox } : {}) }, null, 2));
      return EXIT_OK;
    }
    io.out(`Sent the ${options.type} SMS to ${kit.maskPhone(to)}: message ${String(message['sid'] ?? '?')} (status ${String(message['status'] ?? '?')}).`);
    for (const body of outbox) io.out(`  emulator outbox: ${JSON.stringify(body)}`);
    return EXIT_OK;
  } catch (error) {
    const { code, description } = describeFailure(error);
    if (options.json) io.out(JSON.stringify({ ok: false, error: { code, message: description } }, null, 2));
    else io.err(`error (${code}): ${description}`);
    return EXIT_FAILED;
  } finally {
    await running.close();
  }
}
