import { createInterface } from 'node:readline';
import { FlowError } from './flow-error.js';

/** What an `ask` step asks. */
export interface Question {
  step: string;
  prompt: string;
  /** Where the code went, when the step says (lets an outbox answer find it). */
  to?: string;
  /** The answer is a secret (`ask.secret`): hosts mask it in what they print. */
  secret?: boolean;
}

/** Answers `ask` steps: a person at a prompt, a script, or the emulator's outbox. */
export type InputProvider = (question: Question) => Promise<string>;

/** Reads delivered messages for a recipient, newest last (the emulator's `outbox`, in process or over HTTP). */
export type OutboxReader = (to: string) => Promise<Array<{ code: string | null }>> | Array<{ code: string | null }>;

/** The latest code delivered to the question's `to`. */
export function outboxAnswers(read: OutboxReader): InputProvider {
  return async (question) => {
    if (!question.to) throw new FlowError('no_answer', `step ${question.step} asks "${question.prompt}" without a "to", so the outbox cannot answer it.`, { step: question.step });
    const messages = await read(question.to);
    const code = [...messages].reverse().find((m) => m.code)?.code;
    if (!code) throw new FlowError('no_answer', `no code has been sent to ${question.to} yet.`, { step: question.step });
    return code;
  };
}

/** An outbox reader for an emulator reached over HTTP (GET /__emulator/outbox?to=…). */
export function httpOutbox(baseUrl: string): OutboxReader {
  return async (to) => {
    const res = await fetch(`${baseUrl.replace(/\/$/, '')}/__emulator/outbox?to=${encodeURIComponent(to)}`);
    if (!res.ok) throw new FlowError('no_answer', `the emulator at ${baseUrl} did not return its outbox (HTTP ${res.status}).`);
    return ((await res.json()) as { messages: Array<{ code: string | null }> }).messages;
  };
}

export type ScriptedAnswer = string | ((question: Question) => string | Promise<string>);

/**
 * Answers in order from a list. The entry `@code` reads the latest code from the outbox (when one is given);
 * a function entry computes its answer (tests use it to move the clock first). Running out is an error, never a hang.
 */
export function scriptedAnswers(answers: readonly ScriptedAnswer[], outbox?: OutboxReader): InputProvider {
  let next = 0;
  const fromOutbox = outbox ? outboxAnswers(outbox) : undefined;
  return async (question) => {
    if (next >= answers.length) {
      throw new FlowError('no_answer', `no scripted answer left for "${question.prompt}" (step ${question.step}; ${answers.length} given).`, { step: question.step });
    }
    const answer = answers[next++]!;
    if (typeof answer === 'function') return answer(question);
    if (answer === '@code') {
      if (!fromOutbox) throw new FlowError('no_answer', '@code needs the emulator outbox (run with --emulator).', { step: question.step });
      return fromOutbox(question);
    }
    return answer;
  };
}

/**
 * A person at a terminal (node:readline). Lines typed (or piped) ahead of a question are kept for it; the input
 * ending is a no_answer error, never a hang. `close()` when the run is over.
 */
export function promptAnswers(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): InputProvider & { close(): void } {
  const rl = createInterface({ input, terminal: false });
  const lines: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  let ended = false;
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  const ask = (async (question: Question) => {
    output.write(`? ${question.prompt} `);
    const line = lines.length > 0 ? lines.shift() : ended ? undefined : await new Promise<string | undefined>((resolve) => waiting.push(resolve));
    if (line === undefined) {
      output.write('\n');
      throw new FlowError('no_answer', `the input ended before an answer to "${question.prompt}".`, { step: question.step });
    }
    if (!(input as { isTTY?: boolean }).isTTY) output.write(`${line}\n`);
    return line.trim();
  }) as InputProvider & { close(): void };
  ask.close = () => rl.close();
  return ask;
}
