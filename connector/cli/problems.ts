import type { CliIo } from './io.js';

/** A problem a validate command found: where (file, JSON pointer), what, and what to do. */
export interface PrintableProblem {
  file?: string;
  pointer: string;
  message: string;
  severity?: 'error' | 'warning';
  hint?: string;
}

/**
 * How every validate command prints its report, on stdout (the report is the result): one line per problem,
 * `error: <file> <pointer>: <message>` (just the message for the folder itself) and its hint, then the count.
 */
export function printProblems(io: CliIo, problems: readonly PrintableProblem[], subject: string): void {
  for (const p of problems) {
    // A problem of the folder itself (it does not exist) has no file and no pointer to name: the message says it.
    const where = p.file === '' && !p.pointer ? '' : `${p.file ?? subject} ${p.pointer || '/'}: `;
    io.out(`${p.severity ?? 'error'}: ${where}${p.message}`);
    if (p.hint) io.out(`  hint: ${p.hint}`);
  }
  const errors = problems.filter((p) => (p.severity ?? 'error') === 'error').length;
  if (errors > 0) io.out(`${errors} problem${errors === 1 ? '' : 's'} found.`);
}
