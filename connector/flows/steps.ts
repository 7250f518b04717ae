import { ConnectorError } from '../errors/connector-error.js';
import { continuesOn, errorData, evaluate, ExpressionError, test, type Scope, type StepRecord } from '../expressions/index.js';
import type { Step } from '../../types/generated/scenario.js';
import { FlowError } from './flow-error.js';
import { STEP_KINDS, type Signal, type StepContext, type StepKind } from './step-context.js';

/** The longest a wait step may wait, in seconds (validateScenario checks a literal one; a computed one is checked here). */
export const MAX_WAIT_SECONDS = 3600;

export function kindOf(step: Step): StepKind {
  return STEP_KINDS.find((kind) => step[kind] !== undefined)!;
}

/** Reads a part of a step through the expression language; a mistake in the expression is reported as the step's. */
function read<T>(ctx: StepContext, step: Step, part: string, expression: (scope: Scope) => T): T {
  try {
    return expression(ctx.scope);
  } catch (error) {
    if (error instanceof ExpressionError) throw new FlowError('invalid_value', `step ${ctx.path(step)}, ${part}: ${error.message}`, { step: ctx.path(step) });
    throw error;
  }
}

const value = (ctx: StepContext, step: Step, template: unknown, part: string): unknown => read(ctx, step, part, (scope) => evaluate(template, scope));

const condition = (ctx: StepContext, step: Step, template: unknown, part: string): boolean => read(ctx, step, part, (scope) => test(template, scope));

/** A sub-scenario's failure as data: the module error that stopped it, or the flow's own reason (no_answer, …). */
function flowErrorData(error: FlowError): Record<string, unknown> {
  if (error.code === 'step_failed' && error.failure) return { ...error.failure, step: error.step ?? null };
  return { code: error.code, message: error.message, status: null, step: error.step ?? null };
}

/** A module call or a sub-scenario whose failure is an error of the step, unless onError says to continue. */
async function guarded(ctx: StepContext, step: Step, call: () => Promise<unknown>): Promise<StepRecord> {
  try {
    return { ok: true, output: await call() };
  } catch (error) {
    const failure = error instanceof ConnectorError ? errorData(error) : error instanceof FlowError ? flowErrorData(error) : undefined;
    if (failure && continuesOn(step.onError, String(failure['code']))) return { ok: false, error: failure };
    if (error instanceof FlowError) throw error;
    if (failure) {
      throw new FlowError('step_failed', `step ${ctx.path(step)} failed: ${String(failure['message'])}`, { step: ctx.path(step), failure: failure as never });
    }
    throw error;
  }
}

/** How a step ended, and what it gave the module or sub-scenario it called (for the runner's `done` event). */
export interface StepOutcome {
  signal: Signal;
  input?: unknown;
}

/** Runs one step (its `when` already checked) and records its result in `$.steps.<id>`. */
export async function runStep(ctx: StepContext, step: Step): Promise<StepOutcome> {
  const kind = kindOf(step);
  let record: StepRecord = { ok: true };
  let signal: Signal = 'next';
  let given: unknown;
  switch (kind) {
    case 'module': {
      const input = (given = value(ctx, step, step.input ?? {}, 'input'));
      record = await guarded(ctx, step, () => ctx.callModule(step.module!, input));
      break;
    }
    case 'scenario': {
      const params = (given = value(ctx, step, step.params ?? {}, 'params'));
      record = await guarded(ctx, step, () => ctx.runSub(step, params as Record<string, unknown>));
      break;
    }
    case 'ask': {
      const prompt = String(value(ctx, step, step.ask!.prompt, 'ask.prompt'));
      const to = step.ask!.to === undefined ? undefined : value(ctx, step, step.ask!.to, 'ask.to');
      const answer = await ctx.answers({ step: ctx.path(step), prompt, ...(typeof to === 'string' ? { to } : {}), ...(step.ask!.secret ? { secret: true } : {}) });
      record = { ok: true, output: { answer: answer.trim() } };
      break;
    }
    case 'wait': {
      const seconds = value(ctx, step, step.wait!.seconds, 'wait.seconds');
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_WAIT_SECONDS) {
        throw new FlowError('invalid_value', `step ${ctx.path(step)}: wait.seconds must be a number from 0 to ${MAX_WAIT_SECONDS}; got ${JSON.stringify(seconds ?? null)}`, { step: ctx.path(step) });
      }
      await ctx.clock.sleep(seconds * 1000, ctx.signal);
      record = { ok: true, output: { seconds } };
      break;
    }
    case 'set': {
      const values: Record<string, unknown> = {};
      for (const [name, template] of Object.entries(step.set!)) values[name] = value(ctx, step, template, `set.${name}`) ?? null;
      Object.assign(ctx.vars, values);
      record = { ok: true, output: values };
      break;
    }
    case 'say': {
      const text = String(value(ctx, step, step.say, 'say'));
      ctx.emit({ type: 'say', step: ctx.path(step), text, depth: ctx.depth });
      record = { ok: true, output: { text } };
      break;
    }
    case 'if': {
      const holds = condition(ctx, step, step.if, 'if');
      record = { ok: true, output: { branch: holds ? 'then' : 'else' } };
      ctx.steps[step.id] = record;
      signal = await ctx.runSteps((holds ? step.then : step.else) ?? []);
      break;
    }
    case 'switch': {
      const chosen = value(ctx, step, step.switch, 'switch');
      const key = chosen === null || chosen === undefined ? '' : typeof chosen === 'object' ? JSON.stringify(chosen) : String(chosen);
      const cases = step.cases ?? {};
      const hit = Object.prototype.hasOwnProperty.call(cases, key);
      record = { ok: true, output: { value: chosen ?? null, branch: hit ? key : 'default' } };
      ctx.steps[step.id] = record;
      signal = await ctx.runSteps((hit ? cases[key] : step.default) ?? []);
      break;
    }
    case 'loop': {
      const loop = step.loop!;
      let completed = false;
      let iteration = 0;
      while (iteration < loop.max) {
        iteration++;
        record = { ok: true, output: { iteration, completed: false } };
        ctx.steps[step.id] = record;
        if (loop.while !== undefined && !condition(ctx, step, loop.while, 'loop.while')) {
          completed = true;
          iteration--;
          break;
        }
        const inner = await ctx.runSteps(loop.steps);
        if (inner === 'end') {
          signal = 'end';
          completed = true;
          break;
        }
        if (inner === 'break' || (loop.until !== undefined && condition(ctx, step, loop.until, 'loop.until'))) {
          completed = true;
          break;
        }
      }
      record = { ok: true, output: { iteration, completed } };
      break;
    }
    case 'break':
      signal = 'break';
      break;
    case 'end':
      signal = 'end';
      break;
  }
  ctx.steps[step.id] = record;
  if (step.save) {
    const base = (record.ok ? record.output : record.error) as Scope;
    for (const [name, template] of Object.entries(step.save)) {
      try {
        ctx.vars[name] = evaluate(template, base ?? {}) ?? null;
      } catch (error) {
        if (error instanceof ExpressionError) throw new FlowError('invalid_value', `step ${ctx.path(step)}, save.${name}: ${error.message}`, { step: ctx.path(step) });
        throw error;
      }
    }
  }
  return given === undefined ? { signal } : { signal, input: given };
}
