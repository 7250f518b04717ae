/**
 * The shipped templates end to end on the emulator, its frozen clock moved instead of waiting.
 * Seeds: Twilio Studio Verify sub-flow, Next Matter main + sub-workflow, Vonage workflow_id 1–7 (VERIFY-FACTS.md).
 */
import assert from 'node:assert/strict';
import { FlowError } from '../../connector/flows/flow-error.js';
import { flowBench, freshNumber, VONAGE_PRESETS, type FlowBench } from './support.js';

describe('templates on the emulator', () => {
  let bench: FlowBench;
  before(async () => (bench = await flowBench()));
  after(() => bench.emu.close());

  describe('studio-verify-subflow (Studio sub-flow: to in; verified, status, attempts out)', () => {
    it('approves on the second code: a wrong code first, then the right one', async () => {
      const to = freshNumber();
      const run = await bench.run('studio-verify-subflow', { to, serviceSid: bench.serviceSid }, ['999999', '@code']);
      assert.deepEqual(
        { verified: (run.result as any).verified, status: (run.result as any).status, attempts: (run.result as any).attempts, sends: (run.result as any).sends },
        { verified: true, status: 'approved', attempts: 2, sends: 1 },
      );
      assert.deepEqual(bench.emu.outbox({ to }).map((m) => m.channel), ['sms']);
    });

    it('NOTRECEIVED re-sends the same code, and the third send is a voice call', async () => {
      const to = freshNumber();
      const run = await bench.run('studio-verify-subflow', { to, serviceSid: bench.serviceSid }, ['NOTRECEIVED', 'RESEND', '@code']);
      assert.equal((run.result as any).status, 'approved');
      const sent = bench.emu.outbox({ to });
      assert.deepEqual(sent.map((m) => m.channel), ['sms', 'sms', 'call']);
      assert.equal(new Set(sent.map((m) => m.code)).size, 1, 'Twilio re-sends the same code while pending');
      assert.equal((run.result as any).sends, 3);
    });

    it('five wrong codes end as max_attempts_reached (Twilio allows 5 checks)', async () => {
      const to = freshNumber();
      const run = await bench.run('studio-verify-subflow', { to, serviceSid: bench.serviceSid }, Array(5).fill('999999'));
      assert.deepEqual([(run.result as any).verified, (run.result as any).status, (run.result as any).attempts], [false, 'max_attempts_reached', 5]);
    });

    it('the 10-minute window passing is reported as expired (a check after it answers 404 20404)', async () => {
      const to = freshNumber();
      const late = () => {
        const code = bench.code(to);
        bench.emu.clock.advance(11 * 60_000);
        return code;
      };
      const run = await bench.run('studio-verify-subflow', { to, serviceSid: bench.serviceSid }, [late]);
      assert.deepEqual([(run.result as any).verified, (run.result as any).status], [false, 'expired']);
    });

    it('WRONGNUMBER cancels and starts again on the corrected number', async () => {
      const wrong = freshNumber();
      const right = freshNumber();
      const run = await bench.run('studio-verify-subflow', { to: wrong, serviceSid: bench.serviceSid }, ['WRONGNUMBER', right, '@code']);
      assert.deepEqual([(run.result as any).status, (run.result as any).to], ['approved', right]);
      assert.equal(bench.emu.outbox({ to: right }).length, 1);
      assert.notEqual(run.vars['verificationSid'], run.steps['send']!.output && (run.steps['send']!.output as any).sid, 'a new verification');
    });

    it('creates a Verify service when none is given (handy on the emulator)', async () => {
      const run = await bench.run('studio-verify-subflow', { to: freshNumber() }, ['@code']);
      assert.match(String((run.result as any).serviceSid), /^VA[0-9a-f]{32}$/);
      assert.notEqual((run.result as any).serviceSid, bench.serviceSid);
    });

    it('refuses parameters that do not match its params schema, before sending anything', async () => {
      await assert.rejects(bench.run('studio-verify-subflow', { to: '12345' }, []), (e: unknown) => e instanceof FlowError && e.code === 'invalid_params' && e.problems![0]!.pointer === '/params/to');
    });
  });

  describe('next-matter-main-workflow (launches the sub-workflow and branches on its outcome)', () => {
    const cases: Array<[string, (to: string) => Array<string | (() => string)>, Record<string, unknown>]> = [
      ['approved → verified, continue', () => ['@code'], { outcome: 'verified', next: 'continue', status: 'approved', verified: true, attempts: 1 }],
      ['five wrong codes → blocked, manual review (max_attempts_reached reported to the parent)', () => Array(5).fill('999999'), { outcome: 'blocked', next: 'manual_review', status: 'max_attempts_reached', verified: false, attempts: 5 }],
      ['the window passing → expired, restart', (to) => [() => ((bench.emu.clock.advance(11 * 60_000), bench.code(to)))], { outcome: 'expired', next: 'restart', status: 'expired', verified: false, attempts: 0 }],
      ['a failure (the corrected number is not a number) → not verified, stop', () => ['WRONGNUMBER', '+1'], { outcome: 'not_verified', next: 'stop', status: 'failed', verified: false, attempts: 0 }],
    ];
    for (const [what, answers, expected] of cases) {
      it(what, async () => {
        const to = freshNumber();
        const run = await bench.run('next-matter-main-workflow', { to, serviceSid: bench.serviceSid }, answers(to));
        const { message: _message, ...result } = run.result as Record<string, unknown>;
        assert.deepEqual(result, expected);
      });
    }

    it('a failing sub-workflow is data, not a crash (skip on failure): the branch sees its error code', async () => {
      const to = freshNumber();
      // No answers at all: the sub-workflow's ask fails, the main workflow continues with the error as data.
      const run = await bench.run('next-matter-main-workflow', { to, serviceSid: bench.serviceSid }, []);
      assert.equal(run.steps['verify']!.ok, false);
      assert.equal((run.steps['verify']!.error as any).code, 'no_answer');
      assert.deepEqual([(run.result as any).outcome, (run.result as any).status], ['not_verified', 'no_answer']);
    });
  });

  describe('vonage-fallback-1…7 (Vonage workflow_id presets on Twilio, TTS → call)', () => {
    for (const [preset, steps] of Object.entries(VONAGE_PRESETS)) {
      it(`preset ${preset}: ${steps.map(([c]) => c).join(' → ')} at the preset's waits, then stops once approved`, async () => {
        const to = freshNumber();
        const t0 = bench.emu.clock.now();
        // Nothing entered while the steps go out, then the code.
        const answers = [...Array(steps.length).fill(''), '@code'];
        const run = await bench.run(`vonage-fallback-${preset}`, { to, serviceSid: bench.serviceSid }, answers);
        assert.equal((run.result as any).status, 'approved');
        const sent = bench.emu.outbox({ to });
        assert.deepEqual(sent.map((m) => m.channel), steps.map(([c]) => c));
        let at = 0;
        const expectedTimes = steps.map(([, wait], i) => (i === 0 ? 0 : (at += steps[i - 1]![1] * 1000)));
        assert.deepEqual(sent.map((m) => Date.parse(String(m.at)) - t0), expectedTimes, 'each channel at its wait, never early');
        void at;
      });
    }

    it('preset 1 stops escalating once approved: the code entered after the first SMS means no call at all', async () => {
      const to = freshNumber();
      const run = await bench.run('vonage-fallback-1', { to, serviceSid: bench.serviceSid }, ['@code']);
      assert.equal((run.result as any).verified, true);
      bench.emu.clock.advance(600_000);
      assert.deepEqual(bench.emu.outbox({ to }).map((m) => m.channel), ['sms']);
    });
  });
});
