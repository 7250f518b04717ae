/**
 * `flow export --to n8n`: the expression translation means what our interpreter means (checked side by side on a
 * table of expressions and scopes), every shipped template exports to a workflow n8n can load (connections, node
 * references, expressions n8n's raw-JSON resolver reads whole, parameters n8n's own resolution keeps), and what has
 * no n8n equivalent is refused by name. The exported workflows run in a real n8n in `npm run test:hosts`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, test as holds } from '../../connector/expressions/index.js';
import { listTemplates } from '../../connector/flows/index.js';
import { loadConnector, type Connector } from '../../connector/index.js';
import { describeNode, NODE_TYPE } from '../../connector/n8n/description.js';
import { conditionJs, valueJs } from '../../connector/n8n/flows/js.js';
import { exportScenario, ExportError, exportTemplates, type N8nWorkflow } from '../../connector/n8n/flows/export.js';
import { runCli } from '../support/cli.js';
import { resolvedParameters } from './support.js';

/** Runs translated JavaScript the way n8n does for one expression: `$json` is the item. */
function run(js: string, scope: unknown): unknown {
  return new Function('$json', `return (${js});`)(structuredClone(scope));
}

const SCOPES = [
  { params: { to: '+15005550006' }, vars: { n: 2, s: 'call', o: { a: 1 }, nothing: null, list: [1, 2], empty: '' }, steps: { check: { ok: false, error: { code: 'max_check_attempts' } } } },
  { params: {}, vars: { n: 0, s: '', list: [], 'a b': 'spaced' }, steps: { check: { ok: true, output: { status: 'approved', send_code_attempts: [{ time: 't1' }, { time: 't2' }] } } } },
  { params: { to: 'x' }, vars: {}, steps: {} },
];

const VALUES: unknown[] = [
  '$.params.to',
  '$.vars.o',
  '$.vars.missing.deeper',
  "$.vars['a b']",
  '$.steps.check.output.send_code_attempts[1].time',
  'Sent to {{$.params.to}} by {{ $.vars.s }}: {{$.vars.o}} {{$.vars.nothing}}.',
  'plain text',
  42,
  null,
  { $literal: '$.not.a.path' },
  { $first: ['$.vars.nothing', '$.vars.missing', '$.vars.s', 'fallback'] },
  { $first: ['$.vars.nothing', '$.vars.missing'] },
  { $count: '$.vars.list' },
  { $count: '$.vars.s' },
  { $count: '$.vars.missing' },
  { $add: [{ $first: ['$.vars.n', 0] }, 1] },
  { $if: [{ ge: ['$.vars.n', 2] }, 'call', 'sms'] },
  { $test: { eq: ['$.steps.check.output.status', 'approved'] } },
  { $lookup: [{ $literal: { '1': 'one', '2': 'two' } }, '$.vars.n'] },
  { $lookup: [{ $literal: { a: 1 } }, '$.vars.missing'] },
  { status: '$.steps.check.output.status', code: '$.steps.check.error.code', list: ['$.vars.missing', 1] },
];

const CONDITIONS: unknown[] = [
  true,
  { eq: ['$.vars.nothing', '$.vars.missing'] },
  { eq: ['$.vars.o', { $literal: { a: 1 } }] },
  { ne: ['$.vars.s', ''] },
  { eq: ['$.vars.n', '2'] },
  { lt: ['$.vars.n', 5] },
  { ge: ['$.vars.s', 'b'] },
  { gt: ['$.vars.n', '1'] },
  { le: ['$.vars.missing', 3] },
  { in: ['$.steps.check.error.code', ['verification_not_pending', 'max_check_attempts']] },
  { in: ['$.vars.missing', [null]] },
  { exists: '$.vars.nothing' },
  { exists: '$.steps.check.output' },
  { and: [{ exists: '$.params.to' }, { not: { eq: ['$.vars.s', 'sms'] } }] },
  { or: [false, { eq: ['$.vars.list', { $literal: [1, 2] }] }] },
];

describe('n8n flow export: expressions mean what the interpreter means', () => {
  it('every value template computes the same value', () => {
    for (const template of VALUES) {
      for (const scope of SCOPES) {
        const ours = evaluate(template, scope);
        const translated = run(valueJs(template, '$json'), scope);
        // JSON: a missing value is left out of an object by both (n8n keeps state as JSON between nodes).
        assert.deepEqual(JSON.parse(JSON.stringify({ v: translated }) ?? '{}'), JSON.parse(JSON.stringify({ v: ours })), `${JSON.stringify(template)} in ${JSON.stringify(scope)}`);
      }
    }
  });

  it('every condition holds exactly when the interpreter says so', () => {
    for (const condition of CONDITIONS) {
      for (const scope of SCOPES) {
        assert.equal(run(conditionJs(condition, '$json'), scope), holds(condition, scope), `${JSON.stringify(condition)} in ${JSON.stringify(scope)}`);
      }
    }
  });
});

/** Every `={{ … }}` parameter of a node, with its path. */
function expressions(value: unknown, path = ''): Array<{ path: string; body: string }> {
  if (typeof value === 'string') return value.startsWith('={{') && value.endsWith('}}') ? [{ path, body: value.slice(3, -2) }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => expressions(item, `${path}/${i}`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => expressions(item, `${path}/${key}`));
  return [];
}

const CORE_TYPES = new Set([
  'n8n-nodes-base.executeWorkflowTrigger',
  'n8n-nodes-base.set',
  'n8n-nodes-base.if',
  'n8n-nodes-base.switch',
  'n8n-nodes-base.noOp',
  'n8n-nodes-base.wait',
  'n8n-nodes-base.httpRequest',
  'n8n-nodes-base.stopAndError',
  'n8n-nodes-base.executeWorkflow',
  NODE_TYPE,
]);

describe('n8n flow export: every template', () => {
  let connector: Connector;
  let exported: Record<string, N8nWorkflow>;
  before(async () => {
    connector = await loadConnector();
    exported = exportTemplates(connector);
  });

  it('exports each shipped template, with a stable id', () => {
    assert.deepEqual(Object.keys(exported).sort(), listTemplates().map((t) => t.id).sort());
    assert.deepEqual(exportTemplates(connector), exported, 'the same file every time');
    const ids = Object.values(exported).map((w) => w.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.ok(id.length <= 21, `${id}: n8n ids have at most 21 characters`);
  });

  it('is a workflow n8n can load: unique names, known node types, connections and $() references that exist', () => {
    for (const [template, workflow] of Object.entries(exported)) {
      const names = new Set(workflow.nodes.map((n) => n.name));
      assert.equal(names.size, workflow.nodes.length, `${template}: node names are unique`);
      assert.equal(workflow.nodes[0]!.type, 'n8n-nodes-base.executeWorkflowTrigger');
      for (const node of workflow.nodes) assert.ok(CORE_TYPES.has(node.type), `${template}: ${node.name} is a ${node.type}`);
      for (const [from, { main }] of Object.entries(workflow.connections)) {
        assert.ok(names.has(from), `${template}: connection from ${from}`);
        for (const targets of main) for (const target of targets) assert.ok(names.has(target.node), `${template}: ${from} → ${target.node}`);
      }
      const reached = new Set(Object.values(workflow.connections).flatMap(({ main }) => main.flat().map((t) => t.node)));
      for (const node of workflow.nodes.slice(1)) assert.ok(reached.has(node.name), `${template}: ${node.name} is reached`);
      for (const node of workflow.nodes) {
        for (const { path, body } of expressions(node.parameters)) {
          for (const match of body.matchAll(/\$\("((?:[^"\\]|\\.)*)"\)/g)) assert.ok(names.has(JSON.parse(`"${match[1]}"`)), `${template}: ${node.name}${path} reads node ${match[1]}`);
          assert.ok(!body.includes('}}') && !body.includes('{{'), `${template}: ${node.name}${path}: n8n's raw-JSON resolver stops at the first }}`);
          assert.ok(!body.includes('...$json'), `${template}: ${node.name}${path}: n8n's sandbox cannot spread $json`);
          assert.doesNotThrow(() => new Function('$json', '$', '$execution', `return (${body});`), `${template}: ${node.name}${path} is JavaScript`);
        }
      }
    }
  });

  it('turns every step into nodes: a node named by each step id, module steps as the Twilio Verify node n8n resolves unchanged', () => {
    const { description } = describeNode(connector);
    for (const [template, workflow] of Object.entries(exported)) {
      const scenario = JSON.parse(readFileSync(listTemplates().find((t) => t.id === template)!.file, 'utf8'));
      const ids: Array<{ id: string; module?: string; input?: unknown }> = [];
      const walk = (steps: Array<Record<string, any>> = []): void => {
        for (const step of steps) {
          ids.push(step as never);
          walk(step['then']);
          walk(step['else']);
          walk(step['default']);
          for (const list of Object.values(step['cases'] ?? {})) walk(list as never);
          walk(step['loop']?.steps);
        }
      };
      walk(scenario.steps);
      for (const step of ids) {
        if (step.id === undefined) continue;
        const kind = ['break', 'end'].find((k) => (step as Record<string, unknown>)[k] !== undefined);
        if (kind) continue;
        const node = workflow.nodes.find((n) => n.name === step.id);
        assert.ok(node, `${template}: step ${step.id} has a node`);
        if (step.module) {
          assert.equal(node.type, NODE_TYPE);
          assert.equal(node.parameters['operation'], step.module);
          const resolved = resolvedParameters(description, node.parameters as never);
          for (const [key, value] of Object.entries(node.parameters)) assert.deepEqual(resolved[key], value, `${template}: ${step.id}'s ${key} survives n8n's resolution`);
        }
      }
    }
  });

  it('calls a sub-scenario by its exported workflow, and passes askUrl to one that asks', () => {
    const [main, sub] = exportScenario(connector, 'next-matter-main-workflow');
    assert.equal(sub!.id, exported['studio-verify-subflow']!.id);
    const call = main!.nodes.find((n) => n.type === 'n8n-nodes-base.executeWorkflow')!;
    assert.equal((call.parameters['workflowId'] as { value: string }).value, sub!.id);
    assert.deepEqual(Object.keys((call.parameters['workflowInputs'] as { value: object }).value).sort(), ['askUrl', 'serviceSid', 'to']);
    const trigger = sub!.nodes[0]!.parameters['workflowInputs'] as { values: Array<{ name: string }> };
    assert.deepEqual(trigger.values.map((v) => v.name), ['to', 'serviceSid', 'askUrl']);
  });

  it('a Vonage fallback waits with Wait nodes and escalates with escalate-verification', () => {
    const workflow = exported['vonage-fallback-1']!;
    const escalate = workflow.nodes.find((n) => n.name === 'escalate')!;
    assert.equal(escalate.parameters['operation'], 'escalate-verification');
    const waits = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.wait').map((n) => n.parameters['resume']);
    assert.deepEqual(waits.sort(), ['timeInterval', 'webhook']);
  });
});

describe('n8n flow export: what has no n8n equivalent is refused by name', () => {
  let connector: Connector;
  before(async () => {
    connector = await loadConnector();
  });
  const scenario = (steps: unknown[]) => ({ scenario: { id: 'my-flow', title: 'My flow', description: 'A flow for the export tests.', params: { type: 'object', properties: { tags: { type: 'object' } } }, steps } as never });

  it('a map field given as one reference (n8n wants its entries one by one)', () => {
    const error = (() => {
      try {
        exportScenario(connector, scenario([{ id: 'send', module: 'start-verification', input: { serviceSid: `VA${'a'.repeat(32)}`, to: '+15005550006', channel: 'sms', tags: '$.params.tags' } }]));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(error instanceof ExportError, String(error));
    assert.equal(error.step, 'send');
    assert.equal(error.pointer, '/steps/0/input/tags');
    assert.match(error.message, /^my-flow: step "send" \(\/steps\/0\/input\/tags\) has no n8n equivalent: /);
  });

  it('an invalid scenario, with the problem it has', () => {
    assert.throws(() => exportScenario(connector, scenario([{ id: 'loop', loop: { steps: [] } }])), (e: unknown) => e instanceof ExportError && /not valid/.test(e.message));
  });
});

describe('n8n flow export: the CLI', () => {
  it('prints one workflow, or a list with its sub-workflows, and writes files with --out', async () => {
    const one = await runCli(['flow', 'export', 'vonage-fallback-2', '--to', 'n8n']);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(JSON.parse(one.stdout).name, 'Fallback workflow 2: SMS → SMS → call');
    const dir = mkdtempSync(join(tmpdir(), 'flow-export-'));
    try {
      const two = await runCli(['flow', 'export', 'next-matter-main-workflow', '--to', 'n8n', '--out', dir]);
      assert.equal(two.status, 0, two.stderr);
      assert.equal(readdirSync(dir).length, 2);
      for (const file of readdirSync(dir)) assert.equal(JSON.parse(readFileSync(join(dir, file), 'utf8')).id, file.replace(/\.json$/, ''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which step cannot be exported, and exits 1; --to is required', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flow-export-'));
    try {
      const file = join(dir, 'bad.json');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, JSON.stringify({ id: 'bad-flow', title: 'Bad flow', description: 'Cannot be exported to n8n.', params: { type: 'object', properties: { tags: { type: 'object' } } }, steps: [{ id: 'send', module: 'start-verification', input: { serviceSid: `VA${'a'.repeat(32)}`, to: '+15005550006', channel: 'sms', tags: '$.params.tags' } }] }));
      const refused = await runCli(['flow', 'export', file, '--to', 'n8n']);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /error \(not_exportable\): bad-flow: step "send" \(\/steps\/0\/input\/tags\) has no n8n equivalent/);
      const usage = await runCli(['flow', 'export', 'vonage-fallback-1']);
      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /--to/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
