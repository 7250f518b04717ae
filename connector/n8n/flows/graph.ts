/**
 * An n8n workflow being built: nodes with unique names, their connections, and a simple layout (each node one column
 * right of the node before it, branches on lanes below). Ids are derived from the workflow id and the node's
 * name, so the same scenario always exports the same file.
 */
import { createHash } from 'node:crypto';

export interface WorkflowNode {
  id: string;
  name: string;
  type: string;
  typeVersion: number;
  position: [number, number];
  parameters: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
  webhookId?: string;
  onError?: 'continueRegularOutput' | 'continueErrorOutput';
  alwaysOutputData?: boolean;
  executeOnce?: boolean;
  notes?: string;
  notesInFlow?: boolean;
}

/** A node's output, where the next node connects. */
export interface Port {
  node: string;
  output: number;
}

export type NodeSpec = Omit<WorkflowNode, 'id' | 'position' | 'name'>;

type Connections = Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;

const COLUMN = 240;
const LANE = 180;

/** A UUID-shaped, stable id from some text (n8n's node and webhook ids are UUIDs). */
export function stableUuid(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class WorkflowGraph {
  readonly nodes: WorkflowNode[] = [];
  readonly connections: Connections = {};
  private readonly places = new Map<string, { column: number; lane: number }>();

  constructor(private readonly workflowId: string) {}

  /** A name not used yet: `name`, else `name 2`, … */
  private unique(name: string): string {
    const taken = new Set(this.nodes.map((n) => n.name));
    if (!taken.has(name)) return name;
    let i = 2;
    while (taken.has(`${name} ${i}`)) i++;
    return `${name} ${i}`;
  }

  /** Adds a node after `from` (connecting each port to it) and returns its name; a branch's node sits a lane lower. */
  add(name: string, spec: NodeSpec, from: readonly Port[]): string {
    const unique = this.unique(name);
    const before = from.map((port) => this.places.get(port.node)).filter((p): p is { column: number; lane: number } => p !== undefined);
    const column = before.length === 0 ? 0 : Math.max(...before.map((p) => p.column)) + 1;
    const place = { column, lane: (before[0]?.lane ?? 0) + (from[0]?.output ?? 0) };
    this.places.set(unique, place);
    this.nodes.push({ id: stableUuid(`${this.workflowId}/${unique}`), name: unique, position: [place.column * COLUMN, place.lane * LANE], ...spec });
    for (const port of from) this.connect(port, unique);
    return unique;
  }

  connect(from: Port, to: string): void {
    const outputs = (this.connections[from.node] ??= { main: [] }).main;
    while (outputs.length <= from.output) outputs.push([]);
    if (!outputs[from.output]!.some((c) => c.node === to)) outputs[from.output]!.push({ node: to, type: 'main', index: 0 });
  }
}

/** The one output of a node. */
export const out = (node: string, output = 0): Port => ({ node, output });
