/** `validateScenario` (and so `flow validate`): each broken scenario is blamed at the right JSON pointer. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConnector, type Connector } from '../../connector/index.js';
import { listTemplates, loadScenario } from '../../connector/flows/load.js';
import { validateScenario } from '../../connector/flows/validation.js';

const ok = {
  id: 'sample',
  title: 'A sample',
  description: 'Sends a code and checks it.',
  params: { type: 'object', required: ['to'], properties: { to: { type: 'string' } } },
  steps: [
    { id: 'send', module: 'start-verification', input: { serviceSid: 'VA' + 'a'.repeat(32), to: '$.params.to', channel: 'sms' } },
    { id: 'rounds', loop: { max: 5, until: { eq: ['$.steps.check.output.status', 'approved'] }, steps: [
      { id: 'code', ask: { prompt: 'Code?', to: '$.params.to' } },
      { id: 'check', module: 'check-verification', input: { serviceSid: 'VA' + 'a'.repeat(32), to: '$.params.to', code: '$.steps.code.output.answer' }, onError: 'continue', save: { status: '$.status' } },
    ] } },
  ],
  result: { status: '$.vars.status' },
};

describe('validateScenario', () => {
  let connector: Connector;
  before(async () => (connector = await loadConnector()));

  it('accepts a good scenario', () => assert.deepEqual(validateScenario(ok, { connector }).errors, []));

  for (const template of listTemplates()) {
    it(`accepts the shipped template ${template.id}`, () => {
      const loaded = loadScenario(template.id);
      assert.deepEqual(validateScenario(loaded.scenario, { connector, file: loaded.file }).errors, []);
    });
  }

  const broken: Array<[string, (s: any) => void, string]> = [
    ['a reference to a missing step', (s) => (s.steps[1].loop.steps[1].input.code = '$.steps.answer.output.answer'), '/steps/1/loop/steps/1/input/code'],
    ['a loop without a maximum', (s) => delete s.steps[1].loop.max, '/steps/1/loop/max'],
    ['a reference to a step that has not run yet', (s) => (s.steps[0].input.to = '$.steps.code.output.answer'), '/steps/0/input/to'],
    ['a parameter the scenario does not declare', (s) => (s.steps[0].input.to = '$.params.phone'), '/steps/0/input/to'],
    ['a variable no step sets', (s) => (s.result.status = '$.vars.state'), '/result/status'],
    ['a prototype path', (s) => (s.result.status = '$.params.__proto__'), '/result/status'],
    ['a duplicate step id', (s) => (s.steps[1].loop.steps[0].id = 'send'), '/steps/1/loop/steps/0/id'],
    ['a step with two kinds', (s) => (s.steps[0].say = 'hi'), '/steps/0'],
    ['a step with no kind', (s) => delete s.steps[0].module, '/steps/0'],
    ['break outside a loop', (s) => s.steps.push({ id: 'out', break: true }), '/steps/2/break'],
    ['a module the connector lacks', (s) => (s.steps[0].module = 'send-code'), '/steps/0/module'],
    ['an input the module does not take', (s) => (s.steps[0].input.colour = 'red'), '/steps/0/input/colour'],
    ['a literal input the module refuses', (s) => (s.steps[0].input.channel = 'pigeon'), '/steps/0/input/channel'],
    ['a missing sub-scenario', (s) => s.steps.push({ id: 'sub', scenario: 'no-such-template' }), '/steps/2/scenario'],
    ['a sub-scenario parameter it does not declare', (s) => s.steps.push({ id: 'sub', scenario: 'studio-verify-subflow', params: { to: '$.params.to', phone: 'x' } }), '/steps/2/params/phone'],
    ['a loop maximum of 0', (s) => (s.steps[1].loop.max = 0), '/steps/1/loop/max'],
    ['a wait longer than an hour', (s) => s.steps.push({ id: 'pause', wait: { seconds: 7200 } }), '/steps/2/wait/seconds'],
    ['a negative wait', (s) => s.steps.push({ id: 'pause', wait: { seconds: -1 } }), '/steps/2/wait/seconds'],
    ['a wait that is not a number', (s) => s.steps.push({ id: 'pause', wait: { seconds: 'soon' } }), '/steps/2/wait/seconds'],
    ['an onError.continue code no module fails with', (s) => (s.steps[0].onError = { continue: ['gone'] }), '/steps/0/onError/continue/0'],
    ['an onError.continue code a sub-scenario cannot fail with', (s) => s.steps.push({ id: 'sub', scenario: 'studio-verify-subflow', params: { to: '$.params.to' }, onError: { continue: ['no_answer', 'gone'] } }), '/steps/2/onError/continue/1'],
  ];
  for (const [what, breakIt, pointer] of broken) {
    it(`rejects ${what} at ${pointer}`, () => {
      const scenario = structuredClone(ok);
      breakIt(scenario);
      const report = validateScenario(scenario, { connector });
      assert.equal(report.valid, false);
      assert.ok(report.errors.some((e) => e.pointer === pointer), `expected ${pointer}; got ${JSON.stringify(report.errors)}`);
    });
  }

  it('a wait given by a reference, and continue codes of both kinds, are accepted', () => {
    const scenario = structuredClone(ok) as any;
    scenario.steps.push({ id: 'pause', wait: { seconds: '$.params.to' } });
    scenario.steps.push({ id: 'sub', scenario: 'studio-verify-subflow', params: { to: '$.params.to' }, onError: { continue: ['no_answer', 'verification_not_pending'] } });
    assert.deepEqual(validateScenario(scenario, { connector }).errors, []);
  });

  describe('scenarios that call themselves (each run would nest until the depth limit)', () => {
    let dir: string;
    before(() => (dir = mkdtempSync(join(tmpdir(), 'self-calling-'))));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const scenario = (id: string, calls: string) => ({ id, title: id, description: `calls ${calls}.`, steps: [{ id: 'again', scenario: `./${calls}.json` }] });

    it('directly: refused at the step that calls', () => {
      writeFileSync(join(dir, 'self.json'), JSON.stringify(scenario('self', 'self')));
      const report = validateScenario(loadScenario(join(dir, 'self.json')).scenario, { connector, file: join(dir, 'self.json') });
      assert.equal(report.valid, false);
      assert.deepEqual(report.errors.map((e) => [e.pointer, e.file ?? null]), [['/steps/0/scenario', null]]);
      assert.match(report.errors[0]!.message, /leads back to this scenario/);
    });

    it('through another: refused in the file whose step closes the circle', () => {
      writeFileSync(join(dir, 'ping.json'), JSON.stringify(scenario('ping', 'pong')));
      writeFileSync(join(dir, 'pong.json'), JSON.stringify(scenario('pong', 'ping')));
      const report = validateScenario(loadScenario(join(dir, 'ping.json')).scenario, { connector, file: join(dir, 'ping.json') });
      assert.equal(report.valid, false);
      assert.deepEqual(report.errors.map((e) => [e.pointer, e.file]), [['/steps/0/scenario', join(dir, 'pong.json')]]);
      assert.match(report.errors[0]!.message, /leads back to .*ping\.json/);
    });
  });

  it('a step inside a loop may refer to a later step of the same loop (its previous round)', () => {
    const scenario = structuredClone(ok);
    (scenario.steps[1] as any).loop.steps[0].when = { ne: ['$.steps.check.output.status', 'approved'] };
    assert.deepEqual(validateScenario(scenario, { connector }).errors, []);
  });
});
