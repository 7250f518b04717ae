import { ConnectorError } from '../errors/connector-error.js';
import { problemsFrom, summarise } from '../schema/problems.js';
import type { WireRequest } from '../transport/wire.js';
import type { ModulePlan } from './module-plan.js';
import { buildRequest } from './request-builder.js';

/**
 * The first two phases of a call, which need no connection and send nothing: a file of its own so that loading a
 * connector (which offers `prepareRequest`) does not load the rest of the pipeline (execute.ts, imported on the first call).
 */

/** Phase 1: the input, validated against the module's input schema (invalid_input names every problem; nothing is sent). */
export function validInput(plan: ModulePlan, input: unknown): Record<string, unknown> {
  const data = input === undefined ? {} : input;
  if (plan.validateInput(data)) return data as Record<string, unknown>;
  const problems = problemsFrom(plan.validateInput.errors);
  throw new ConnectorError('invalid_input', `The input is not valid: ${summarise(problems)}`, {
    remedy: 'Correct the fields named by their JSON pointer; nothing was sent to Twilio.',
    details: { problems },
  });
}

/**
 * The request `execute` would send for an input, without sending it: the input is validated first (invalid_input as
 * in execute). For hosts that show or translate requests. Not for composed modules, which send no single request.
 */
export function prepareRequest(plan: ModulePlan, input: unknown): WireRequest {
  const values = validInput(plan, input);
  if (plan.kind === 'compose') {
    throw new ConnectorError('invalid_input', `Module ${plan.id} composes other modules and sends no single request.`, { remedy: 'Prepare the requests of the modules it calls instead.' });
  }
  return buildRequest(plan.template, plan.fields, values);
}
