import { ConnectorError, redactSecrets } from '../errors/connector-error.js';
import { problemsFrom, summarise } from '../schema/problems.js';
import { resolveConnection, secretTexts } from '../transport/connection.js';
import { callTwilio } from './call-twilio.js';
import type { ModuleRuntime } from './module-runtime.js';
import { shapeOutput } from './output.js';
import { runComposition } from './compose.js';
import { collectPages } from './paginate.js';
import { buildRequest } from './request-builder.js';
import type { WireRequest } from '../transport/wire.js';
import type { CallContext, ExecuteOptions } from './call-context.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

function inputError(problems: ReturnType<typeof problemsFrom>): ConnectorError {
  return new ConnectorError('invalid_input', `The input is not valid: ${summarise(problems)}`, {
    remedy: 'Correct the fields named by their JSON pointer; nothing was sent to Twilio.',
    details: { problems },
  });
}

/** Anything that is not already a ConnectorError (a bug, a library's surprise) becomes one without its stack. */
function asConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (process.env['VERIFY_CONNECTOR_DEBUG']) console.error(error);
  return new ConnectorError('server_error', 'The connector failed unexpectedly while handling this call.', {
    remedy: 'Try again; if it persists, report it with the module id and the input (without credentials).',
  });
}

/**
 * The request a module would send for an input, without sending it: the input is validated first (invalid_input as in
 * execute). For hosts that show or translate requests (the playground, the Make export's proof). Not for composed modules.
 */
export function prepareModuleRequest(module: ModuleRuntime, input: unknown): WireRequest {
  const data = input === undefined ? {} : input;
  if (!module.validateInput(data)) throw inputError(problemsFrom(module.validateInput.errors));
  if (module.composed) {
    throw new ConnectorError('invalid_input', `Module ${module.id} composes other modules and sends no single request.`, { remedy: 'Prepare the requests of the modules it calls instead.' });
  }
  return buildRequest(module.template, module.plans, data as Record<string, unknown>);
}

/** validate → build → send (with the retry policy) → shape → validate the output; a composed module runs its steps instead of one request. */
export async function executeModule(module: ModuleRuntime, input: unknown, ctx: CallContext): Promise<unknown> {
  const resolved = resolveConnection(ctx.connection);
  const data = input === undefined ? {} : input;
  if (!module.validateInput(data)) throw inputError(problemsFrom(module.validateInput.errors));
  const values = data as Record<string, unknown>;
  const output = module.composed ? await runComposition(module, values, ctx) : await sendRequest(module, resolved, values, ctx.options);
  if (!module.validateOutput(output)) {
    const problems = problemsFrom(module.validateOutput.errors);
    throw new ConnectorError('invalid_response', `Twilio's answer did not have the expected shape: ${summarise(problems)}`, {
      remedy: 'Try again; if it persists, Twilio may have changed this API: report it.',
      details: { problems },
    });
  }
  return output;
}

/** build → send (with the retry policy) → shape, for a module with a `request`. */
async function sendRequest(module: ModuleRuntime, resolved: ReturnType<typeof resolveConnection>, values: Record<string, unknown>, options: ExecuteOptions): Promise<unknown> {
  const request = buildRequest(module.template, module.plans, values);
  const call = {
    idempotent: module.isIdempotent(request.method),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(module.errors ? { errors: module.errors } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  };

  let output: unknown;
  const pagination = module.definition.pagination;
  if (pagination) {
    const limit = typeof values[pagination.limitInput] === 'number' ? (values[pagination.limitInput] as number) : pagination.defaultLimit;
    const items = await collectPages(resolved, request, { itemsKey: pagination.itemsKey, limit }, (page) => callTwilio(resolved, page, call));
    output = { [pagination.itemsKey]: items };
  } else {
    output = shapeOutput(module.definition, await callTwilio(resolved, request, call), values);
  }
  return output;
}

export async function executeWithErrorMode(module: ModuleRuntime, input: unknown, ctx: CallContext): Promise<unknown> {
  const { connection, options } = ctx;
  try {
    const output = await executeModule(module, input, ctx);
    return options.onError === 'output' ? { ok: true, output } : output;
  } catch (error) {
    // Last line of defence: no error handed out repeats the connection's secrets, even as a field name a person typed.
    const failure = redactSecrets(asConnectorError(error), secretTexts(connection));
    if (options.onError === 'output') return { ok: false, error: failure.toData() };
    throw failure;
  }
}
