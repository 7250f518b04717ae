/**
 * The app on the other side of an exported flow's questions, on loopback: n8n POSTs each question
 * `{ step, prompt, to, resumeUrl }` to /ask; the app answers from a script (`@code`: the latest code the emulator
 * delivered to `to`, '' for "nothing arrived") by POSTing `{ answer }` to resumeUrl, as a sign-in page would; the
 * calling workflow POSTs the flow's result to /result.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '../../../emulator/index.js';

export interface Question {
  step: string;
  prompt: string;
  to: string | null;
  resumeUrl: string;
  answer?: string;
}

export interface AnswerApp {
  url: string;
  questions: Question[];
  /** Resolves with the result the caller reported for `run`, or rejects after `timeoutMs`. */
  result(run: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startAnswerApp(emu: Emulator, scripts: Record<string, string[]>): Promise<AnswerApp> {
  const questions: Question[] = [];
  const results = new Map<string, Record<string, unknown>>();
  const answerFor = (script: string[], to: string | null): string => {
    const next = script.length > 1 ? script.shift()! : (script[0] ?? '');
    return next === '@code' ? (emu.outbox(to ? { to } : {}).at(-1)?.code ?? '') : next;
  };
  // n8n may still be saving the execution as waiting when the answer arrives: retry until it takes it.
  const resume = async (url: string, answer: string): Promise<void> => {
    for (let i = 0; i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answer }) }).catch(() => undefined);
      await response?.body?.cancel();
      if (response?.status === 200) return;
    }
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      if (url.pathname === '/ask') {
        const question = json as unknown as Question;
        question.answer = answerFor(scripts[url.searchParams.get('script') ?? ''] ?? [''], question.to);
        questions.push(question);
        void resume(question.resumeUrl, question.answer);
      } else if (url.pathname === '/result') {
        results.set(String(json['run']), json['result'] as Record<string, unknown>);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    questions,
    async result(run, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      while (!results.has(run)) {
        if (Date.now() > deadline) throw new Error(`no result for ${run}; questions so far: ${JSON.stringify(questions)}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return results.get(run)!;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
