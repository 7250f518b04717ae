import type { Connector } from '../connector.js';
import { ConnectorError } from '../errors/connector-error.js';
import { evaluate, ExpressionError, test, type StepRecord } from '../expressions/index.js';
import { problemsFrom } from '../schema/problems.js';
import type { Scenario, Step } from '../../types/generated/scenario.js';
import { systemClock, type FlowClock } from './clock.js';
import { FlowError } from './flow-error.js';
import type { InputProvider } from './inputs.js';
import { loadScenario, type LoadedScenario } from './load.js';
import type { FlowEvent, Signal, StepContext } from './step-context.js';
import { kindOf, runStep } from './steps.js';
import { paramsValidator, validateScenario } from './validation.js';

export type { FlowEvent };

export interface RunScenarioOptions {
  connector: Connector;
  connection: unknown;
  params?: Record<string, unknown>;
  /** Answers `ask` steps (a prompt, a script, the emulator outbox). Default: every ask fails. */
  answers?: InputProvider;
  /** Default real time; tests pass movedClock(emulator.clock). Also "now" for composed modules' schedules. */
  clock?: FlowClock;
  onEvent?: (event: FlowEvent) => void;
  signal?: AbortSignal;
  /** Per-call timeout for module calls. */
  timeoutMs?: number;
}

export interface ScenarioRun {
  /** The scenario's `result`, evaluated after its last step (or an `end` step). */
  result: unknown;
  vars: Record<string, unknown>;
  steps: Record<string, StepRecord>;
}

const MAX_DEPTH = 8;

/** The state of one running scenario, handed to each step. */
export class RunContext implements StepContext {
  readonly steps: Record<string, StepRecord> = {};
  readonly vars: Record<string, unknown> = {};
  readonly scope: { params: Record<string, unknown>; vars: Record<string, unknown>; steps: Record<string, StepRecord> };
  readonly clock: FlowClock;
  readonly answers: InputProvider;
  readonly signal: AbortSignal | undefined;

  constructor(
    private readonly options: RunScenarioOptions,
    readonly loaded: LoadedScenario,
    params: Record<string, unknown>,
    readonly depth: number,
    private readonly prefix: string,
  ) {
    this.scope = { params, vars: this.vars, steps: this.steps };
    this.clock = options.clock ?? systemClock;
    this.answers =
      options.answers ??
      (async (q) => {
        throw new FlowError('no_answer', `step ${q.step} asks "${q.prompt}" but this run has no way to answer.`, { step: q.step });
      });
    this.signal = options.signal;
  }

  path(step: Step): string {
    return `${this.prefix}${step.id}`;
  }

  emit(event: FlowEvent): void {
    this.options.onEvent?.(event);
  }

  callModule(id: string, input: unknown): Promise<unknown> {
    return this.options.connector.execute(id, this.options.connection, input, {
      now: () => this.clock.now(),
      ...(this.options.signal ? { signal: this.options.signal } : {}),
      ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
    });
  }

  async runSub(step: Step, params: Record<string, unknown>): Promise<unknown> {
    if (this.depth + 1 > MAX_DEPTH) throw new FlowError('too_deep', `step ${this.path(step)}: sub-scenarios nest deeper than ${MAX_DEPTH}.`, { step: this.path(step) });
    const loaded = loadScenario(step.scenario!, this.loaded.file);
    const run = await execute(this.options, loaded, params, this.depth + 1, `${this.path(step)} > `);
    return run.result;
  }

  async runSteps(steps: Step[]): Promise<Signal> {
    for (const step of steps) {
      this.signal?.throwIfAborted();
      const kind = kindOf(step);
      if (step.when !== undefined) {
        let holds: boolean;
        try {
          holds = test(step.when, this.scope);
        } catch (error) {
          if (error instanceof ExpressionError) throw new FlowError('invalid_value', `step ${this.path(step)}, when: ${error.message}`, { step: this.path(step) });
          throw error;
        }
        if (!holds) {
          // A skipped step has no result this time: in a loop, a later step must not read the last round's.
          delete this.steps[step.id];
          this.emit({ type: 'skip', step: this.path(step), kind, depth: this.depth });
          continue;
        }
      }
      const target = step.module ?? step.scenario;
      this.emit({ type: 'start', step: this.path(step), kind, ...(step.title ? { title: step.title } : {}), ...(target ? { target } : {}), depth: this.depth });
      const { signal, input } = await runStep(this, step);
      this.emit({ type: 'done', step: this.path(step), kind, ...(target ? { target } : {}), ...(input !== undefined ? { input } : {}), record: this.steps[step.id]!, depth: this.depth });
      if (signal !== 'next') return signal;
    }
    return 'next';
  }
}

function checkParams(scenario: Scenario, params: Record<string, unknown>): Record<string, unknown> {
  const values = structuredClone(params);
  if (scenario.params === undefined) return values;
  const validate = paramsValidator(scenario.params);
  const defaults = (scenario.params as { properties?: Record<string, { default?: unknown }> }).properties ?? {};
  for (const [name, schema] of Object.entries(defaults)) if (values[name] === undefined && schema.default !== undefined) values[name] = structuredClone(schema.default);
  if (!validate(values)) {
    const problems = problemsFrom(validate.errors);
    throw new FlowError('invalid_params', `the parameters of ${scenario.id} are not valid: ${problems.map((p) => `${p.pointer || '/'} ${p.message}`).join('; ')}.`, {
      problems: problems.map((p) => ({ pointer: `/params${p.pointer}`, message: p.message })),
    });
  }
  return values;
}

async function execute(options: RunScenarioOptions, loaded: LoadedScenario, params: Record<string, unknown>, depth: number, prefix: string): Promise<ScenarioRun> {
  const report = validateScenario(loaded.scenario, { connector: options.connector, ...(loaded.file ? { file: loaded.file } : {}) });
  if (!report.valid) {
    throw new FlowError('invalid_scenario', `${loaded.file ?? 'the scenario'} is not valid: ${report.errors.slice(0, 3).map((e) => `${e.file ? `${e.file} ` : ''}${e.pointer || '/'} ${e.message}`).join('; ')}.`, {
      problems: report.errors,
    });
  }
  const scenario = loaded.scenario;
  const ctx = new RunContext(options, loaded, checkParams(scenario, params), depth, prefix);
  await ctx.runSteps(scenario.steps);
  let result: unknown = null;
  try {
    result = scenario.result === undefined ? null : (evaluate(scenario.result, ctx.scope) ?? null);
  } catch (error) {
    if (error instanceof ExpressionError) throw new FlowError('invalid_value', `${scenario.id} result: ${error.message}`);
    throw error;
  }
  return { result, vars: ctx.vars, steps: ctx.steps };
}

/**
 * Runs a scenario (a template id, a file path, or a loaded scenario) to its end: validates it and its parameters,
 * runs each step, and returns its result. A failing step without onError continue rejects with a FlowError
 * (code step_failed, `step`, and the module's error as `failure`).
 */
export async function runScenario(scenario: string | LoadedScenario | Scenario, options: RunScenarioOptions): Promise<ScenarioRun> {
  const loaded: LoadedScenario = typeof scenario === 'string' ? loadScenario(scenario) : 'scenario' in scenario && typeof scenario.scenario === 'object' ? (scenario as LoadedScenario) : { scenario: scenario as Scenario };
  try {
    return await execute(options, loaded, options.params ?? {}, 0, '');
  } catch (error) {
    if (error instanceof ConnectorError) throw new FlowError('step_failed', error.message, { failure: error.toData() });
    throw error;
  }
}
