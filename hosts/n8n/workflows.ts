/** Small workflows for the host tests, written as a user would build them in the editor (chains of nodes). */
import { NODE_TYPE } from './harness.js';

export const CREDENTIAL = { id: 'tvcHostCred00001', name: 'Twilio Verify (emulator)' };

export interface NodeSpec {
  name: string;
  type?: string;
  typeVersion?: number;
  parameters: Record<string, unknown>;
  /** A node setting such as onError: 'continueRegularOutput' | 'continueErrorOutput'. */
  settings?: Record<string, unknown>;
}

/** Our node with the emulator credential. */
export function verify(name: string, parameters: Record<string, unknown>, settings: Record<string, unknown> = {}): NodeSpec {
  return { name, type: NODE_TYPE, typeVersion: 1, parameters, settings };
}

/** n8n's HTTP Request node: a GET of a URL, the JSON answer as the item. */
export function httpGet(name: string, url: string): NodeSpec {
  return { name, type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: { url, options: {} } };
}

/** Manual trigger → nodes, one after the other. */
export function chain(id: string, name: string, nodes: NodeSpec[]): Record<string, unknown> {
  const all: NodeSpec[] = [{ name: 'When clicking Execute', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }, ...nodes];
  const connections: Record<string, unknown> = {};
  for (let i = 0; i < all.length - 1; i++) connections[all[i]!.name] = { main: [[{ node: all[i + 1]!.name, type: 'main', index: 0 }]] };
  return {
    id,
    name,
    active: false,
    settings: { executionOrder: 'v1' },
    connections,
    nodes: all.map((node, i) => ({
      id: `${id}-n${i}`,
      name: node.name,
      type: node.type ?? NODE_TYPE,
      typeVersion: node.typeVersion ?? 1,
      position: [i * 220, 0],
      parameters: node.parameters,
      ...(node.type === NODE_TYPE ? { credentials: { twilioVerifyApi: CREDENTIAL } } : {}),
      ...node.settings,
    })),
  };
}
