import { ConnectorError } from '../errors/connector-error.js';
import { evaluate, ExpressionError, test, type Scope } from '../flows/expressions.js';
import type { ModuleDefinition } from '../../types/generated/module.js';
import type { ExecuteOptions } from './execute.js';
import type { ModuleRuntime } from './module-runtime.js';
import { decideSchedule, ScheduleError } from './schedule.js';

type Compose = NonNullable<ModuleDefinition['compose']>;
type ComposeStep = Compose['steps'][number];
export type OnError = ComposeStep['onError'];

/** What one step left behind: `$.steps.<id>.ok`, `.output` or `.error`. */
export interface StepRecord {
  ok: boolean;
  output?: unknown;
  error?: Record<string, unknown>;
}

/** Whether a failure with this code becomes data (onError: continue) rather than stopping. */
export function continuesOn(onError: OnError | undefined, code: string): boolean {
  if (onError === undefined || onError === 'fail') return false;
  if (onError === 'continue') return true;
  return onError.continue.includes(code);
}

/** A failure as data a later step can branch on: `{ code, message, status, … }`. */
export function errorData(error: ConnectorError): Record<string, unknown> {
  return { ...error.toData() };
}

function authoringError(module: ModuleRuntime, stepId: string, error: Error): ConnectorError {
  return new ConnectorError('server_error', `Module ${module.id}, step "${stepId}": ${error.message}`, {
    remedy: 'The module definition is inconsistent: run `verify-connector validate` and report it.',
  });
}

export type RunModule = (module: ModuleRuntime, connection: unknown, input: unknown, options: ExecuteOptions) => Promise<unknown>;

/**
 * Runs a composed module: each step in order, with `$.input`, `$.constants` and `$.steps` in scope, then the output
 * mapping. Generic: nothing here knows which module it runs.
 */
export async function runComposition(module: ModuleRuntime, connection: unknown, input: unknown, options: ExecuteOptions, run: RunModule): Promise<unknown> {
  const compose = module.definition.compose!;
  const steps: Record<string, StepRecord> = {};
  const scope: Scope = { input, constants: compose.constants ?? {}, steps };
  const now = options.now ?? Date.now;
  for (const step of compose.steps) {
    try {
      if (step.when !== undefined && !test(step.when, scope)) continue;
      if (step.schedule) {
        const decision = decideSchedule(evaluate(step.schedule.steps, scope), evaluate(step.schedule.sent, scope), now());
        steps[step.id] = { ok: true, output: decision };
        continue;
      }
    } catch (error) {
      if (error instanceof ExpressionError || error instanceof ScheduleError) throw authoringError(module, step.id, error);
      throw error;
    }
    let stepInput: unknown;
    try {
      stepInput = evaluate(step.input ?? {}, scope);
    } catch (error) {
      if (error instanceof ExpressionError) throw authoringError(module, step.id, error);
      throw error;
    }
    try {
      steps[step.id] = { ok: true, output: await run(module.sibling(step.module!), connection, stepInput, options) };
    } catch (error) {
      if (error instanceof ConnectorError && continuesOn(step.onError, error.code)) steps[step.id] = { ok: false, error: errorData(error) };
      else throw error;
    }
  }
  try {
    return evaluate(compose.output, scope);
  } catch (error) {
    if (error instanceof ExpressionError) throw authoringError(module, 'output', error);
    throw error;
  }
}
