/**
 * Every way a command can end badly, printed one way: a usage error (exit 2) with the command's usage line, a
 * ConnectorError or FlowError (exit 1) with what happened, each field at fault and what to do. Never a stack trace,
 * never a secret (errors are built without them). With --json the same goes to stdout as one `{ ok: false, error }`.
 */
import { ConnectorError } from '../errors/connector-error.js';
import { FlowError } from '../flows/flow-error.js';
import { EXIT_FAILED, EXIT_USAGE, type CliIo } from './io.js';

/** A usage error as shown: the command's full name and usage line, and where its help is. */
export interface UsageFailure {
  message: string;
  command: string;
  usage: string;
}

export function printUsageError(io: CliIo, failure: UsageFailure, json: boolean): number {
  const help = `${failure.command} --help`;
  if (json) {
    io.out(JSON.stringify({ ok: false, error: { code: 'usage_error', message: failure.message, usage: `${failure.command} ${failure.usage}`.trim(), remedy: `See ${help}.` } }, null, 2));
  }
  io.err(`${failure.command}: usage error: ${failure.message}`);
  io.err(`Usage: ${failure.command} ${failure.usage}`.trimEnd());
  io.err(`See "${help}".`);
  return EXIT_USAGE;
}

/** A ConnectorError as a person reads it on a terminal (or as `{ ok: false, error }` with --json). */
export function printError(io: CliIo, error: unknown, json = false): number {
  if (error instanceof FlowError) return printFlowError(io, error, json);
  const failure = error instanceof ConnectorError ? error : new ConnectorError('server_error', 'Unexpected failure.', { remedy: 'Run again with VERIFY_CONNECTOR_DEBUG=1 to see details, and report it.' });
  if (process.env['VERIFY_CONNECTOR_DEBUG'] && !(error instanceof ConnectorError)) console.error(error);
  if (json) {
    io.out(JSON.stringify({ ok: false, error: failure.toData() }, null, 2));
    return EXIT_FAILED;
  }
  io.err(`error (${failure.code}): ${failure.message}`);
  const problems = failure.details?.['problems'];
  if (Array.isArray(problems) && problems.length > 3) {
    for (const p of problems as Array<{ file?: string; pointer: string; message: string }>) io.err(`  ${p.file ? `${p.file} ` : ''}${p.pointer || '/'} ${p.message}`);
  }
  if (failure.remedy) io.err(`what to do: ${failure.remedy}`);
  if (failure.moreInfo) io.err(`more: ${failure.moreInfo}`);
  return EXIT_FAILED;
}

function printFlowError(io: CliIo, error: FlowError, json: boolean): number {
  if (json) {
    io.out(JSON.stringify({ ok: false, error: { code: error.code, message: error.message, step: error.step ?? null, problems: error.problems ?? [], failure: error.failure ?? null } }, null, 2));
    return EXIT_FAILED;
  }
  io.err(`error (${error.code}): ${error.message}`);
  for (const p of error.problems ?? []) io.err(`  ${p.file ? `${p.file} ` : ''}${p.pointer || '/'} ${p.message}`);
  if (error.failure?.remedy) io.err(`what to do: ${error.failure.remedy}`);
  return EXIT_FAILED;
}
