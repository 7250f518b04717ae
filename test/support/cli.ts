/** Runs the CLI in-process and collects what a person would see on stdout and stderr. */
import { main } from '../../connector/cli/main.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** `untilStopped` ends a foreground command (the emulator); by default it stops as soon as it has started. */
export async function runCli(argv: string[], untilStopped: () => Promise<void> = () => Promise.resolve()): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, untilStopped);
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}
