import type { ConnectorErrorData } from '../errors/connector-error.js';
import type { RetryPolicy } from './defaults.js';

export interface ExecuteOptions {
  /** 'throw' (default): resolve the output, reject a ConnectorError. 'output': resolve `{ ok, output | error }`. */
  onError?: 'throw' | 'output';
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Bounds on re-sending where Twilio did not act; mostly for tests. */
  retry?: RetryPolicy;
  /** "Now" in ms for composed modules' schedule decisions (default Date.now); tests pass the emulator's clock. */
  now?: () => number;
}

export type ExecuteResult = { ok: true; output: unknown } | { ok: false; error: ConnectorErrorData };

/**
 * One top-level call as the Connector starts it: the connection and options every module of the call shares, and
 * the way a composed module's step calls a sibling module (through the Connector, so the runtime never calls back
 * into itself).
 */
export interface CallContext {
  readonly connection: unknown;
  readonly options: ExecuteOptions;
  callModule(id: string, input: unknown): Promise<unknown>;
}
