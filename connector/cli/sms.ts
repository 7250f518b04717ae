/**
 * `verify-connector sms …`: check and try the passwordless-login SMS connector's config.
 * `argv` is what follows `sms` on the command line.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { InputProblem } from '../errors/connector-error.js';
import { checkSmsConfig, type SmsConfig } from '../sms/config.js';
import { createSmsConnector } from '../sms/index.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io.js';
import { maskPhone } from '../sms/phone.js';
import { summariseConfig } from '../sms/summary.js';
import { isUsageType, USAGE_TYPES } from '../sms/usage-types.js';


export const SMS_HELP = `Usage:
  verify-connector sms validate <config.json>
      Checks an SMS connector config (Logto's Twilio SMS format). Prints each problem with its JSON pointer
      (exit 1), or what the config sends for each usage type (exit 0).
  verify-connector sms send --config <config.json> --to <phone> --type <usageType> [--code <code>] [--emulator [URL]]
      Sends one SMS as Logto would. --emulator alone starts a local emulator for this send (the config's
      credentials are replaced by the emulator's); --emulator URL sends to a running emulator with the config's
      credentials. Without --emulator the SMS goes to Twilio.

Usage types: ${USAGE_TYPES.join(', ')}.
Exit codes: 0 done, 1 the config is invalid or the send failed, 2 the command line is wrong.`;

type ReadResult = { ok: true; config: SmsConfig } | { ok: false; code: number };

/**
 * The config file, read and checked: unreadable → a usage error (exit 2); not JSON or not a valid config → each
 * problem printed by pointer and exit 1.
 */
function readCheckedConfig(path: string, io: CliIo): ReadResult {
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
    io.err(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, code: EXIT_FAILED };
  }
  const problems = checkSmsConfig(config);
  if (problems.length > 0) {
    printProblems(io, path, problems);
    return { ok: false, code: EXIT_FAILED };
  }
  return { ok: true, config: config as SmsConfig };
}

function printProblems(io: CliIo, path: string, problems: InputProblem[]): void {
  io.err(`${path} is not a valid SMS connector config (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):`);
  for (const p of problems) io.err(`  ${p.pointer === '' ? '/' : p.pointer} ${p.message}`);
}

function quote(text: string, most = 70): string {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > most ? `${flat.slice(0, most - 1)}…` : flat);
}

function printSummary(io: CliIo, path: string, config: SmsConfig): void {
  const s = summariseConfig(config);
  io.out(`${path} is a valid SMS connector config.`);
  io.out(`  account  ${s.accountSid}, signed with ${s.auth === 'api key' ? 'an API key' : 'the Auth Token'} (not shown)`);
  io.out(`  sender   ${s.sender.kind === 'messaging service' ? 'Messaging Service' : s.sender.kind === 'number' ? 'number' : 'sender ID'} ${s.sender.value}`);
  io.out(`  sent to  ${s.target}${s.options.length > 0 ? ` with ${s.options.join(', ')}` : ''}`);
  io.out('  what each usage type sends:');
  const width = Math.max(...s.usage.map((u) => u.usageType.length));
  for (const u of s.usage) {
    const name = u.usageType.padEnd(width);
    if (u.source === 'none') io.out(`    ${name}  nothing: Logto gets template_not_found (add a ${u.usageType} or Generic template)`);
    else if (u.source === 'own') io.out(`    ${name}  ${quote(u.content!)} (${u.pointer})`);
    else io.out(`    ${name}  ${quote(u.content!)} (the ${u.templateType} template, ${u.pointer})`);
  }
  for (const w of s.shadowed) io.out(`  warning: ${w.pointer} repeats usage type ${w.usageType}; only ${w.usedPointer} is used.`);
}

function validateCommand(args: string[], io: CliIo): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('sms validate takes one config file: verify-connector sms validate <config.json>');
  const path = positionals[0]!;
  const read = readCheckedConfig(path, io);
  if (!read.ok) return read.code;
  printSummary(io, path, read.config);
  return EXIT_OK;
}

/** `--emulator` takes an optional URL: `--emulator`, `--emulator URL` or `--emulator=URL`. */
function takeEmulator(args: string[]): { rest: string[]; emulator: false | true | string } {
  const rest: string[] = [];
  let emulator: false | true | string = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--emulator') {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('-')) {
        emulator = next;
        i++;
      } else emulator = true;
    } else if (arg.startsWith('--emulator=')) emulator = arg.slice('--emulator='.length);
    else rest.push(arg);
  }
  return { rest, emulator };
}

interface Running {
  config: Record<string, unknown>;
  outbox?: (to: string) => Array<{ body: string }>;
  close(): Promise<void>;
}

/** Where the SMS goes: Twilio, a running emulator (URL), or one started for this send. */
async function target(config: Record<string, unknown>, emulator: false | true | string): Promise<Running> {
  if (emulator === false) return { config, close: async () => {} };
  if (typeof emulator === 'string') return { config: { ...config, baseUrl: emulator }, close: async () => {} };
  const { startEmulator } = await import('../../emulator/index.js');
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
  const data = e?.data as { errorDescription?: unknown; issues?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : 'general';
  const description = typeof data?.errorDescription === 'string' ? data.errorDescription : 'the SMS could not be sent.';
  return { code, description };
}

async function sendCommand(args: string[], io: CliIo): Promise<number> {
  const { rest, emulator } = takeEmulator(args);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: { config: { type: 'string' }, to: { type: 'string' }, type: { type: 'string' }, code: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}.`);
  const missing = (['config', 'to', 'type'] as const).filter((name) => values[name] === undefined);
  if (missing.length > 0) throw new UsageError(`sms send needs ${missing.map((m) => `--${m}`).join(', ')}.`);
  if (!isUsageType(values.type)) throw new UsageError(`--type must be one of: ${USAGE_TYPES.join(', ')}.`);
  if (typeof emulator === 'string' && !/^https?:\/\//.test(emulator)) throw new UsageError('--emulator takes the emulator URL, for example http://127.0.0.1:4010.');

  const path = values.config!;
  const read = readCheckedConfig(path, io);
  if (!read.ok) return read.code;

  const running = await target(read.config as unknown as Record<string, unknown>, emulator);
  try {
    const connector = await createSmsConnector({ getConfig: async () => running.config });
    const payload: Record<string, string> = values.code !== undefined ? { code: values.code } : {};
    const message = await connector.sendMessage({ to: values.to!, type: values.type, payload });
    const to = typeof message['to'] === 'string' ? message['to'] : values.to!;
    io.out(`Sent the ${values.type} SMS to ${maskPhone(to)}: message ${String(message['sid'] ?? '?')} (status ${String(message['status'] ?? '?')}).`);
    if (running.outbox) for (const m of running.outbox(to)) io.out(`  emulator outbox: ${JSON.stringify(m.body)}`);
    return EXIT_OK;
  } catch (error) {
    const { code, description } = describeFailure(error);
    io.err(`error (${code}): ${description}`);
    return EXIT_FAILED;
  } finally {
    await running.close();
  }
}

export async function smsCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...args] = argv;
  try {
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help' || args.includes('--help') || args.includes('-h')) {
      if (sub === undefined) {
        io.err(SMS_HELP);
        return EXIT_USAGE;
      }
      io.out(SMS_HELP);
      return EXIT_OK;
    }
    if (sub === 'validate') return validateCommand(args, io);
    if (sub === 'send') return await sendCommand(args, io);
    throw new UsageError(`unknown sms command "${sub}": use validate or send.`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: unknown })?.code?.toString().startsWith('ERR_PARSE_ARGS')) {
      io.err(`usage error: ${(error as Error).message}`);
      io.err('Run verify-connector sms --help for the commands and their options.');
      return EXIT_USAGE;
    }
    throw error;
  }
}
