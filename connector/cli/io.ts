/** Where a command writes: injected so tests run commands in-process and read what a person would see. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 done, 1 the work failed (invalid manifest, Twilio error), 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** The command line is wrong: printed in the one usage-error format with the command's usage line, exit 2. */
export class UsageError extends Error {}
