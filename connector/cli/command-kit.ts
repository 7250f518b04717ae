/**
 * What a command file needs besides commander: the run context, an action wrapper that turns a returned number into
 * the exit code, and the options several commands share (declared once so they read and parse the same everywhere).
 */
import { InvalidArgumentError, Option } from 'commander';
import { isLoopbackHost } from '../../emulator/host.js';
import { UsageError, type CliIo } from './io.js';

/** One run of the CLI: where it writes, the exit code the action chose, and when a long-running command stops. */
export interface CliContext {
  io: CliIo;
  exitCode: number;
  /** Resolves when a foreground command (an emulator, a server) should stop: Ctrl-C or SIGTERM, or what a test says. */
  untilStopped(): Promise<void>;
}

export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/**
 * Wraps a command's action: it returns the exit code (0 done, 1 failed) and throws UsageError for a wrong command line
 * or a ConnectorError/FlowError for a failure; main() prints those in one format (JSON with --json).
 */
export function act<A extends unknown[]>(ctx: CliContext, fn: (...args: A) => Promise<number> | number): (...args: A) => Promise<void> {
  return async (...args: A) => {
    ctx.exitCode = await fn(...args);
  };
}

/** `--json`: exactly one JSON document on stdout, for success and failure alike. */
export const jsonOption = (): Option => new Option('--json', 'print one JSON document on stdout (errors too)');

/** `--dir <folder>`: another connector than this package's, e.g. one being written. */
export const dirOption = (): Option => new Option('--dir <folder>', "a connector folder (default: this package's connector)");

/** `--connection`: parsed by the action, never by commander, whose messages would quote the value (a secret). */
export const connectionOption = (): Option =>
  new Option('--connection <json|@file>', '{ "accountSid", "authToken" } or { "accountSid", "apiKeySid", "apiKeySecret" }, as JSON or @file.json; default: the TWILIO_* environment variables');

/** `--emulator [url]`: true (start one for this command) or the URL of a running emulator. */
export const emulatorOption = (description: string): Option => new Option('--emulator [url]', description).argParser(parseEmulatorUrl);

function parseEmulatorUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('Give the emulator URL that `verify-connector emulator` printed, for example http://127.0.0.1:4010.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('The emulator URL starts with http://, for example http://127.0.0.1:4010.');
  // The emulator listens on loopback only; any other host is a mistake (or a real server that would get the credentials).
  if (!isLoopbackHost(url.hostname)) throw new InvalidArgumentError('The emulator runs on this machine: give its loopback URL, for example http://127.0.0.1:4010 (for a real account leave --emulator out).');
  return value.replace(/\/+$/, '');
}

/** A TCP port, 0 for any free one. */
export function parsePort(value: string): number {
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port > 65535) throw new InvalidArgumentError('Give a whole number from 0 to 65535 (0 picks a free port).');
  return port;
}

/** Why a server could not listen, as a usage error a person can act on; anything else is returned as it is. */
export function listenFailure(error: unknown, port: number, host = '127.0.0.1'): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return new UsageError(`port ${port} is already in use: stop what runs there, or choose another with --port (0 picks a free one).`);
  if (code === 'EACCES') return new UsageError(`port ${port} needs privileges this user does not have: choose one above 1023 with --port.`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new UsageError(`--host ${host} is not an address of this machine.`);
  return error;
}

/** For repeatable options: `--param a=1 --param b=2` → ['a=1', 'b=2']. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
