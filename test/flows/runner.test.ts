/** The runner's parts, each on a small inline scenario against the emulator (clock moved, never waited). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FlowError } from '../../connector/flows/flow-error.js';
import { promptAnswers } from '../../connector/flows/inputs.js';
import { loadScenario } from '../../connector/flows/load.js';
import { PassThrough } from 'node:stream';
import type { FlowEvent } from '../../connector/flows/runner.js';
import { flowBench, freshNumber, type FlowBench } from './support.js';

const base = { $schema: '../schemas/scenario.schema.json', title: 'A test scenario', description: 'Exercises one runner feature.' };
const inline = (id: string, rest: Record<string, unknown>) => ({ scenario: { ...base, id, ...rest } as any });

describe('scenario runner', () => {
  let bench: FlowBench;
  before(async () => (bench = await flowBench()));
  after(() => bench.emu.close());

  it('onError "continue" turns an error into data { code, message, status } that later steps and save ($.status, $.message) read', async () => {
    const run = await bench.run(
      inline('skip-on-failure', {
        steps: [
          { id: 'get', module: 'get-verification', input: { serviceSid: bench.serviceSid, verificationSid: 'VE' + '0'.repeat(32) }, onError: 'continue', save: { status: '$.status', message: '$.message' } },
          { id: 'branch', if: { eq: ['$.steps.get.error.code', 'verification_not_pending'] }, then: [{ id: 'flag', set: { gone: true } }] },
        ],
        result: { error: '$.steps.get.error.code', status: '$.vars.status', gone: '$.vars.gone', hasMessage: { $test: { exists: '$.vars.message' } } },
      }),
      {},
      [],
    );
    assert.deepEqual(run.result, { error: 'verification_not_pending', status: 404, gone: true, hasMessage: true });
    assert.equal(run.steps['get']!.ok, false);
  });

  it('without onError a failing step stops the run with a FlowError naming the step and carrying the module error', async () => {
    await assert.rejects(
      bench.run(inline('fail', { steps: [{ id: 'get', module: 'get-verification', input: { serviceSid: bench.serviceSid, verificationSid: 'VE' + '0'.repeat(32) } }] }), {}, []),
      (e: unknown) => e instanceof FlowError && e.code === 'step_failed' && e.step === 'get' && e.failure?.code === 'verification_not_pending' && e.failure.status === 404,
    );
  });

  it('onError { continue: [codes] } continues only on those codes', async () => {
    const scenario = (codes: string[]) =>
      inline('some', { steps: [{ id: 'get', module: 'get-verification', input: { serviceSid: bench.serviceSid, verificationSid: 'VE' + '0'.repeat(32) }, onError: { continue: codes } }] });
    assert.equal((await bench.run(scenario(['verification_not_pending']), {}, [])).steps['get']!.ok, false);
    await assert.rejects(bench.run(scenario(['not_found']), {}, []), (e: unknown) => e instanceof FlowError && e.code === 'step_failed');
  });

  it('a loop stops at its maximum (completed false), at until, or at break', async () => {
    const run = await bench.run(
      inline('loops', {
        steps: [
          { id: 'init', set: { n: 0 } },
          { id: 'capped', loop: { max: 3, steps: [{ id: 'inc', set: { n: { $add: ['$.vars.n', 1] } } }] } },
          { id: 'untilLoop', loop: { max: 10, until: { ge: ['$.vars.n', 5] }, steps: [{ id: 'inc2', set: { n: { $add: ['$.vars.n', 1] } } }] } },
          { id: 'breakLoop', loop: { max: 10, steps: [{ id: 'stop', when: { ge: ['$.steps.breakLoop.output.iteration', 2] }, break: true }] } },
          { id: 'whileLoop', loop: { max: 10, while: false, steps: [{ id: 'never', say: 'never' }] } },
        ],
        result: { n: '$.vars.n', capped: '$.steps.capped.output', untilLoop: '$.steps.untilLoop.output', breakLoop: '$.steps.breakLoop.output', whileLoop: '$.steps.whileLoop.output' },
      }),
      {},
      [],
    );
    assert.deepEqual(run.result, {
      n: 5,
      capped: { iteration: 3, completed: false },
      untilLoop: { iteration: 2, completed: true },
      breakLoop: { iteration: 2, completed: true },
      whileLoop: { iteration: 0, completed: true },
    });
  });

  it('waits on the injected clock: 90 s pass on the emulator, not in real time', async () => {
    const before = bench.emu.clock.now();
    const started = Date.now();
    await bench.run(inline('wait', { steps: [{ id: 'pause', wait: { seconds: 90 } }] }), {}, []);
    assert.equal(bench.emu.clock.now() - before, 90_000);
    assert.ok(Date.now() - started < 5_000);
  });

  it('asks through the input provider; `to` lets the emulator outbox answer with the code', async () => {
    const to = freshNumber();
    const run = await bench.run(
      inline('ask', {
        params: { type: 'object', properties: { to: { type: 'string' } } },
        steps: [
          { id: 'send', module: 'start-verification', input: { serviceSid: bench.serviceSid, to: '$.params.to', channel: 'sms' } },
          { id: 'code', ask: { prompt: 'Code for {{$.params.to}}?', to: '$.params.to' } },
          { id: 'check', module: 'check-verification', input: { serviceSid: bench.serviceSid, to: '$.params.to', code: '$.steps.code.output.answer' } },
        ],
        result: '$.steps.check.output.status',
      }),
      { to },
      ['@code'],
    );
    assert.equal(run.result, 'approved');
  });

  it('running out of scripted answers is an error (no_answer), never a hang', async () => {
    await assert.rejects(bench.run(inline('ask2', { steps: [{ id: 'q', ask: { prompt: 'Anything?' } }] }), {}, []), (e: unknown) => e instanceof FlowError && e.code === 'no_answer');
  });

  it('sub-scenarios: params in, result out, paths relative to the parent file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flows-'));
    try {
      writeFileSync(join(dir, 'child.json'), JSON.stringify({ ...base, id: 'child', params: { type: 'object', required: ['x'], properties: { x: { type: 'integer' } } }, steps: [{ id: 'double', set: { y: { $add: ['$.params.x', '$.params.x'] } } }], result: { y: '$.vars.y' } }));
      writeFileSync(join(dir, 'parent.json'), JSON.stringify({ ...base, id: 'parent', steps: [{ id: 'call', scenario: './child.json', params: { x: 21 } }], result: '$.steps.call.output.y' }));
      const events: FlowEvent[] = [];
      const run = await bench.run(loadScenario(join(dir, 'parent.json')), {}, [], events);
      assert.equal(run.result, 42);
      assert.ok(events.some((e) => e.type === 'done' && e.step === 'call > double'), 'nested steps are reported with their path');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an expression that fails while running (a value or a condition) is invalid_value naming the step and the part', async () => {
    const failing: Array<[string, Record<string, unknown>, string]> = [
      ['a value', { id: 'sum', set: { total: { $add: ['$.vars.word', 1] } } }, 'step sum, set.total: '],
      ['a condition', { id: 'branch', if: { gt: ['$.vars.word', { $add: ['$.vars.word', 1] }] }, then: [{ id: 'never', say: 'no' }] }, 'step branch, if: '],
    ];
    for (const [what, step, prefix] of failing) {
      await assert.rejects(
        bench.run(inline(`fails-${step['id']}`, { steps: [{ id: 'text', set: { word: 'abc' } }, step] }), {}, []),
        (e: unknown) => e instanceof FlowError && e.code === 'invalid_value' && e.step === step['id'] && e.message.startsWith(prefix) && /\$add needs numbers/.test(e.message),
        what,
      );
    }
  });

  it('reports each step as it runs (start, done, skip, say) in order', async () => {
    const events: FlowEvent[] = [];
    await bench.run(inline('events', { steps: [{ id: 'a', say: 'hello {{$.params.who}}' }, { id: 'b', when: false, set: { x: 1 } }] }), { who: 'Ana' }, [], events);
    assert.deepEqual(events.map((e) => `${e.type}:${e.step}`), ['start:a', 'say:a', 'done:a', 'skip:b']);
    assert.equal((events[1] as { text: string }).text, 'hello Ana');
  });

  it('refuses to run an invalid scenario (invalid_scenario with pointers)', async () => {
    await assert.rejects(
      bench.run(inline('bad', { steps: [{ id: 'x', say: '{{$.steps.nope.output}}' }] }), {}, []),
      (e: unknown) => e instanceof FlowError && e.code === 'invalid_scenario' && e.problems![0]!.pointer === '/steps/0/say',
    );
  });

  it('composed modules in a scenario use the runner clock as "now"', async () => {
    const to = freshNumber();
    const run = await bench.run(
      inline('escalate', {
        steps: [
          { id: 'start', module: 'start-verification', input: { serviceSid: bench.serviceSid, to, channel: 'sms' } },
          { id: 'pause', wait: { seconds: 125 } },
          { id: 'escalate', module: 'escalate-verification', input: { serviceSid: bench.serviceSid, verificationSid: '$.steps.start.output.sid', preset: 1 } },
        ],
        result: '$.steps.escalate.output',
      }),
      {},
      [],
    );
    assert.deepEqual(run.result, { status: 'pending', escalated: true, channel: 'call', attempt: 2, nextCheckInSeconds: 180, done: false });
  });
});

describe('scenario runner: loop state', () => {
  let bench: FlowBench;
  before(async () => (bench = await flowBench()));
  after(() => bench.emu.close());

  it('a step skipped in this round has no result, so a later step never reads the last round as if it were new', async () => {
    const run = await bench.run(
      inline('stale', {
        steps: [
          { id: 'init', set: { counted: 0 } },
          { id: 'rounds', loop: { max: 3, steps: [
            { id: 'maybe', when: { eq: ['$.steps.rounds.output.iteration', 1] }, set: { hit: true } },
            { id: 'count', when: { exists: '$.steps.maybe' }, set: { counted: { $add: ['$.vars.counted', 1] } } },
          ] } },
        ],
        result: '$.vars.counted',
      }),
      {},
      [],
    );
    assert.equal(run.result, 1);
  });
});

describe('prompt input provider (node:readline)', () => {
  it('asks on the output, keeps lines typed ahead for later questions, and fails (no_answer) when the input ends', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk) => (shown += String(chunk)));
    const ask = promptAnswers(input, output);
    input.write('123456\n  NOTRECEIVED  \n');
    assert.equal(await ask({ step: 'a', prompt: 'Code?' }), '123456');
    assert.equal(await ask({ step: 'b', prompt: 'Again?' }), 'NOTRECEIVED');
    const third = ask({ step: 'c', prompt: 'Last?' });
    input.end();
    await assert.rejects(third, (e: unknown) => e instanceof FlowError && e.code === 'no_answer');
    assert.match(shown, /\? Code\? 123456\n\? Again\? /);
    ask.close();
  });
});
