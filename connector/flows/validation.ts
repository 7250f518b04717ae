import { existsSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import type { Connector } from '../connector.js';
import { packageSchemas } from '../schema/ajv.js';
import { problemsFrom } from '../schema/problems.js';
import type { Scenario, Step } from '../../types/generated/scenario.js';
import { pointerTo } from '../common/json-pointer.js';
import { checkCallInput, checkReferences, findReferences, type ReferenceRules, type StepStatus } from '../expressions/index.js';
import { ERROR_CODES } from '../errors/connector-error.js';
import { withoutExplainedBranches } from '../manifest/hints.js';
import { FLOW_ERROR_CODES, type FlowProblem } from './flow-error.js';
import { loadScenario, scenarioPath } from './load.js';
import { MAX_WAIT_SECONDS } from './steps.js';

export const SCENARIO_SCHEMA_ID = 'https://twilio-verify-connector.dev/schemas/scenario.schema.json';

export interface ScenarioReport {
  valid: boolean;
  errors: FlowProblem[];
}

export interface ValidateScenarioOptions {
  /** Checks module ids and module inputs against this connector (the CLI passes the loaded one). */
  connector?: Connector;
  /** The scenario's file: sub-scenario paths are relative to it. */
  file?: string;
}

const paramsValidators = new Map<string, ValidateFunction>();

/** The compiled validator of a scenario's `params` schema (compiled once per distinct schema). */
export function paramsValidator(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = paramsValidators.get(key);
  if (!validate) {
    validate = packageSchemas().ajv.compile({ ...schema, $id: undefined });
    paramsValidators.set(key, validate);
  }
  return validate;
}

interface StepInfo {
  step: Step;
  pointer: string;
  order: number;
  /** Ids of the loops around the step, outermost first. */
  loops: string[];
}

/** Every step with its pointer, document order and enclosing loops. */
function collect(steps: Step[], pointer: string, loops: string[], into: StepInfo[]): void {
  steps.forEach((step, i) => {
    const at = `${pointer}/${i}`;
    into.push({ step, pointer: at, order: into.length, loops });
    if (step.then) collect(step.then, `${at}/then`, loops, into);
    if (step.else) collect(step.else, `${at}/else`, loops, into);
    for (const [name, branch] of Object.entries(step.cases ?? {})) collect(branch ?? [], pointerTo(`${at}/cases`, name), loops, into);
    if (step.default) collect(step.default, `${at}/default`, loops, into);
    if (step.loop) collect(step.loop.steps, `${at}/loop/steps`, [...loops, step.id], into);
  });
}

/** The parts of a step read with the scenario's scope (`save` is read with the step's own result). */
function scopedParts(step: Step): Array<[string, unknown]> {
  const parts: Array<[string, unknown]> = [];
  for (const key of ['when', 'input', 'params', 'ask', 'wait', 'set', 'say', 'if', 'switch'] as const) if (step[key] !== undefined) parts.push([key, step[key]]);
  if (step.loop?.while !== undefined) parts.push(['loop/while', step.loop.while]);
  if (step.loop?.until !== undefined) parts.push(['loop/until', step.loop.until]);
  return parts;
}

/**
 * Checks a scenario before it runs: its shape (schema), then what a schema cannot say — unique step ids, every
 * reference names a parameter, a variable some step sets, or a step that exists and has run by then (or may have, in
 * an earlier round of a shared loop), `break` only inside a loop, modules that exist with inputs they accept,
 * sub-scenarios that exist and are valid. Every problem carries a JSON pointer.
 */
export function validateScenario(scenario: unknown, options: ValidateScenarioOptions = {}, seen: Set<string> = new Set(), calling: readonly string[] = []): ScenarioReport {
  const errors: FlowProblem[] = [];
  if (options.file) seen.add(options.file);
  const path = options.file ? [...calling, options.file] : calling;
  const validateShape = packageSchemas().validator(SCENARIO_SCHEMA_ID);
  if (!validateShape(scenario)) {
    for (const p of problemsFrom(withoutExplainedBranches(validateShape.errors ?? []))) errors.push(p);
    return { valid: false, errors };
  }
  const s = scenario as Scenario;
  const add = (pointer: string, message: string): void => void errors.push({ pointer, message });

  let paramNames: string[] | undefined;
  if (s.params !== undefined) {
    try {
      paramsValidator(s.params);
      const properties = (s.params as { properties?: object }).properties;
      if (properties) paramNames = Object.keys(properties);
    } catch (error) {
      add('/params', `is not a valid JSON Schema: ${(error as Error).message}`);
    }
  }

  const steps: StepInfo[] = [];
  collect(s.steps, '/steps', [], steps);
  const byId = new Map<string, StepInfo>();
  for (const info of steps) {
    if (byId.has(info.step.id)) add(`${info.pointer}/id`, `repeats the step id "${info.step.id}" (first at ${byId.get(info.step.id)!.pointer})`);
    else byId.set(info.step.id, info);
  }
  const vars = new Set<string>();
  for (const { step } of steps) for (const name of [...Object.keys(step.set ?? {}), ...Object.keys(step.save ?? {})]) vars.add(name);

  const roots: ReferenceRules['roots'] = {
    params: { what: 'parameter', ...(paramNames ? { names: paramNames } : {}), hint: `params has: ${(paramNames ?? []).join(', ')}.` },
    vars: { what: 'variable', names: [...vars], hint: 'Set the variable first, with a set step or a save.' },
  };
  /** A step has run by the time `from` reads it when it comes earlier, or shares a loop (an earlier round). */
  const statusFrom = (from: StepInfo | undefined) => (id: string): StepStatus => {
    const target = byId.get(id);
    if (!target) return 'unknown';
    return !from || target.order < from.order || target.loops.some((loop) => from.loops.includes(loop)) ? 'ran' : 'not-yet';
  };
  const check = (template: unknown, pointer: string, from: StepInfo | undefined): void => {
    for (const p of checkReferences(template, pointer, { roots, steps: statusFrom(from) })) errors.push(p);
  };

  for (const info of steps) {
    const { step, pointer } = info;
    // A loop's while/until are read around its body, so they may name the body's steps.
    const inside = step.loop ? { ...info, loops: [...info.loops, step.id] } : info;
    for (const [key, part] of scopedParts(step)) check(part, `${pointer}/${key}`, key.startsWith('loop/') ? inside : info);
    for (const [name, template] of Object.entries(step.save ?? {})) findReferences(template, pointerTo(`${pointer}/save`, name), (e) => add(e.pointer, e.message));
    if (step.break && info.loops.length === 0) add(`${pointer}/break`, 'is outside any loop');
    if (step.onError !== undefined && !step.module && !step.scenario) add(`${pointer}/onError`, 'applies only to module and scenario steps');
    if (step.save !== undefined && !step.module && !step.scenario && !step.ask) add(`${pointer}/save`, 'applies only to module, scenario and ask steps');
    if (step.module && options.connector) checkModuleStep(options.connector, step, pointer, add);
    if (step.scenario) checkSubScenario(step, pointer, options, seen, path, errors);
    if (step.wait) checkWait(step.wait.seconds, `${pointer}/wait/seconds`, add);
    if (typeof step.onError === 'object') checkContinueCodes(step, pointer, add);
  }
  if (s.result !== undefined) check(s.result, '/result', undefined);
  return { valid: errors.length === 0, errors };
}

function checkModuleStep(connector: Connector, step: Step, pointer: string, add: (pointer: string, message: string) => void): void {
  const info = connector.modules.find((m) => m.id === step.module);
  if (!info) {
    add(`${pointer}/module`, `names no module ("${step.module}"); modules: ${connector.modules.map((m) => m.id).join(', ')}`);
    return;
  }
  const runtime = connector.module(info.id);
  for (const p of checkCallInput(step.input ?? {}, info.id, info.inputSchema, (property) => runtime.inputPropertyValidator(property))) add(`${pointer}/input${p.pointer}`, p.message);
}

/** A literal wait outside 0…MAX_WAIT_SECONDS always fails when it runs (a reference is checked then). */
function checkWait(seconds: unknown, pointer: string, add: (pointer: string, message: string) => void): void {
  if (typeof seconds === 'string' && seconds.startsWith('$')) return;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_WAIT_SECONDS) {
    add(pointer, `must be a number of seconds from 0 to ${MAX_WAIT_SECONDS} (or a reference to one); got ${JSON.stringify(seconds)}`);
  }
}

/** `onError: { continue: [codes] }` names codes a failure of that step can have: a ConnectorError's, or a sub-scenario's. */
function checkContinueCodes(step: Step, pointer: string, add: (pointer: string, message: string) => void): void {
  const known: readonly string[] = step.scenario ? [...ERROR_CODES, ...FLOW_ERROR_CODES] : ERROR_CODES;
  const codes = (step.onError as { continue?: unknown[] }).continue ?? [];
  codes.forEach((code, i) => {
    if (!known.includes(String(code))) add(`${pointer}/onError/continue/${i}`, `"${String(code)}" is not an error code a ${step.scenario ? 'sub-scenario' : 'module'} step can fail with; use one of: ${known.join(', ')}`);
  });
}

function checkSubScenario(step: Step, pointer: string, options: ValidateScenarioOptions, seen: Set<string>, calling: readonly string[], errors: FlowProblem[]): void {
  const file = scenarioPath(step.scenario!, options.file);
  if (!existsSync(file)) {
    errors.push({ pointer: `${pointer}/scenario`, message: `names no scenario ("${step.scenario}": ${file} does not exist)` });
    return;
  }
  if (calling.includes(file)) {
    // Every run of it would nest until the runner's depth limit stops it: a loop (with a maximum) says what is meant.
    errors.push({ pointer: `${pointer}/scenario`, message: `calls ${step.scenario}, which leads back to ${calling[calling.length - 1] === file ? 'this scenario' : file}: a scenario may not call itself, directly or through another (use a loop with a maximum)` });
    return;
  }
  let sub: Scenario;
  try {
    sub = loadScenario(step.scenario!, options.file).scenario;
  } catch (error) {
    errors.push({ pointer: `${pointer}/scenario`, message: (error as Error).message });
    return;
  }
  if (sub.params !== undefined) {
    for (const p of checkCallInput(step.params ?? {}, `scenario ${sub.id}`, sub.params, () => undefined)) errors.push({ pointer: `${pointer}/params${p.pointer}`, message: p.message });
  }
  if (seen.has(file)) return; // already checked (a sub-scenario used twice is reported once)
  seen.add(file);
  const report = validateScenario(sub, { ...options, file }, seen, calling);
  for (const p of report.errors) errors.push({ ...p, file: p.file ?? file });
}
