import { ConnectorError } from '../errors/connector-error.js';
import { problemsFrom, summarise } from '../schema/problems.js';
import { resolveConnection } from '../transport/connection.js';
import type { WireRequest } from '../transport/wire.js';
import type { CallContext } from './call-context.js';
import { callTwilio, type CallOptions } from './call-twilio.js';
import { runComposition } from './compose.js';
import { DEFAULT_TIMEOUT_MS } from './defaults.js';
import type { ModulePlan, RequestPlan } from './module-plan.js';
import { shapeOutput } from './output.js';
import { collectPages } from './paginate.js';
import { buildRequest } from './request-builder.js';

/**
 * One module call, in the phases the README names:
 *   1. validate the connection and the input (nothing is sent on a problem);
 *   2. build the request from the wire plan;
 *   3–5. send it through the transport, retrying only where Twilio did not act, errors mapped through the table
 *        (call-twilio.ts; a list follows its pages);
 *   6. shape the answer and validate the output.
 * A composed module runs its steps in place of 2–5, each step a call through `ctx.callModule`.
 */
export async function execute(plan: ModulePlan, input: unknown, ctx: CallContext): Promise<unknown> {
  const connection = resolveConnection(ctx.connection);
  const values = validInput(plan, input);
  if (plan.kind === 'compose') return validOutput(plan, await runComposition(plan, values, ctx));

  const request = buildRequest(plan.template, plan.fields, values);
  const call = callOptions(plan, request, ctx);
  const output = plan.pagination
    ? { [plan.pagination.itemsKey]: await collectPages(connection, request, pageRule(plan, values), (page) => callTwilio(connection, page, call)) }
    : shapeOutput(plan.response, await callTwilio(connection, request, call), values);
  return validOutput(plan, output);
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

function validInput(plan: ModulePlan, input: unknown): Record<string, unknown> {
  const data = input === undefined ? {} : input;
  if (plan.validateInput(data)) return data as Record<string, unknown>;
  const problems = problemsFrom(plan.validateInput.errors);
  throw new ConnectorError('invalid_input', `The input is not valid: ${summarise(problems)}`, {
    remedy: 'Correct the fields named by their JSON pointer; nothing was sent to Twilio.',
    details: { problems },
  });
}

function validOutput(plan: ModulePlan, output: unknown): unknown {
  if (plan.validateOutput(output)) return output;
  const problems = problemsFrom(plan.validateOutput.errors);
  throw new ConnectorError('invalid_response', `Twilio's answer did not have the expected shape: ${summarise(problems)}`, {
    remedy: 'Try again; if it persists, Twilio may have changed this API: report it.',
    details: { problems },
  });
}

function callOptions(plan: RequestPlan, request: WireRequest, { options }: CallContext): CallOptions {
  return {
    idempotent: plan.idempotent(request.method),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(plan.errors ? { errors: plan.errors } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  };
}

function pageRule(plan: RequestPlan, values: Record<string, unknown>): { itemsKey: string; limit: number } {
  const { itemsKey, limitInput, defaultLimit } = plan.pagination!;
  const limit = values[limitInput];
  return { itemsKey, limit: typeof limit === 'number' ? limit : defaultLimit };
}
