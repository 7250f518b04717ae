/** Small workflows for the host tests and demos, written as a user would build them in the editor. */
import { CUSTOM_NODE_TYPE, NODE_TYPE } from './harness.js';

export const CREDENTIAL = { id: 'tvcHostCred00001', name: 'Twilio Verify (emulator)' };
/** n8n's own Basic Auth credential, for the HTTP Request node (the emulator's account SID and auth token). */
export const BASIC_AUTH_CREDENTIAL = { id: 'tvcHostBasic0001', name: 'Emulator Basic Auth' };

export interface NodeSpec {
  name: string;
  type?: string;
  typeVersion?: number;
  parameters: Record<string, unknown>;
  /** Node-level keys beside the parameters, such as onError: 'continueRegularOutput' | 'continueErrorOutput'. */
  settings?: Record<string, unknown>;
}

/** Our node with the emulator credential (`type`: CUSTOM_NODE_TYPE when n8n loads it from N8N_CUSTOM_EXTENSIONS). */
export function verify(name: string, parameters: Record<string, unknown>, settings: Record<string, unknown> = {}, type = NODE_TYPE): NodeSpec {
  return { name, type, typeVersion: 1, parameters, settings };
}

/** n8n's HTTP Request node: a GET of a URL, the JSON answer as the item. */
export function httpGet(name: string, url: string): NodeSpec {
  return { name, type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: { url, options: {} } };
}

/**
 * n8n's HTTP Request node: a form POST with Basic Auth (BASIC_AUTH_CREDENTIAL), the JSON answer as the item.
 * `options` are the node's Options (e.g. batching: { batch: { batchSize, batchInterval } }).
 */
export function httpPostForm(name: string, url: string, form: Record<string, string>, options: Record<string, unknown> = {}): NodeSpec {
  return {
    name,
    type: 'n8n-nodes-base.httpRequest',
    typeVersion: 4.2,
    parameters: {
      method: 'POST',
      url,
      authentication: 'genericCredentialType',
      genericAuthType: 'httpBasicAuth',
      sendBody: true,
      contentType: 'form-urlencoded',
      bodyParameters: { parameters: Object.entries(form).map(([name, value]) => ({ name, value })) },
      options,
    },
    settings: { credentials: { httpBasicAuth: BASIC_AUTH_CREDENTIAL } },
  };
}

const MANUAL_TRIGGER: NodeSpec = { name: 'When clicking Execute', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };

/** A Webhook trigger at POST /webhook/<path> that answers with the first item of the last node. */
export function webhook(path: string, webhookId: string): NodeSpec {
  return {
    name: 'Webhook',
    type: 'n8n-nodes-base.webhook',
    typeVersion: 2,
    parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
    settings: { webhookId },
  };
}

/** A Code node that returns `count` items made by `itemExpression` (JavaScript, `i` is the index). */
export function generate(name: string, count: number, itemExpression: string): NodeSpec {
  return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: ${itemExpression} }));` } };
}

/**
 * A workflow of nodes and edges [from, to] (output 0 → input 0). Nodes are placed top to bottom in the order given,
 * which is also the order n8n's v1 execution order runs sibling branches in.
 */
export function workflow(id: string, name: string, nodes: NodeSpec[], edges: Array<[string, string]>): Record<string, unknown> {
  const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: 0 }>> }> = {};
  for (const [from, to] of edges) (connections[from] ??= { main: [[]] }).main[0]!.push({ node: to, type: 'main', index: 0 });
  return {
    id,
    name,
    active: false,
    settings: { executionOrder: 'v1' },
    connections,
    nodes: nodes.map((node, i) => ({
      id: `${id}-n${i}`,
      name: node.name,
      type: node.type ?? NODE_TYPE,
      typeVersion: node.typeVersion ?? 1,
      position: [i * 220, i * 100],
      parameters: node.parameters,
      ...(node.type === NODE_TYPE || node.type === CUSTOM_NODE_TYPE ? { credentials: { twilioVerifyApi: CREDENTIAL } } : {}),
      ...node.settings,
    })),
  };
}

/** Manual trigger (or `trigger`) → nodes, one after the other. */
export function chain(id: string, name: string, nodes: NodeSpec[], trigger: NodeSpec = MANUAL_TRIGGER): Record<string, unknown> {
  const all = [trigger, ...nodes];
  return workflow(id, name, all, all.slice(1).map((node, i) => [all[i]!.name, node.name]));
}

/** Manual trigger → `source` → each of `branches` (all fed the same items, run one after the other). */
export function fanOut(id: string, name: string, source: NodeSpec, branches: NodeSpec[]): Record<string, unknown> {
  return workflow(id, name, [MANUAL_TRIGGER, source, ...branches], [[MANUAL_TRIGGER.name, source.name], ...branches.map((b): [string, string] => [source.name, b.name])]);
}
