import { ConnectorError } from '../errors/connector-error.js';
import { continuesOn, errorData, evaluate, ExpressionError, test, type Scope, type StepRecord } from '../expressions/index.js';
import type { CallContext } from './call-context.js';
import type { ComposePlan } from './module-plan.js';
import { decideSchedule, ScheduleError } from './schedule.js';

function authoringError(module: ComposePlan, stepId: string, error: Error): ConnectorError {
  return new ConnectorError('server_error', `Module ${module.id}, step "${stepId}": ${error.message}`, {
    remedy: 'The module definition is inconsistent: run `verify-connector validate` and report it.',
  });
}

/** Evaluates a part of the composition; a mistake in it is the module author's, reported as such. */
function read<T>(module: ComposePlan, stepId: string, part: () => T): T {
  try {
    return part();
  } catch (error) {
    if (error instanceof ExpressionError || error instanceof ScheduleError) throw authoringError(module, stepId, error);
    throw error;
  }
}

/**
 * Runs a composed module: each step in order, with `$.input`, `$.constants` and `$.steps` in scope, then the output
 * mapping. A step's module is called through `ctx.callModule`, like any call from a host. Generic: nothing here
 * knows which module it runs.
 */
export async function runComposition(module: ComposePlan, input: unknown, ctx: CallContext): Promise<unknown> {
  const compose = module.compose;
  const steps: Record<string, StepRecord> = {};
  const scope: Scope = { input, constants: compose.constants ?? {}, steps };
  const now = ctx.options.now ?? Date.now;
  for (const step of compose.steps) {
    if (step.when !== undefined && !read(module, step.id, () => test(step.when, scope))) continue;
    if (step.schedule) {
      const schedule = step.schedule;
      steps[step.id] = { ok: true, output: read(module, step.id, () => decideSchedule(evaluate(schedule.steps, scope), evaluate(schedule.sent, scope), now())) };
      continue;
    }
    const stepInput = read(module, step.id, () => evaluate(step.input ?? {}, scope));
    try {
      steps[step.id] = { ok: true, output: await ctx.callModule(step.module!, stepInput) };
    } catch (error) {
      if (error instanceof ConnectorError && continuesOn(step.onError, error.code)) steps[step.id] = { ok: false, error: errorData(error) };
      else throw error;
    }
  }
  return read(module, 'output', () => evaluate(compose.output, scope));
}
