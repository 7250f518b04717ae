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
import { validInput } from './prepare.js';
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
