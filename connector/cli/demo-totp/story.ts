/**
 * `verify-connector demo totp`: authenticator-app (TOTP) login on the embedded emulator, run as the shipped flow
 * template flows/totp-authenticator.json. The demo plays the person and their authenticator app: it reads the
 * otpauth:// link the enrolment returned (shown once, as a QR code), computes codes with otpauth — an independent TOTP
 * library, not the emulator's code — enters the first code to verify the factor, then logs in with a wrong code
 * (pending, an answer) and the right one (approved). Time moves on the emulator's clock, not the wall's.
 */
import * as OTPAuth from 'otpauth';
import { loadConnector } from '../../manifest/load.js';
import { runScenario, loadScenario, movedClock, type FlowEvent, type Question } from '../../flows/index.js';
import type { Emulator } from '../../../emulator/index.js';

export const TOTP_DEMO_IDENTITY = 'ana-0b6c1f2e-demo';
export const TOTP_DEMO_ACCOUNT = 'ana@example.com';

export interface TotpDemoLine {
  /** say: what the flow printed; step: a finished step; code: what the authenticator app entered. */
  kind: 'say' | 'step' | 'code';
  step: string;
  text: string;
  depth: number;
}

export interface TotpDemoReport {
  ok: boolean;
  /** The flow's result: enrolled, approved, factorSid, statuses and tries. */
  result: Record<string, unknown> | null;
  /** The otpauth:// link the enrolment returned (an emulator secret, shown once like Twilio's). */
  uri: string | null;
  /** The link as a QR code for a terminal. */
  qr: string | null;
  /** Which independent library computed the codes. */
  authenticator: string;
  lines: TotpDemoLine[];
  error?: string;
}

const detail = (output: unknown): string => {
  const out = (output ?? {}) as Record<string, unknown>;
  return ['status', 'factor_type', 'sid'].filter((k) => typeof out[k] === 'string').map((k) => `${k}=${String(out[k])}`).join(' ');
};

/** A code of the app's length that no time step within the factor's skew (±1 here) accepts. */
function wrongCode(app: OTPAuth.TOTP, now: number): string {
  const near = new Set([-1, 0, 1].map((step) => app.generate({ timestamp: now + step * app.period * 1000 })));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(app.digits, '0');
    if (!near.has(candidate)) return candidate;
  }
}

export async function runTotpDemo(options: { emulator?: Emulator } = {}): Promise<TotpDemoReport> {
  const { startEmulator } = await import('../../../emulator/index.js');
  const emulator = options.emulator ?? (await startEmulator());
  const lines: TotpDemoLine[] = [];
  const report: TotpDemoReport = { ok: false, result: null, uri: null, qr: null, authenticator: `otpauth ${OTPAuth.version}`, lines };
  let app: OTPAuth.TOTP | undefined;
  let loginTries = 0;
  try {
    const connector = await loadConnector();
    const connection = { accountSid: emulator.accountSid, authToken: emulator.authToken, baseUrl: emulator.url };
    const enter = (question: Question, code: string, why: string): string => {
      lines.push({ kind: 'code', step: question.step, text: `${code}  (${why})`, depth: 1 });
      return code;
    };
    const answers = async (question: Question): Promise<string> => {
      if (!app) throw new Error(`step ${question.step} asks for a code before the factor was created`);
      if (question.step.endsWith('firstCode')) return enter(question, app.generate({ timestamp: emulator.clock.now() }), 'the code the app shows now, computed by otpauth');
      loginTries++;
      // A login comes later than the enrolment: the app shows the next time step's code.
      if (loginTries === 1) {
        emulator.clock.advance(app.period * 1000);
        return enter(question, wrongCode(app, emulator.clock.now()), 'a mistyped code');
      }
      return enter(question, app.generate({ timestamp: emulator.clock.now() }), 'the code the app shows now, computed by otpauth');
    };
    const onEvent = (event: FlowEvent): void => {
      if (event.type === 'say') lines.push({ kind: 'say', step: event.step, text: event.text, depth: event.depth });
      if (event.type !== 'done' || event.kind !== 'module') return;
      if (event.step === 'enrol' && event.record.ok) {
        const uri = (event.record.output as { binding?: { uri?: string } }).binding?.uri ?? null;
        report.uri = uri;
        if (uri) app = OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
      }
      lines.push({ kind: 'step', step: event.step, text: `${event.target ?? ''}  ${event.record.ok ? detail(event.record.output) : String(event.record.error?.['code'] ?? 'failed')}`, depth: event.depth });
    };
    const run = await runScenario(loadScenario('totp-authenticator'), {
      connector,
      connection,
      params: { identity: TOTP_DEMO_IDENTITY, accountName: TOTP_DEMO_ACCOUNT },
      answers,
      clock: movedClock(emulator.clock),
      onEvent,
    });
    report.result = run.result as Record<string, unknown>;
    if (report.uri) {
      const { default: QRCode } = await import('qrcode');
      report.qr = await QRCode.toString(report.uri, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
    }
    report.ok = report.result['enrolled'] === true && report.result['approved'] === true && report.result['loginTries'] === 2;
    if (!report.ok) report.error = `the story did not end as expected: ${JSON.stringify(report.result)}`;
  } catch (error) {
    report.error = (error as Error).message;
  } finally {
    if (!options.emulator) await emulator.close();
  }
  return report;
}
