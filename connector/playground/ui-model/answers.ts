/** What the playground's server answers the page (types only: the server builds them, the page reads them). */
import type { ConnectorErrorData } from '../../errors/connector-error.js';

/** A request as the page shows it: where it goes, Twilio's parameter names, the body as sent; the credentials masked. */
export interface ShownRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  query: Array<[string, string]>;
  form: Array<[string, string]>;
  body: string | null;
}

export interface RunAnswer {
  /** What was (or would have been) sent; null for a composed module, which sends its modules' requests, or bad input. */
  request: ShownRequest | null;
  result: { ok: true; output: unknown } | { ok: false; error: ConnectorErrorData };
  /** Requests the emulator received during this run (null with a real account, where nobody counts them). */
  sent: number | null;
}

/** The choices of an `x-options-from` field, and why there are none when the source module failed. */
export interface OptionsAnswer {
  options: Array<{ value: string; label: string }>;
  error?: ConnectorErrorData;
}
