import { ConnectorError } from '../errors/connector-error.js';
import type { CliIo } from './io.js';

/** A ConnectorError as a person reads it on a terminal: what happened, each field at fault, what to do. Never a stack. */
export function printError(io: CliIo, error: unknown, json = false): void {
  const failure = error instanceof ConnectorError ? error : new ConnectorError('server_error', 'Unexpected failure.', { remedy: 'Run again with VERIFY_CONNECTOR_DEBUG=1 to see details.' });
  if (process.env['VERIFY_CONNECTOR_DEBUG'] && !(error instanceof ConnectorError)) console.error(error);
  if (json) {
    io.out(JSON.stringify({ ok: false, error: failure.toData() }, null, 2));
    return;
  }
  io.err(`error (${failure.code}): ${failure.message}`);
  const problems = failure.details?.['problems'];
  if (Array.isArray(problems) && problems.length > 3) {
    for (const p of problems as Array<{ pointer: string; message: string }>) io.err(`  ${p.pointer || '/'} ${p.message}`);
  }
  if (failure.remedy) io.err(`what to do: ${failure.remedy}`);
  if (failure.moreInfo) io.err(`more: ${failure.moreInfo}`);
}
