/** What the server tells the page (connector/playground/server.ts). */
import type { OutboxMessage } from '../../../emulator/outbox';
import type { ConnectorErrorData } from '../../errors/connector-error';
import type * as Answers from '../ui-model/answers';
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

/** An error as the connector reports it, its input problems typed for the page. */
export type ErrorData = ConnectorErrorData & { details?: { problems?: Problem[] } & Record<string, unknown> };

export type RunAnswer = Omit<Answers.RunAnswer, 'result'> & { result: { ok: true; output: unknown } | { ok: false; error: ErrorData } };
export type { ShownRequest, OptionsAnswer } from '../ui-model/answers';
export type { OutboxMessage } from '../../../emulator/outbox';

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
