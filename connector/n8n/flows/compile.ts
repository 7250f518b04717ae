/**
 * A scenario's steps → n8n nodes. The scenario's state (`$.params`, `$.vars`, `$.steps`) travels as the item's
 * JSON from node to node; every step kind becomes core n8n nodes that compute the next state exactly as the runner
 * would (connector/flows/):
 *
 *   module       No Operation (keeps the state) → Twilio Verify node → Set (records `$.steps.<id>`, applies `save`);
 *                `onError: continue` is the node's "Continue" setting, `{ continue: [codes] }` adds an If and a
 *                Stop and Error for the other codes
 *   scenario     No Operation → Execute Workflow (the sub-scenario's exported workflow, waiting for it) → Set
 *   ask          Set (the question and $execution.resumeUrl) → If askUrl is set: HTTP Request POST to it →
 *                Wait until resumeUrl is called (the answer in the body: { "answer": "…" }) → Set
 *   wait         Set → Wait (seconds)          set, say   Set
 *   if           Set (the branch) → If         switch     Set (the branch) → Switch (one output per case + default)
 *   loop         Set (round 0) → Set (next round) → [If while] → steps → Switch (again / done / ran out) → Set
 *   break, end   connections to the loop's end / the Result node
 *   when         an If in front of the step (and, inside a loop, a Set that forgets the step's last result)
 *
 * A step that has no translation is refused by name (ExportError), never dropped.
 */
import type { Connector } from '../../index.js';
import { isLiteral } from '../../expressions/index.js';
import { CREDENTIAL_NAME } from '../credentials.js';
import type { NodePlan } from '../description.js';
import type { FieldPlan } from '../fields.js';
import { ParameterShapeError, toParameters } from '../parameters.js';
import { NODE_TYPE } from '../description.js';
import { out, stableUuid, type Port, type WorkflowGraph } from './graph.js';
import { conditionJs, expression, TranslationError, valueJs } from './js.js';
import { checkpoint, executeWorkflow, ifTrue, postJson, setState, stopWithError, switchIndex, waitForCall, waitSeconds } from './nodes.js';

type Json = Record<string, unknown>;

/** A step the export cannot translate, named by its path in the scenario. */
export class ExportError extends Error {
  constructor(
    readonly scenario: string,
    readonly step: string,
    readonly pointer: string,
    reason: string,
  ) {
    super(`${scenario}: step "${step}" (${pointer}) has no n8n equivalent: ${reason}`);
    this.name = 'ExportError';
  }
}

/** What a sub-scenario step needs to know about the workflow it calls. */
export interface SubWorkflow {
  id: string;
  name: string;
  /** Its workflow inputs and their types (the sub-scenario's params, plus askUrl when it asks). */
  inputs: Record<string, string>;
}

export interface CompileContext {
  scenario: string;
  graph: WorkflowGraph;
  connector: Connector;
  plan: NodePlan;
  credential: { id: string; name: string };
  /** The exported workflow of a sub-scenario step (exporting it when needed). */
  subWorkflow(step: Json, pointer: string): SubWorkflow;
  /** Where `end` steps leave from: they connect to the Result node. */
  ends: Port[];
  loop?: { breaks: Port[] };
}

const STEP_KINDS = ['module', 'scenario', 'ask', 'wait', 'set', 'say', 'if', 'switch', 'loop', 'break', 'end'] as const;
type Kind = (typeof STEP_KINDS)[number];

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const q = (text: string): string => JSON.stringify(text);
/** The item JSON of a node's latest run. */
const latest = (node: string): string => `$(${q(node)}).first().json`;
/** `$.steps.<id>` in the current item. */
const stepOf = (id: string): string => `$json.steps[${q(id)}]`;

/** The state `state` with `$.steps.<id>` = `record` and the step's `save` applied to it. */
function withRecord(state: string, id: string, record: string, save?: unknown, pointer = ''): string {
  let saved = '{}';
  if (isRecord(save) && Object.keys(save).length > 0) {
    const entries = Object.entries(save).map(([name, template]) => `${q(name)}: (${valueJs(template, 'B', `${pointer}/save/${name}`)}) ?? null`);
    saved = `((B) => ({ ${entries.join(', ')} }))((R.ok ? R.output : R.error) ?? {})`;
  }
  return `((S, R) => ({ ...S, steps: { ...S.steps, ${q(id)}: R }, vars: { ...S.vars, ...${saved} } }))(${state}, ${record})`;
}

function kindOf(step: Json, ctx: CompileContext, pointer: string): Kind {
  const kinds = STEP_KINDS.filter((kind) => step[kind] !== undefined);
  if (kinds.length !== 1) {
    const known = new Set<string>([...STEP_KINDS, 'id', 'title', 'when', 'input', 'params', 'onError', 'save', 'then', 'else', 'cases', 'default']);
    const unknown = Object.keys(step).filter((key) => !known.has(key));
    throw new ExportError(ctx.scenario, String(step['id']), pointer, unknown.length > 0 ? `the export does not know ${unknown.map((k) => `"${k}"`).join(', ')}` : 'it has no single kind');
  }
  return kinds[0]!;
}

/** A module input template → the values the node's parameters hold: literals as they are, the rest as expressions. */
function inputValues(fields: readonly FieldPlan[], template: Json, step: string, pointer: string, ctx: CompileContext): Json {
  const values: Json = {};
  for (const [key, value] of Object.entries(template)) {
    const field = fields.find((f) => f.key === key);
    values[key] = field ? fieldValue(field, value, step, `${pointer}/${key}`, ctx) : value;
  }
  return values;
}

function fieldValue(field: FieldPlan, template: unknown, step: string, pointer: string, ctx: CompileContext): unknown {
  if (isLiteral(template)) return template;
  const shape = field.shape;
  switch (shape.kind) {
    case 'value':
    case 'json':
      return expression(valueJs(template, '$json', pointer));
    case 'pairs':
      if (isRecord(template) && !Object.keys(template).some((k) => k.startsWith('$'))) {
        return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, isLiteral(v) ? v : expression(valueJs(v, '$json', `${pointer}/${k}`))]));
      }
      break;
    case 'collection':
      if (isRecord(template) && !Object.keys(template).some((k) => k.startsWith('$'))) return inputValues(shape.fields, template, step, pointer, ctx);
      break;
    case 'objects':
      if (Array.isArray(template)) return template.map((entry, i) => (isRecord(entry) ? inputValues(shape.fields, entry, step, `${pointer}/${i}`, ctx) : entry));
      break;
  }
  throw new ExportError(ctx.scenario, step, pointer, 'in the node this field is a group of fields, entries or a list, and one reference cannot fill it: give its parts one by one');
}

/** The record of a module or sub-workflow call: our error as data when the node continued on a failure. */
function callRecord(item: string): string {
  return `((J) => J.error !== undefined && Object.keys(J).length <= 2 ? { ok: false, error: typeof J.error === "object" && J.error !== null ? J.error : { code: (/^([a-z_]+): /.exec(String(J.error)) ?? [])[1] ?? "step_failed", message: String(J.error).replace(/^[a-z_]+: /, ""), status: null } } : { ok: true, output: J })(${item})`;
}

function continues(onError: unknown): boolean {
  return onError === 'continue' || isRecord(onError);
}

/** After a call that continued on a failure: stop unless the failure's code is one `onError` continues on. */
function guardCodes(ctx: CompileContext, id: string, onError: unknown, from: Port[]): Port[] {
  if (!isRecord(onError) || !Array.isArray(onError['continue'])) return from;
  const codes = JSON.stringify(onError['continue']);
  const guard = ctx.graph.add(`${id}: other error?`, ifTrue(`${stepOf(id)}.ok === false && !${codes}.includes(${stepOf(id)}.error.code)`), from);
  ctx.graph.add(`${id}: stop`, stopWithError(`${stepOf(id)}.error.code + ": " + ${stepOf(id)}.error.message`), [out(guard, 0)]);
  return [out(guard, 1)];
}

function compileModule(step: Json, id: string, from: Port[], ctx: CompileContext, pointer: string): Port[] {
  const moduleId = String(step['module']);
  const plan = ctx.plan.modules[moduleId];
  if (!plan) throw new ExportError(ctx.scenario, id, `${pointer}/module`, `there is no module "${moduleId}" in this connector`);
  const template = isRecord(step['input']) ? step['input'] : {};
  let parameters;
  try {
    parameters = toParameters(plan, inputValues([...plan.fields, ...plan.additional], template, id, `${pointer}/input`, ctx));
  } catch (error) {
    if (error instanceof ParameterShapeError) throw new ExportError(ctx.scenario, id, `${pointer}/input${error.pointer}`, error.message);
    throw error;
  }
  const input = ctx.graph.add(`${id}: state`, checkpoint(), from);
  const node = ctx.graph.add(
    id,
    {
      type: NODE_TYPE,
      typeVersion: 1,
      parameters,
      credentials: { [CREDENTIAL_NAME]: ctx.credential },
      ...(continues(step['onError']) ? { onError: 'continueRegularOutput' as const } : {}),
      ...(plan.itemsKey !== undefined ? { alwaysOutputData: true } : {}),
      ...(typeof step['title'] === 'string' ? { notes: step['title'], notesInFlow: true } : {}),
    },
    [out(input)],
  );
  // A search module emits one item per entry (none for an empty list): the record puts the list back together.
  const item = plan.itemsKey === undefined ? '$json' : `((all) => all.length === 1 && all[0].error !== undefined && Object.keys(all[0]).length === 1 ? all[0] : { ${q(plan.itemsKey)}: all.filter((j) => Object.keys(j).length > 0) })($(${q(node)}).all().map((i) => i.json))`;
  const record = ctx.graph.add(`${id}: result`, { ...setState(withRecord(latest(input), id, callRecord(item), step['save'], pointer)), ...(plan.itemsKey !== undefined ? { executeOnce: true } : {}) }, [out(node)]);
  return guardCodes(ctx, id, step['onError'], [out(record)]);
}

function compileScenario(step: Json, id: string, from: Port[], ctx: CompileContext, pointer: string): Port[] {
  const sub = ctx.subWorkflow(step, pointer);
  const params = isRecord(step['params']) ? step['params'] : {};
  const inputs: Record<string, string> = {};
  for (const name of Object.keys(sub.inputs)) {
    if (name === ASK_URL) inputs[name] = expression(`$json.params[${q(ASK_URL)}] ?? null`);
    else if (params[name] !== undefined) inputs[name] = expression(`(${valueJs(params[name], '$json', `${pointer}/params/${name}`)}) ?? null`);
  }
  const unknown = Object.keys(params).find((name) => !(name in sub.inputs));
  if (unknown !== undefined) throw new ExportError(ctx.scenario, id, `${pointer}/params/${unknown}`, `the sub-scenario takes no parameter "${unknown}"`);
  const input = ctx.graph.add(`${id}: state`, checkpoint(), from);
  const node = ctx.graph.add(
    id,
    {
      ...executeWorkflow(sub.id, sub.name, inputs, sub.inputs),
      ...(continues(step['onError']) ? { onError: 'continueRegularOutput' as const } : {}),
      ...(typeof step['title'] === 'string' ? { notes: step['title'], notesInFlow: true } : {}),
    },
    [out(input)],
  );
  const record = ctx.graph.add(`${id}: result`, setState(withRecord(latest(input), id, callRecord('$json'), step['save'], pointer)), [out(node)]);
  return guardCodes(ctx, id, step['onError'], [out(record)]);
}

/** The workflow input through which an app learns each question and where to send the answer. */
export const ASK_URL = 'askUrl';

function compileAsk(step: Json, id: string, from: Port[], ctx: CompileContext, pointer: string): Port[] {
  const ask = step['ask'] as Json;
  const prompt = `String(${valueJs(ask['prompt'], '$json', `${pointer}/ask/prompt`)})`;
  const to = ask['to'] === undefined ? 'null' : `(${valueJs(ask['to'], '$json', `${pointer}/ask/to`)}) ?? null`;
  const asking = ctx.graph.add(`${id}: question`, setState(`((S, A) => ({ ...S, asking: A }))($json, { step: ${q(id)}, prompt: ${prompt}, to: ${to}, resumeUrl: $execution.resumeUrl })`), from);
  const tell = ctx.graph.add(`${id}: app to tell?`, ifTrue(`typeof $json.params[${q(ASK_URL)}] === "string" && $json.params[${q(ASK_URL)}] !== ""`), [out(asking)]);
  const post = ctx.graph.add(`${id}: tell the app`, postJson(`$json.params[${q(ASK_URL)}]`, '$json.asking'), [out(tell, 0)]);
  const wait = ctx.graph.add(id, { ...waitForCall(stableUuid(`${ctx.scenario}/${id}/answer`)), ...(typeof step['title'] === 'string' ? { notes: step['title'] as string, notesInFlow: true } : {}) }, [out(post), out(tell, 1)]);
  const answer = '{ ok: true, output: { answer: String($json.body?.answer ?? $json.query?.answer ?? "").trim() } }';
  return [out(ctx.graph.add(`${id}: answer`, setState(withRecord(latest(asking), id, answer, step['save'], pointer)), [out(wait)]))];
}

function compileLoop(step: Json, id: string, from: Port[], ctx: CompileContext, pointer: string): Port[] {
  const loop = step['loop'] as Json;
  const max = Number(loop['max']);
  if (!Number.isInteger(max) || max < 1) throw new ExportError(ctx.scenario, id, `${pointer}/loop/max`, 'a loop needs a whole number max');
  const round = (iteration: string, completed: boolean): string => withRecord('$json', id, `{ ok: true, output: { iteration: ${iteration}, completed: ${completed} } }`);
  const iteration = `${stepOf(id)}.output.iteration`;
  const start = ctx.graph.add(`${id}: start`, setState(round('0', false)), from);
  const next = ctx.graph.add(id, { ...setState(round(`${iteration} + 1`, false)), ...(typeof step['title'] === 'string' ? { notes: step['title'], notesInFlow: true } : {}) }, [out(start)]);
  let body: Port[] = [out(next)];
  const exits: Port[] = [];
  if (loop['while'] !== undefined) {
    const check = ctx.graph.add(`${id}: while`, ifTrue(conditionJs(loop['while'], '$json', `${pointer}/loop/while`)), body);
    body = [out(check, 0)];
    exits.push(out(ctx.graph.add(`${id}: not needed`, setState(round(`${iteration} - 1`, true)), [out(check, 1)])));
  }
  const inner: CompileContext = { ...ctx, loop: { breaks: [] } };
  const ends = compileSteps(loop['steps'] as Json[], body, inner, `${pointer}/loop/steps`, true);
  const until = loop['until'] === undefined ? 'false' : conditionJs(loop['until'], '$json', `${pointer}/loop/until`);
  const again = ctx.graph.add(`${id}: again?`, switchIndex(3, `${until} ? 1 : ${iteration} < ${max} ? 0 : 2`), ends);
  ctx.graph.connect(out(again, 0), next);
  exits.unshift(out(ctx.graph.add(`${id}: done`, setState(round(iteration, true)), [out(again, 1), ...inner.loop!.breaks])));
  exits.push(out(ctx.graph.add(`${id}: ran out`, setState(round(iteration, false)), [out(again, 2)])));
  return exits;
}

function compileKind(kind: Kind, step: Json, id: string, from: Port[], ctx: CompileContext, pointer: string, inLoop: boolean): Port[] {
  const graph = ctx.graph;
  const titled = typeof step['title'] === 'string' ? { notes: step['title'] as string, notesInFlow: true } : {};
  switch (kind) {
    case 'module':
      return compileModule(step, id, from, ctx, pointer);
    case 'scenario':
      return compileScenario(step, id, from, ctx, pointer);
    case 'ask':
      return compileAsk(step, id, from, ctx, pointer);
    case 'wait': {
      const seconds = valueJs((step['wait'] as Json)['seconds'], '$json', `${pointer}/wait/seconds`);
      const record = graph.add(`${id}: seconds`, setState(withRecord('$json', id, `{ ok: true, output: { seconds: ${seconds} } }`, step['save'], pointer)), from);
      return [out(graph.add(id, { ...waitSeconds(`${stepOf(id)}.output.seconds`), ...titled }, [out(record)]))];
    }
    case 'set': {
      const values = Object.entries(step['set'] as Json).map(([name, template]) => `${q(name)}: (${valueJs(template, '$json', `${pointer}/set/${name}`)}) ?? null`);
      return [out(graph.add(id, { ...setState(`((S, V) => ({ ...S, vars: { ...S.vars, ...V }, steps: { ...S.steps, ${q(id)}: { ok: true, output: V } } }))($json, { ${values.join(', ')} })`), ...titled }, from))];
    }
    case 'say': {
      const text = `String(${valueJs(step['say'], '$json', `${pointer}/say`)})`;
      return [out(graph.add(id, { ...setState(`((S, T) => ({ ...S, said: [...(S.said ?? []), T], steps: { ...S.steps, ${q(id)}: { ok: true, output: { text: T } } } }))($json, ${text})`), ...titled }, from))];
    }
    case 'if': {
      const holds = conditionJs(step['if'], '$json', `${pointer}/if`);
      const record = graph.add(id, { ...setState(withRecord('$json', id, `{ ok: true, output: { branch: ${holds} ? "then" : "else" } }`)), ...titled }, from);
      const branch = graph.add(`${id}?`, ifTrue(`${stepOf(id)}.output.branch === "then"`), [out(record)]);
      const then = compileSteps((step['then'] as Json[] | undefined) ?? [], [out(branch, 0)], ctx, `${pointer}/then`, inLoop);
      const otherwise = Array.isArray(step['else']) ? compileSteps(step['else'] as Json[], [out(branch, 1)], ctx, `${pointer}/else`, inLoop) : [out(branch, 1)];
      return [...then, ...otherwise];
    }
    case 'switch': {
      const cases = isRecord(step['cases']) ? step['cases'] : {};
      const keys = Object.keys(cases);
      const value = valueJs(step['switch'], '$json', `${pointer}/switch`);
      const key = `((c) => c === null || c === undefined ? "" : typeof c === "object" ? JSON.stringify(c) : String(c))(V)`;
      const record = graph.add(id, { ...setState(withRecord('$json', id, `((V) => ({ ok: true, output: { value: V ?? null, branch: ${JSON.stringify(keys)}.includes(${key}) ? ${key} : "default" } }))(${value})`)), ...titled }, from);
      const router = graph.add(`${id}?`, switchIndex(keys.length + 1, `((i) => i === -1 ? ${keys.length} : i)(${JSON.stringify(keys)}.indexOf(${stepOf(id)}.output.branch))`), [out(record)]);
      const exits: Port[] = [];
      keys.forEach((name, i) => exits.push(...compileSteps(cases[name] as Json[], [out(router, i)], ctx, `${pointer}/cases/${name}`, inLoop)));
      exits.push(...(Array.isArray(step['default']) ? compileSteps(step['default'] as Json[], [out(router, keys.length)], ctx, `${pointer}/default`, inLoop) : [out(router, keys.length)]));
      return exits;
    }
    case 'loop':
      return compileLoop(step, id, from, ctx, pointer);
    case 'break':
      if (!ctx.loop) throw new ExportError(ctx.scenario, id, pointer, 'break is only meaningful inside a loop');
      ctx.loop.breaks.push(...from);
      return [];
    case 'end':
      ctx.ends.push(...from);
      return [];
  }
}

/** Compiles steps in order after `from`; returns the ports the next step connects to. */
export function compileSteps(steps: readonly Json[], from: Port[], ctx: CompileContext, pointer: string, inLoop = false): Port[] {
  let ports = from;
  steps.forEach((step, index) => {
    const at = `${pointer}/${index}`;
    const id = String(step['id']);
    const kind = kindOf(step, ctx, at);
    if (ports.length === 0) return; // after break or end: nothing reaches this step
    try {
      let entry = ports;
      let skipped: Port[] = [];
      if (step['when'] !== undefined) {
        const when = ctx.graph.add(`${id}: when`, ifTrue(conditionJs(step['when'], '$json', `${at}/when`)), ports);
        entry = [out(when, 0)];
        // A skipped step has no result this time: in a loop, a later step must not read the last round's.
        skipped = inLoop
          ? [out(ctx.graph.add(`${id}: skipped`, setState(`((S) => ({ ...S, steps: Object.fromEntries(Object.entries(S.steps).filter((e) => e[0] !== ${q(id)})) }))($json)`), [out(when, 1)]))]
          : [out(when, 1)];
      }
      ports = [...compileKind(kind, step, id, entry, ctx, at, inLoop), ...skipped];
    } catch (error) {
      if (error instanceof TranslationError) throw new ExportError(ctx.scenario, id, `${at}${error.pointer}`, error.message);
      throw error;
    }
  });
  return ports;
}
