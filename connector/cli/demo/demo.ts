/**
 * `npm start` / `verify-connector demo`: the shipped scenario flows/verification-story.json, run by the flows engine on
 * an emulator started in this process. This file is the host around it: it starts the emulator, loads and validates
 * the connector, answers the scenario's two questions from the outbox (the first one mistyped, as people do), and
 * turns the run's events into a report. The story itself is data; rendering lives in render.ts.
 */
import type { ConnectorErrorData } from '../../errors/connector-error.js';
import { loadConnector } from '../../manifest/load.js';
import { validateManifest } from '../../manifest/validate.js';
import { FlowError } from '../../flows/flow-error.js';
import { outboxAnswers, scriptedAnswers, type OutboxReader, type Question } from '../../flows/inputs.js';
import { runScenario } from '../../flows/runner.js';
import type { FlowEvent } from '../../flows/step-context.js';
import type { Emulator, EmulatorOptions } from '../../../emulator/index.js';

/** The shipped scenario the demo runs (flows/<id>.json). */
export const DEMO_SCENARIO = 'verification-story';

/** One numbered step of the report: the host's own (emulator, connector) or one of the scenario's. */
export interface DemoStep {
  step: number;
  /** The scenario step id, or `emulator` / `connector` for the host's own steps. */
  id: string;
  title: string;
  /** The module the step ran, or null. */
  module: string | null;
  input?: unknown;
  /** The module's output, the answer given, or the host step's facts. */
  output?: unknown;
  /** A failure the scenario continued on (`onError`), as data. */
  error?: Record<string, unknown>;
  /** What the scenario says about this step (its `say` lines that follow it). */
  said: string[];
}

export interface DemoFailure {
  step: number;
  title: string;
  message: string;
  code?: string;
  remedy?: string;
}

export interface DemoReport {
  /** True when the story went as Twilio Verify goes (the scenario's `verified`). */
  ok: boolean;
  /** The scenario's result ({ verified, status, to, serviceSid, verificationSid }), or null when it did not finish. */
  result: Record<string, unknown> | null;
  emulator: { url: string } | null;
  steps: DemoStep[];
  error?: DemoFailure;
}

export interface DemoOptions {
  /** Passed to startEmulator (tests use a frozen clock or fixed codes). */
  emulatorOptions?: EmulatorOptions;
}

/** A code of the same length that is certainly wrong: every digit (or letter) moved by one. */
export function wrongCodeFor(code: string): string {
  return [...code].map((c) => (/\d/.test(c) ? String((Number(c) + 1) % 10) : c === 'z' || c === 'Z' ? 'a' : String.fromCharCode(c.charCodeAt(0) + 1))).join('');
}

/**
 * Turns the scenario's events into numbered steps: a module or ask step opens one, a `say` adds to the last. `notes`
 * are the host's own words about the answer it just gave (where the code came from).
 */
function recorder(steps: DemoStep[], notes: string[]): { onEvent(event: FlowEvent): void; current(): { step: number; title: string } } {
  let open: { step: number; title: string } | undefined;
  return {
    onEvent(event) {
      if (event.depth > 0) return;
      if (event.type === 'start' && (event.kind === 'module' || event.kind === 'ask')) {
        open = { step: steps.length + 1, title: event.title ?? event.step };
      } else if (event.type === 'done' && (event.kind === 'module' || event.kind === 'ask') && open) {
        const { record } = event;
        steps.push({
          ...open,
          id: event.step,
          module: event.kind === 'module' ? (event.target ?? null) : null,
          ...(event.input !== undefined ? { input: event.input } : {}),
          ...(record.ok ? { output: record.output } : { error: record.error }),
          said: event.kind === 'ask' ? notes.splice(0) : [],
        });
        open = undefined;
      } else if (event.type === 'say') {
        steps.at(-1)?.said.push(event.text);
      }
    },
    current: () => open ?? { step: steps.length + 1, title: 'the scenario' },
  };
}

/** Runs the whole story on a fresh in-process emulator, which is always closed. Never throws for a failed step. */
export async function runDemo(options: DemoOptions = {}): Promise<DemoReport> {
  const steps: DemoStep[] = [];
  const report: DemoReport = { ok: false, result: null, emulator: null, steps };
  const notes: string[] = [];
  const events = recorder(steps, notes);
  let current = (): { step: number; title: string } => ({ step: steps.length + 1, title: 'Start the emulator' });
  let emulator: Emulator | undefined;
  try {
    const { startEmulator } = await import('../../../emulator/index.js');
    emulator = await startEmulator(options.emulatorOptions);
    report.emulator = { url: emulator.url };
    steps.push({ step: 1, id: 'emulator', title: 'Start the emulator', module: null, output: { url: emulator.url }, said: ['The offline Twilio Verify emulator runs in this process, on loopback, with generated credentials (not shown).'] });

    current = () => ({ step: 2, title: 'Load and validate the connector' });
    const connector = await loadConnector();
    const validation = validateManifest();
    const errors = validation.errors.filter((p) => p.severity === 'error');
    if (!validation.valid) {
      const first = errors[0]!;
      throw new Error(`the connector is not valid: ${errors.length} problem(s), first ${first.file} ${first.pointer || '/'}: ${first.message}. Run \`verify-connector validate\` for the list.`);
    }
    const m = connector.manifest;
    steps.push({
      step: 2,
      id: 'connector',
      title: 'Load and validate the connector',
      module: null,
      output: { connector: `${m.id} ${m.version}`, modules: connector.modules.length, valid: validation.valid, warnings: validation.errors.length - errors.length },
      said: ['loadConnector() read manifest.json; validateManifest() checked it, every module and every schema.'],
    });

    current = events.current;
    const outbox: OutboxReader = (to) => emulator!.outbox({ to });
    const fromOutbox = outboxAnswers(outbox);
    const mistyped = async (question: Question): Promise<string> => {
      const code = await fromOutbox(question);
      const typed = wrongCodeFor(code);
      notes.push(`The SMS in the emulator's outbox holds ${code}; the person types ${typed} (every digit one off).`);
      return typed;
    };
    const typed = async (question: Question): Promise<string> => {
      const code = await fromOutbox(question);
      notes.push(`Typed as received: the latest code in the emulator's outbox (emulator.outbox() or GET /__emulator/outbox).`);
      return code;
    };
    const run = await runScenario(DEMO_SCENARIO, {
      connector,
      connection: { accountSid: emulator.accountSid, authToken: emulator.authToken, baseUrl: emulator.url },
      answers: scriptedAnswers([mistyped, typed]),
      onEvent: events.onEvent,
    });
    report.result = run.result as Record<string, unknown>;
    report.ok = report.result['verified'] === true;
    if (!report.ok) throw new Error('the story did not go as Twilio Verify goes: an answer differed from the one Twilio gives (see the steps).');
  } catch (error) {
    if (process.env['VERIFY_CONNECTOR_DEBUG'] && !(error instanceof FlowError)) console.error(error);
    const failure: ConnectorErrorData | undefined = error instanceof FlowError ? error.failure : undefined;
    report.error = {
      ...current(),
      message: error instanceof Error ? error.message : String(error),
      ...(failure ? { code: failure.code } : error instanceof FlowError ? { code: error.code } : {}),
      ...(failure?.remedy ? { remedy: failure.remedy } : {}),
    };
  } finally {
    await emulator?.close();
  }
  return report;
}
