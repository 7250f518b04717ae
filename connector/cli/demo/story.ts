/**
 * The demo story behind `npm start` / `verify-connector demo`: the whole Verify round trip on the embedded emulator,
 * as a list of small steps. Each step runs one module (or reads the emulator), checks the answer is the one Twilio
 * gives, and returns the few fields a person needs to follow along. Rendering lives in render.ts.
 */
import type { Connector } from '../../connector.js';
import type { ConnectorErrorData } from '../../errors/connector-error.js';
import { loadConnector } from '../../manifest/load.js';
import { validateManifest } from '../../manifest/validate.js';
import type { ExecuteResult } from '../../runtime/call-context.js';
import type { Emulator, EmulatorOptions } from '../../../emulator/index.js';

/** The sample recipient: Twilio's documentation number. Nothing is sent anywhere; the code lands in the outbox. */
export const DEMO_TO = '+15017122661';
export const DEMO_SERVICE_NAME = 'Acme Demo';

export interface DemoStep {
  step: number;
  title: string;
  /** The module that ran, or null when the step used the emulator or the connector API directly. */
  module: string | null;
  /** What the step did, in plain words. */
  did: string;
  /** The module's input (never a credential). */
  input?: Record<string, unknown>;
  /** The key fields of the answer. */
  output: Record<string, unknown>;
  /** Why the answer is what it is, when that is not obvious. */
  explanation?: string;
}

export interface DemoFailure {
  step: number;
  title: string;
  message: string;
  code?: string;
  remedy?: string;
}

export interface DemoReport {
  ok: boolean;
  /** The final status of the verification ('approved' when the story went as it should). */
  result: string | null;
  to: string;
  emulator: { url: string } | null;
  steps: DemoStep[];
  error?: DemoFailure;
}

interface Context {
  emulator: Emulator;
  /** Loaded by the first story step. */
  connector?: Connector;
  connection: { accountSid: string; authToken: string; baseUrl: string };
  to: string;
  serviceSid?: string;
  verificationSid?: string;
  code?: string;
  result?: string;
}

/** A step saw something other than what Twilio would answer: the story stops with this message. */
class StoryError extends Error {
  constructor(
    message: string,
    readonly error?: ConnectorErrorData,
  ) {
    super(message);
  }
}

type StepResult = Omit<DemoStep, 'step' | 'title' | 'module'>;
interface StepDefinition {
  title: string;
  module: string | null;
  run(ctx: Context): Promise<StepResult>;
}

const pick = (value: unknown, keys: string[]): Record<string, unknown> => {
  const source = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, source[k] ?? null]));
};

/** Runs a module; any error is a failed step (the steps that expect an error call execute themselves). */
async function run(ctx: Context, moduleId: string, input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await execute(ctx, moduleId, input);
  if (!result.ok) throw new StoryError(`${moduleId} failed: ${result.error.message}`, result.error);
  return result.output as Record<string, unknown>;
}

async function execute(ctx: Context, moduleId: string, input: Record<string, unknown>): Promise<ExecuteResult> {
  if (!ctx.connector) throw new StoryError('the connector is not loaded.');
  return ctx.connector.execute(moduleId, ctx.connection, input, { onError: 'output' });
}

function expect(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) throw new StoryError(`expected ${what} to be ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}.`);
}

/** A code of the same length that is certainly wrong: every digit (or letter) moved by one. */
export function wrongCodeFor(code: string): string {
  return [...code].map((c) => (/\d/.test(c) ? String((Number(c) + 1) % 10) : c === 'z' || c === 'Z' ? 'a' : String.fromCharCode(c.charCodeAt(0) + 1))).join('');
}

export const DEMO_STEPS: StepDefinition[] = [
  {
    title: 'Load and validate the connector',
    module: null,
    async run(ctx) {
      const connector = await loadConnector();
      ctx.connector = connector;
      const report = validateManifest();
      const errors = report.errors.filter((p) => p.severity === 'error');
      if (!report.valid) {
        const first = errors[0];
        throw new StoryError(`the connector is not valid: ${errors.length} problem(s), first ${first ? `${first.file} ${first.pointer || '/'}: ${first.message}` : 'unknown'}. Run \`verify-connector validate\` for the list.`);
      }
      const m = connector.manifest;
      return {
        did: 'Loaded manifest.json with loadConnector() and checked it, every module and every schema with validateManifest().',
        output: { connector: `${m.id} ${m.version}`, modules: connector.modules.length, valid: report.valid, warnings: report.errors.length - errors.length },
      };
    },
  },
  {
    title: 'Create a Verify service',
    module: 'create-service',
    async run(ctx) {
      const input = { friendlyName: DEMO_SERVICE_NAME };
      const service = await run(ctx, 'create-service', input);
      ctx.serviceSid = String(service['sid']);
      return {
        did: 'Created the service every verification belongs to; its name appears in the message.',
        input,
        output: pick(service, ['sid', 'friendly_name', 'code_length']),
      };
    },
  },
  {
    title: 'Start an SMS verification',
    module: 'start-verification',
    async run(ctx) {
      const input = { serviceSid: ctx.serviceSid, to: ctx.to, channel: 'sms' };
      const verification = await run(ctx, 'start-verification', input);
      expect(verification['status'], 'pending', 'the new verification status');
      ctx.verificationSid = String(verification['sid']);
      const attempts = verification['send_code_attempts'];
      return {
        did: `Asked Verify to send a one-time code by SMS to ${ctx.to}.`,
        input,
        output: { ...pick(verification, ['sid', 'to', 'channel', 'status', 'valid']), send_code_attempts: Array.isArray(attempts) ? attempts.length : null },
      };
    },
  },
  {
    title: 'Read the code from the outbox',
    module: null,
    async run(ctx) {
      const message = ctx.emulator.outbox({ to: ctx.to }).at(-1);
      if (!message?.code) throw new StoryError(`the emulator's outbox holds no code for ${ctx.to}.`);
      ctx.code = message.code;
      return {
        did: 'Read the SMS the person would have received. The emulator sends nothing: delivered messages land in its outbox (emulator.outbox() or GET /__emulator/outbox).',
        output: { to: message.to, channel: message.channel, body: message.body, code: message.code },
      };
    },
  },
  {
    title: 'Check a wrong code',
    module: 'check-verification',
    async run(ctx) {
      const input = { serviceSid: ctx.serviceSid, to: ctx.to, code: wrongCodeFor(ctx.code!) };
      const check = await run(ctx, 'check-verification', input);
      expect(check['status'], 'pending', 'the status after a wrong code');
      expect(check['valid'], false, 'valid after a wrong code');
      return {
        did: 'Checked a code the person mistyped.',
        input,
        output: pick(check, ['sid', 'status', 'valid']),
        explanation: 'A wrong code is an answer, not an error: Twilio replies 200 with status "pending" and valid false. The verification stays open and the person may try again (5 checks in all).',
      };
    },
  },
  {
    title: 'Check the right code',
    module: 'check-verification',
    async run(ctx) {
      const input = { serviceSid: ctx.serviceSid, to: ctx.to, code: ctx.code };
      const check = await run(ctx, 'check-verification', input);
      expect(check['status'], 'approved', 'the status after the right code');
      expect(check['valid'], true, 'valid after the right code');
      ctx.result = 'approved';
      return {
        did: 'Checked the code from the outbox.',
        input,
        output: pick(check, ['sid', 'status', 'valid']),
        explanation: 'The person is verified: branch on status "approved".',
      };
    },
  },
  {
    title: 'Check once more',
    module: 'check-verification',
    async run(ctx) {
      const input = { serviceSid: ctx.serviceSid, to: ctx.to, code: ctx.code };
      const result = await execute(ctx, 'check-verification', input);
      if (result.ok) throw new StoryError(`expected the check after approval to fail with verification_not_pending, got status ${JSON.stringify((result.output as Record<string, unknown>)['status'])}.`);
      expect(result.error.code, 'verification_not_pending', 'the error code of a check after approval');
      return {
        did: 'Checked the same code again, after the verification was approved.',
        input,
        output: { error: result.error.code, status: result.error.status, twilioCode: result.error.twilioCode, remedy: result.error.remedy },
        explanation:
          'This failure is expected. Once a verification is approved (or canceled, expired after 10 minutes, or out of attempts) it is no longer pending, ' +
          'and Twilio answers any further check with HTTP 404, code 20404, "not found". The connector reports that as verification_not_pending. ' +
          'A person who needs to verify again gets a new verification.',
      };
    },
  },
];

export interface DemoOptions {
  to?: string;
  /** Passed to startEmulator (tests use a frozen clock or fixed codes). */
  emulatorOptions?: EmulatorOptions;
}

/** Runs the whole story on a fresh in-process emulator, which is always closed. Never throws for a failed step. */
export async function runDemo(options: DemoOptions = {}): Promise<DemoReport> {
  const to = options.to ?? DEMO_TO;
  const steps: DemoStep[] = [];
  const report: DemoReport = { ok: false, result: null, to, emulator: null, steps };
  let emulator: Emulator | undefined;
  let current = { step: 1, title: 'Start the emulator' };
  try {
    const { startEmulator } = await import('../../../emulator/index.js');
    emulator = await startEmulator(options.emulatorOptions);
    report.emulator = { url: emulator.url };
    steps.push({
      ...current,
      module: null,
      did: 'Started the offline Twilio Verify emulator in this process, on loopback, with generated credentials (not shown).',
      output: { url: emulator.url },
    });
    const ctx: Context = {
      emulator,
      connection: { accountSid: emulator.accountSid, authToken: emulator.authToken, baseUrl: emulator.url },
      to,
    };
    for (const definition of DEMO_STEPS) {
      current = { step: steps.length + 1, title: definition.title };
      const result = await definition.run(ctx);
      steps.push({ ...current, module: definition.module, ...result });
    }
    report.ok = true;
    report.result = ctx.result ?? null;
  } catch (error) {
    if (process.env['VERIFY_CONNECTOR_DEBUG'] && !(error instanceof StoryError)) console.error(error);
    const data = error instanceof StoryError ? error.error : undefined;
    report.error = {
      ...current,
      message: error instanceof Error ? error.message : String(error),
      ...(data ? { code: data.code } : {}),
      ...(data?.remedy ? { remedy: data.remedy } : {}),
    };
  } finally {
    await emulator?.close();
  }
  return emulator ? redact(report, [emulator.authToken, emulator.apiKeySecret]) : report;
}

/** Belt and braces: no secret of the emulator can leave in the report, whatever a message quoted. */
function redact(report: DemoReport, secrets: string[]): DemoReport {
  let text = JSON.stringify(report);
  for (const secret of secrets) if (secret) text = text.split(secret).join('[redacted]');
  return JSON.parse(text) as DemoReport;
}
