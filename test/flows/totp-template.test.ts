/**
 * The flow template totp-authenticator on the emulator, answered by a script that plays the authenticator app with
 * otpauth: enrol, verify with the first code, log in; wrong codes are answers that loop, at most 5 times each.
 */
import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import { loadConnector } from '../../connector/index.js';
import { loadScenario, movedClock, runScenario, type FlowEvent, type Question } from '../../connector/flows/index.js';
import { createClock, startEmulator, type Emulator } from '../../emulator/index.js';

const IDENTITY = 'user-7f3a9c21-0001';

describe('flow template totp-authenticator (emulator)', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator({ clock: createClock({ frozen: true, start: Date.UTC(2025, 0, 15, 12, 0, 0) }) });
  });
  afterEach(async () => {
    await emulator.close();
  });

  /** Runs the template; `answer` gets the authenticator (from the enrol step's binding.uri) and the question. */
  async function run(answer: (app: OTPAuth.TOTP, question: Question) => string, params: Record<string, unknown> = {}) {
    const connector = await loadConnector();
    let app: OTPAuth.TOTP | undefined;
    const said: string[] = [];
    const onEvent = (event: FlowEvent): void => {
      if (event.type === 'say') said.push(event.text);
      if (event.type === 'done' && event.step === 'enrol' && event.record.ok) app = OTPAuth.URI.parse((event.record.output as { binding: { uri: string } }).binding.uri) as OTPAuth.TOTP;
    };
    const result = await runScenario(loadScenario('totp-authenticator'), {
      connector,
      connection: { accountSid: emulator.accountSid, authToken: emulator.authToken, baseUrl: emulator.url },
      params: { identity: IDENTITY, ...params },
      answers: async (question) => answer(app!, question),
      clock: movedClock(emulator.clock),
      onEvent,
    });
    return { result: result.result as Record<string, unknown>, said, app: app! };
  }
  const now = (app: OTPAuth.TOTP): string => app.generate({ timestamp: emulator.clock.now() });
  const wrong = (app: OTPAuth.TOTP): string => (now(app) === '000000' || app.validate({ token: '000000', timestamp: emulator.clock.now(), window: 1 }) !== null ? '999999' : '000000');

  it('right first code and right login code: enrolled and approved in one try each; the link is shown once', async () => {
    const { result, said, app } = await run((a) => now(a), { accountName: 'ana@example.com' });
    assert.deepEqual({ ...result, factorSid: undefined }, { enrolled: true, approved: true, factorSid: undefined, factorStatus: 'verified', loginStatus: 'approved', enrolTries: 1, loginTries: 1 });
    assert.match(String(result['factorSid']), /^YF[0-9a-f]{32}$/);
    assert.equal(app.label, 'ana@example.com');
    assert.equal(said.filter((s) => s.includes('otpauth://')).length, 1);
  });

  it('wrong codes loop as answers (unverified, then pending), and the next right code goes through', async () => {
    const answers: Array<(a: OTPAuth.TOTP) => string> = [wrong, (a) => now(a), wrong, wrong, (a) => now(a)];
    const { result, said } = await run((a) => answers.shift()!(a));
    assert.equal(result['enrolled'], true);
    assert.equal(result['enrolTries'], 2);
    assert.equal(result['approved'], true);
    assert.equal(result['loginTries'], 3);
    assert.equal(said.filter((s) => s.startsWith('That code was not right')).length, 1);
    assert.equal(said.filter((s) => s.startsWith('Wrong code')).length, 2);
  });

  it('5 wrong first codes: not enrolled, the flow ends before any login and nothing more is sent', async () => {
    const { result } = await run((a) => wrong(a));
    assert.deepEqual({ ...result, factorSid: undefined }, { enrolled: false, approved: false, factorSid: undefined, factorStatus: 'unverified', loginStatus: 'pending', enrolTries: 5, loginTries: 0 });
  });
});
