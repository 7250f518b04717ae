/**
 * A scenario (flows/*.json) → importable n8n workflows: the scenario's own, then one per sub-scenario it calls.
 * Each starts with "When Executed by Another Workflow" taking the scenario's parameters (plus `askUrl` when it asks
 * questions), builds the state { params, vars, steps } and ends in a Result node whose item is the scenario's
 * `result` — what a calling workflow receives. A sub-scenario step calls the sub-scenario's workflow by its id, so
 * import them together (`n8n import:workflow --separate --input=<dir>` keeps the ids).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Connector } from '../../index.js';
import { listTemplates, loadScenario, validateScenario, type LoadedScenario } from '../../flows/index.js';
import { describeNode } from '../description.js';
import { ASK_URL, compileSteps, ExportError, type CompileContext, type SubWorkflow } from './compile.js';
import { out, WorkflowGraph, type WorkflowNode } from './graph.js';
import { valueJs } from './js.js';
import { executeWorkflowTrigger, setState } from './nodes.js';

export { ExportError } from './compile.js';

/** The credential every exported Twilio Verify node names; import yours with this id, or pick it in each node. */
export const EXPORT_CREDENTIAL = { id: 'twilioVerifyAccount', name: 'Twilio Verify account' };

export interface N8nWorkflow {
  id: string;
  name: string;
  nodes: WorkflowNode[];
  connections: WorkflowGraph['connections'];
  active: false;
  settings: Record<string, unknown>;
  pinData: Record<string, never>;
  meta: Record<string, unknown>;
}

export interface ExportOptions {
  /** The credential the Twilio Verify nodes name (default EXPORT_CREDENTIAL). */
  credential?: { id: string; name: string };
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stable n8n workflow id for a scenario id (n8n takes up to 21 characters). */
export function workflowIdFor(scenarioId: string): string {
  const letters = scenarioId.replace(/[^a-z0-9]/gi, '');
  let hash = 0;
  for (const char of scenarioId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `tvc${letters.slice(0, 10)}${hash.toString(36)}`.slice(0, 21);
}

const WORKFLOW_TYPES: Readonly<Record<string, string>> = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean', array: 'array', object: 'object' };

function paramInputs(scenario: Json): Record<string, string> {
  const properties = isRecord(scenario['params']) && isRecord(scenario['params']['properties']) ? scenario['params']['properties'] : {};
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, WORKFLOW_TYPES[String((schema as Json)['type'])] ?? 'any']));
}

/** True when the steps (or a sub-scenario they call) ask a question. */
function asks(loaded: LoadedScenario, seen = new Set<string>()): boolean {
  if (seen.has(loaded.scenario.id)) return false;
  seen.add(loaded.scenario.id);
  const walk = (steps: unknown): boolean =>
    Array.isArray(steps) &&
    steps.some((step: Json) => {
      if (step['ask'] !== undefined) return true;
      if (typeof step['scenario'] === 'string' && asks(loadScenario(step['scenario'], loaded.file), seen)) return true;
      const loop = step['loop'];
      return walk(step['then']) || walk(step['else']) || walk(step['default']) || (isRecord(step['cases']) && Object.values(step['cases']).some(walk)) || (isRecord(loop) && walk(loop['steps']));
    });
  return walk(loaded.scenario.steps);
}

class Exporter {
  private readonly done = new Map<string, { info: SubWorkflow; workflow?: N8nWorkflow }>();
  private readonly plan;

  constructor(
    private readonly connector: Connector,
    private readonly credential: { id: string; name: string },
  ) {
    this.plan = describeNode(connector).plan;
  }

  /** Exports `loaded` (once) and returns how to call it. */
  export(loaded: LoadedScenario): SubWorkflow {
    const scenario = loaded.scenario as unknown as Json;
    const known = this.done.get(loaded.scenario.id);
    if (known) return known.info;
    const report = validateScenario(loaded.scenario, { connector: this.connector, ...(loaded.file ? { file: loaded.file } : {}) });
    if (!report.valid) {
      const first = report.errors[0]!;
      throw new ExportError(loaded.scenario.id, '-', first.pointer || '/', `the scenario is not valid: ${first.message} (run \`verify-connector flow validate\`)`);
    }
    const inputs = { ...paramInputs(scenario), ...(asks(loaded) ? { [ASK_URL]: 'string' } : {}) };
    const info: SubWorkflow = { id: workflowIdFor(loaded.scenario.id), name: loaded.scenario.title, inputs };
    const entry: { info: SubWorkflow; workflow?: N8nWorkflow } = { info };
    this.done.set(loaded.scenario.id, entry);
    entry.workflow = this.build(loaded, info);
    return info;
  }

  private build(loaded: LoadedScenario, info: SubWorkflow): N8nWorkflow {
    const scenario = loaded.scenario as unknown as Json;
    const graph = new WorkflowGraph(info.id);
    const trigger = graph.add('When called by another workflow', executeWorkflowTrigger(Object.entries(info.inputs).map(([name, type]) => ({ name, type }))), []);
    const properties = isRecord(scenario['params']) && isRecord(scenario['params']['properties']) ? (scenario['params']['properties'] as Record<string, Json>) : {};
    const defaults = Object.fromEntries(Object.entries(properties).filter(([, schema]) => schema['default'] !== undefined).map(([name, schema]) => [name, schema['default']]));
    // Inputs the caller left empty are absent, as a parameter left out of a scenario run is.
    const params = `{ ...${JSON.stringify(defaults)}, ...Object.fromEntries(Object.entries(J).filter((e) => e[1] !== null && e[1] !== undefined && e[1] !== "")) }`;
    const start = graph.add('Parameters', setState(`((J) => ({ params: ${params}, vars: {}, steps: {}, said: [] }))($json)`), [out(trigger)]);
    const ctx: CompileContext = {
      scenario: loaded.scenario.id,
      graph,
      connector: this.connector,
      plan: this.plan,
      credential: this.credential,
      subWorkflow: (step, pointer) => {
        try {
          return this.export(loadScenario(String(step['scenario']), loaded.file));
        } catch (error) {
          if (error instanceof ExportError) throw error;
          throw new ExportError(loaded.scenario.id, String(step['id']), `${pointer}/scenario`, (error as Error).message);
        }
      },
      ends: [],
    };
    const last = compileSteps(scenario['steps'] as Json[], [out(start)], ctx, '/steps');
    const result = scenario['result'];
    const value = result === undefined ? '({})' : isRecord(result) ? valueJs(result, '$json', '/result') : `({ result: ${valueJs(result, '$json', '/result')} })`;
    graph.add('Result', setState(value), [...last, ...ctx.ends]);
    return {
      id: info.id,
      name: info.name,
      nodes: graph.nodes,
      connections: graph.connections,
      active: false,
      settings: { executionOrder: 'v1', callerPolicy: 'workflowsFromSameOwner' },
      pinData: {},
      meta: { templateId: loaded.scenario.id, exportedBy: 'twilio-verify-connector flow export --to n8n' },
    };
  }

  /** Every workflow exported so far, the first one asked for first. */
  workflows(): N8nWorkflow[] {
    return [...this.done.values()].map((entry) => entry.workflow!).filter(Boolean);
  }
}

/** A scenario (template id, file path or loaded scenario) → its workflow first, then those of its sub-scenarios. */
export function exportScenario(connector: Connector, ref: string | LoadedScenario, options: ExportOptions = {}): N8nWorkflow[] {
  const exporter = new Exporter(connector, options.credential ?? EXPORT_CREDENTIAL);
  exporter.export(typeof ref === 'string' ? loadScenario(ref) : ref);
  return exporter.workflows();
}

/** Every shipped template as a workflow, by template id (what the n8n package ships in workflows/). */
export function exportTemplates(connector: Connector, options: ExportOptions = {}): Record<string, N8nWorkflow> {
  const exported: Record<string, N8nWorkflow> = {};
  for (const template of listTemplates()) exported[template.id] = exportScenario(connector, template.id, options)[0]!;
  return exported;
}

/** Writes each workflow as `<dir>/<workflow id>.json` (the layout `n8n import:workflow --separate` reads); returns the paths. */
export function writeWorkflows(workflows: readonly N8nWorkflow[], dir: string): string[] {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  return workflows.map((workflow) => {
    const file = join(folder, `${workflow.id}.json`);
    writeFileSync(file, `${JSON.stringify(workflow, null, 2)}\n`);
    return file;
  });
}
