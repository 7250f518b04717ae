/** What the server tells the page (connector/playground/server.ts). */
export type JsonSchema = Record<string, unknown>;

export interface ModuleView {
  id: string;
  label: string;
  kind: 'action' | 'search';
  description: string;
  docs: string;
  definition: { request?: { method?: string; path?: string }; compose?: unknown; examples?: Array<{ title: string; input: unknown }>; pagination?: { itemsKey: string } };
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
}

export interface Problem {
  file?: string;
  pointer: string;
  message: string;
  severity?: 'error' | 'warning';
  hint?: string;
}

export interface FlowTemplate {
  id: string;
  title: string;
  description: string;
  params: JsonSchema;
}

export interface Description {
  version: string;
  dir: string;
  target: { kind: 'emulator' | 'account'; url: string | null };
  connector: { id: string; name: string; version: string; description: string } | null;
  problems: Problem[];
  modules: ModuleView[];
  groups: Array<{ name: string; modules: string[] }>;
  flows: FlowTemplate[];
}

export interface ErrorData {
  code: string;
  message: string;
  status: number | null;
  twilioCode: number | null;
  moreInfo: string | null;
  retryable: boolean;
  remedy: string | null;
  details?: { problems?: Problem[] } & Record<string, unknown>;
}

export interface ShownRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  query: Array<[string, string]>;
  form: Array<[string, string]>;
  body: string | null;
}

export interface RunAnswer {
  request: ShownRequest | null;
  result: { ok: true; output: unknown } | { ok: false; error: ErrorData };
  sent: number | null;
}

export interface OutboxMessage {
  to: string;
  channel: string;
  body: string;
  code: string | null;
  at: string;
}

export interface Status {
  version: string;
  outbox: { total: number; messages: OutboxMessage[] };
  requests: number | null;
}

export interface FlowEvent {
  type: 'start' | 'done' | 'skip' | 'say';
  step: string;
  kind?: string;
  title?: string;
  target?: string;
  text?: string;
  depth: number;
  record?: { ok: boolean; output?: unknown; error?: Record<string, unknown> };
}

export interface FlowRunView {
  id: string;
  template: string;
  status: 'running' | 'waiting' | 'done' | 'failed' | 'stopped';
  events: FlowEvent[];
  question: { step: string; prompt: string; to?: string } | null;
  result?: unknown;
  error?: { code: string; message: string; step?: string; problems?: Problem[]; failure?: ErrorData };
}
