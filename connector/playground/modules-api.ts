import type { Connector, ModuleInfo } from '../connector.js';
import { ConnectorError } from '../errors/connector-error.js';
import type { WireRequest } from '../transport/wire.js';
import { encodePairs } from '../transport/wire.js';
import { MASK } from './secrets.js';
import type { Target } from './target.js';
import type { OptionsAnswer, RunAnswer, ShownRequest } from './ui-model/answers.js';
import { groupModules } from './ui-model/groups.js';

/** What the page is told about one module: all of it is data from `connector.modules`. */
export function describeModule(module: ModuleInfo): Record<string, unknown> {
  return {
    id: module.id,
    label: module.label,
    kind: module.kind,
    description: module.description,
    docs: module.docs,
    definition: module.definition,
    inputSchema: module.inputSchema,
    outputSchema: module.outputSchema,
  };
}

export function describeModules(connector: Connector): { modules: Array<Record<string, unknown>>; groups: ReturnType<typeof groupModules> } {
  return { modules: connector.modules.map(describeModule), groups: groupModules(connector.modules) };
}

export function showRequest(request: WireRequest, target: Target): ShownRequest {
  const query = request.query ?? [];
  const form = request.form ?? [];
  const url = `${target.baseUrl(request.host)}${request.path}${query.length > 0 ? `?${encodePairs(query)}` : ''}`;
  const body = request.json !== undefined ? JSON.stringify(request.json) : form.length > 0 ? encodePairs(form) : null;
  const headers: Array<[string, string]> = [['Authorization', `Basic ${MASK} (Account SID and secret, kept by the playground)`]];
  if (form.length > 0) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  if (request.json !== undefined) headers.push(['Content-Type', 'application/json']);
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.push([name, value]);
  return { method: request.method, url, headers, query, form, body };
}

/** Runs a module as a host would: the request is prepared (validated, nothing sent on bad input), then executed. */
export async function runModule(connector: Connector, target: Target, moduleId: string, input: unknown): Promise<RunAnswer> {
  const before = target.emulator?.stats().requests;
  const sent = (): number | null => (before === undefined ? null : target.emulator!.stats().requests - before);
  const module = connector.modules.find((m) => m.id === moduleId);
  if (!module) {
    const error = new ConnectorError('unknown_module', `There is no module "${moduleId}".`, { remedy: 'Reload the page: the connector may have changed.' });
    return { request: null, result: { ok: false, error: error.toData() }, sent: sent() };
  }
  let request: ShownRequest | null = null;
  if (!module.definition.compose) {
    try {
      request = showRequest(connector.prepareRequest(moduleId, input), target);
    } catch (error) {
      const data = error instanceof ConnectorError ? error.toData() : new ConnectorError('server_error', 'The request could not be prepared.').toData();
      return { request: null, result: { ok: false, error: data }, sent: sent() };
    }
  }
  const result = (await connector.execute(moduleId, target.connection, input, { onError: 'output', now: () => target.clock.now() })) as RunAnswer['result'];
  return { request, result, sent: sent() };
}

/**
 * The choices of an `x-options-from` field: the items a search module returns, as `{ value, label }`. Only search
 * modules (which read, never change anything) may be run this way.
 */
export async function moduleOptions(connector: Connector, target: Target, request: { module?: unknown; input?: unknown; value?: unknown; label?: unknown }): Promise<OptionsAnswer> {
  const source = connector.modules.find((m) => m.id === request.module);
  if (!source || source.kind !== 'search' || !source.definition.pagination) {
    return { options: [], error: new ConnectorError('invalid_input', `"${String(request.module)}" is not a search module of this connector.`, { remedy: 'Check the field\'s x-options-from.' }).toData() };
  }
  const valueKey = String(request.value ?? '');
  const labelKey = typeof request.label === 'string' ? request.label : undefined;
  const result = (await connector.execute(source.id, target.connection, request.input ?? {}, { onError: 'output' })) as RunAnswer['result'];
  if (!result.ok) return { options: [], error: result.error };
  const items = (result.output as Record<string, unknown> | null)?.[source.definition.pagination.itemsKey];
  const options = (Array.isArray(items) ? items : [])
    .filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object' && item[valueKey] !== undefined && item[valueKey] !== null)
    .map((item) => {
      const value = String(item[valueKey]);
      const label = labelKey && item[labelKey] !== undefined && item[labelKey] !== null ? String(item[labelKey]) : value;
      return { value, label };
    });
  return { options };
}
