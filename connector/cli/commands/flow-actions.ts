/** What `verify-connector flow …` does; its declaration (commands/flow.ts) loads this only when a subcommand runs. */
import { existsSync } from 'node:fs';
import { loadConnector } from '../../manifest/load.js';
import { movedClock, systemClock, type FlowClock } from '../../flows/clock.js';
import { FlowError } from '../../flows/flow-error.js';
import { httpOutbox, promptAnswers, scriptedAnswers, type InputProvider, type OutboxReader } from '../../flows/inputs.js';
import { isPath, listTemplates, loadScenario, scenarioPath, type LoadedScenario } from '../../flows/load.js';
import { runScenario, type FlowEvent } from '../../flows/runner.js';
import { validateScenario } from '../../flows/validation.js';
import { connectionFrom } from '../connection-source.js';
import { didYouMean } from '../did-you-mean.js';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from '../io.js';
import { printError } from '../failure.js';
import { printProblems } from '../problems.js';
import { SecretMask } from '../secret-mask.js';

/** The scenario a flow command names: a missing file or template is a usage error, a file that is not JSON a FlowError. */
export function resolveScenarioArgument(ref: string, command: string): LoadedScenario {
  if (ref === '') throw new UsageError(`name a scenario file or template, for example: verify-connector flow ${command} studio-verify-subflow`);
  if (!existsSync(scenarioPath(ref))) {
    const templates = listTemplates().map((t) => t.id);
    throw new UsageError(isPath(ref) ? `no scenario file ${ref}.` : `no template "${ref}".${didYouMean(ref, templates)} Templates: ${templates.join(', ')}.`);
  }
  try {
    return loadScenario(ref);
  } catch (error) {
    // A file that is there but not JSON is a problem of the file (exit 1), as in every validate command.
    if (error instanceof FlowError && error.code !== 'invalid_scenario') throw new UsageError(error.message);
    throw error;
  }
}

/** The named scenario, refused (invalid_scenario, its problems) unless it and the scenarios it calls validate. */
export async function validScenarioArgument(ref: string, command: string): Promise<LoadedScenario> {
  const loaded = resolveScenarioArgument(ref, command);
  const report = validateScenario(loaded.scenario, { connector: await loadConnector(), ...(loaded.file ? { file: loaded.file } : {}) });
  if (!report.valid) throw new FlowError('invalid_scenario', `${ref} is not a valid scenario: fix what verify-connector flow validate ${ref} lists, then ${command} it.`, { problems: report.errors });
  return loaded;
}

export function list(json: boolean, io: CliIo): number {
  const templates = listTemplates();
  if (json) {
    io.out(JSON.stringify(templates.map(({ id, title, description }) => ({ id, title, description })), null, 2));
    return EXIT_OK;
  }
  const width = Math.max(...templates.map((t) => t.id.length), 2);
  for (const t of templates) io.out(`${t.id.padEnd(width)}  ${t.title}`);
  return EXIT_OK;
}

export async function validate(ref: string, json: boolean, io: CliIo): Promise<number> {
  let loaded: LoadedScenario;
  try {
    loaded = resolveScenarioArgument(ref, 'validate');
  } catch (error) {
    if (!(error instanceof FlowError)) throw error;
    const report = { valid: false, errors: error.problems ?? [] };
    if (json) io.out(JSON.stringify({ file: scenarioPath(ref), ...report }, null, 2));
    else printProblems(io, report.errors, ref);
    return EXIT_FAILED;
  }
  const report = validateScenario(loaded.scenario, { connector: await loadConnector(), ...(loaded.file ? { file: loaded.file } : {}) });
  if (json) io.out(JSON.stringify({ file: loaded.file, ...report }, null, 2));
  else if (report.valid) io.out(`${ref}: the scenario is valid.`);
  else printProblems(io, report.errors, ref);
  return report.valid ? EXIT_OK : EXIT_FAILED;
}

/** `--param to=+1…`: a string, or the number / boolean the scenario's params schema asks for. */
type ParamSchema = { type?: unknown; 'x-secret'?: unknown };

/**
 * `--param to=+1…`: a string, or the number / boolean the scenario's params schema asks for. A name the scenario does
 * not declare is refused here, `__proto__` as any other. The values of `x-secret` parameters join the mask.
 */
function parseParams(items: string[], loaded: LoadedScenario, secrets: SecretMask): Record<string, unknown> {
  const properties = ((loaded.scenario.params as { properties?: Record<string, ParamSchema> } | undefined)?.properties ?? {}) as Record<string, ParamSchema>;
  const declared = Object.keys(properties);
  const params: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param ${item}: write name=value, for example --param to=+15005550006.`);
    const name = item.slice(0, eq);
    const raw = item.slice(eq + 1);
    if (!declared.includes(name)) {
      throw new UsageError(`--param ${name}: ${loaded.scenario.id} has no parameter "${name}"; ${declared.length > 0 ? `its parameters: ${declared.join(', ')}` : 'it takes none'}.`);
    }
    const { type } = properties[name]!;
    if ((type === 'integer' || type === 'number') && raw.trim() !== '' && Number.isFinite(Number(raw))) params[name] = Number(raw);
    else if (type === 'boolean' && (raw === 'true' || raw === 'false')) params[name] = raw === 'true';
    else params[name] = raw;
    if (properties[name]!['x-secret'] === true) secrets.add(raw);
  }
  return { ...params };
}

function summary(event: Extract<FlowEvent, { type: 'done' }>): string {
  const { record } = event;
  if (!record.ok) {
    const e = record.error as { code?: string; message?: string };
    return `✗ ${e.code}: ${e.message} (continuing)`;
  }
  const out = record.output as Record<string, unknown> | undefined;
  if (!out || typeof out !== 'object') return '';
  if (event.kind === 'ask') return JSON.stringify(out['answer']);
  if (event.kind === 'wait') return `waited ${String(out['seconds'])} s`;
  if (event.kind === 'loop') return `${String(out['iteration'])} round${out['iteration'] === 1 ? '' : 's'}${out['completed'] ? '' : ' (maximum reached)'}`;
  if (event.kind === 'if' || event.kind === 'switch') return `→ ${String(out['branch'])}`;
  if (event.kind === 'set') return Object.entries(out).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
  const picks = ['status', 'channel', 'to', 'escalated', 'nextCheckInSeconds', 'verified', 'outcome', 'sid'].filter((k) => out[k] !== undefined && out[k] !== null);
  return picks.map((k) => `${k}=${typeof out[k] === 'string' ? out[k] : JSON.stringify(out[k])}`).join(' ');
}

/** One line per step as it runs: containers (loop, sub-scenario) when they start, the others when they finish. */
function printer(write: (line: string) => void, outbox?: OutboxReader & { all?: () => Array<{ to: string; channel: string; body: string }> }): (event: FlowEvent) => void {
  let seen = outbox?.all?.().length ?? 0;
  return (event) => {
    const indent = '  '.repeat(event.depth);
    if (event.type === 'say') write(`${indent}» ${event.text}`);
    else if (event.type === 'start' && (event.kind === 'loop' || event.kind === 'scenario')) write(`${indent}▸ ${event.step}  ${event.kind}${event.target ? ` ${event.target}` : ''}${event.title ? `: ${event.title}` : ''}`);
    else if (event.type === 'start' && event.kind === 'wait') write(`${indent}… ${event.step}  waiting`);
    else if (event.type === 'done' && !['say', 'break', 'end', 'if', 'switch'].includes(event.kind)) {
      const detail = summary(event);
      write(`${indent}${event.record.ok ? '✓' : '•'} ${event.step}  ${event.target ?? event.kind}${detail ? `  ${detail}` : ''}`);
      if (outbox?.all && event.kind === 'module') {
        const messages = outbox.all();
        for (const m of messages.slice(seen)) write(`${indent}  [emulator: ${m.channel} to ${m.to}] ${m.body}`);
        seen = messages.length;
      }
    }
  };
}

interface RunTarget {
  connection: Record<string, unknown>;
  clock: FlowClock;
  outbox?: OutboxReader & { all?: () => Array<{ to: string; channel: string; body: string }> };
  note?: string;
  close(): Promise<void>;
}

async function target(emulator: true | string | undefined, connectionOption: string | undefined, io: CliIo): Promise<RunTarget> {
  const note = (text: string): void => io.err(text);
  if (typeof emulator === 'string') {
    return { connection: { ...connectionFrom(connectionOption, process.env, note), baseUrl: emulator }, clock: systemClock, outbox: httpOutbox(emulator), close: async () => undefined };
  }
  if (emulator) {
    const { startEmulator } = await import('../../../emulator/index.js');
    const emu = await startEmulator();
    const outbox = Object.assign((to: string) => emu.outbox({ to }), { all: () => emu.outbox() });
    return {
      connection: { accountSid: emu.accountSid, authToken: emu.authToken, baseUrl: emu.url },
      clock: movedClock(emu.clock),
      outbox,
      note: `emulator at ${emu.url} (started for this run; waits move its clock)`,
      close: () => emu.close(),
    };
  }
  return { connection: connectionFrom(connectionOption, process.env, note), clock: systemClock, close: async () => undefined };
}

export interface FlowRunOptions {
  param: string[];
  emulator?: true | string;
  connection?: string;
  answers?: string;
  json?: boolean;
}

export async function runFlow(ref: string, options: FlowRunOptions, terminal: CliIo): Promise<number> {
  const loaded = resolveScenarioArgument(ref, 'run');
  const secrets = new SecretMask();
  const io = secrets.io(terminal);
  const params = parseParams(options.param, loaded, secrets);
  const json = Boolean(options.json);
  const write = json ? io.err : io.out;
  const connector = await loadConnector();
  const where = await target(options.emulator, options.connection, io);
  let ask: InputProvider;
  let close = (): void => undefined;
  if (options.answers !== undefined) ask = scriptedAnswers(options.answers.split(','), where.outbox);
  else {
    const prompt = promptAnswers(process.stdin, json ? process.stderr : process.stdout);
    ask = prompt;
    close = () => prompt.close();
  }
  const answers: InputProvider = async (question) => {
    const answer = await ask(question);
    if (question.secret) secrets.add(answer.trim());
    return answer;
  };
  try {
    if (where.note) write(where.note);
    write(`flow ${loaded.scenario.id}: ${loaded.scenario.title}`);
    const run = await runScenario(loaded, { connector, connection: where.connection, params, answers, clock: where.clock, onEvent: printer(write, where.outbox) });
    if (json) io.out(JSON.stringify({ ok: true, result: run.result }, null, 2));
    else io.out(`result: ${JSON.stringify(run.result, null, 2)}`);
    return EXIT_OK;
  } catch (error) {
    return printError(io, error, json); // through the mask: a failure may quote a value
  } finally {
    close();
    await where.close();
  }
}

