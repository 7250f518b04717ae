import { randomUUID } from 'node:crypto';
import type { Connector } from '../connector.js';
import { FlowError, listTemplates, loadScenario, runScenario, type FlowEvent, type Question } from '../flows/index.js';
import type { Target } from './target.js';

/** A flow template as the page lists it: its words and the schema of its parameters (a form, like a module's). */
export function describeFlows(): Array<{ id: string; title: string; description: string; params: unknown }> {
  return listTemplates().map((t) => {
    let params: unknown = { type: 'object', properties: {} };
    try {
      params = loadScenario(t.id).scenario.params ?? params;
    } catch {
      // An unreadable template still shows; running it reports why.
    }
    return { id: t.id, title: t.title, description: t.description, params };
  });
}

/** What the page sees of one run: its events so far, the question it waits on, and how it ended. */
export interface FlowRunView {
  id: string;
  template: string;
  status: 'running' | 'waiting' | 'done' | 'failed' | 'stopped';
  events: FlowEvent[];
  question: Question | null;
  result?: unknown;
  error?: { code: string; message: string; step?: string; problems?: unknown; failure?: unknown };
}

interface FlowRun {
  view: FlowRunView;
  answer?: (text: string) => void;
  abort: AbortController;
}

const MAX_RUNS = 20;
const MAX_EVENTS = 2000;

/** Flow runs started from the page: each `ask` waits for an answer typed on the page. */
export class FlowRuns {
  private readonly runs = new Map<string, FlowRun>();

  constructor(private readonly target: Target) {}

  start(connector: Connector, template: string, params: unknown): FlowRunView {
    if (!listTemplates().some((t) => t.id === template)) throw new FlowError('scenario_not_found', `no flow template "${template}".`);
    for (const [id, run] of this.runs) {
      if (this.runs.size < MAX_RUNS) break;
      run.abort.abort();
      this.runs.delete(id);
    }
    const run: FlowRun = { view: { id: randomUUID(), template, status: 'running', events: [], question: null }, abort: new AbortController() };
    this.runs.set(run.view.id, run);
    const answers = (question: Question): Promise<string> =>
      new Promise((resolve, reject) => {
        run.view.question = question;
        run.view.status = 'waiting';
        run.answer = (text) => {
          run.answer = undefined;
          run.view.question = null;
          run.view.status = 'running';
          resolve(text);
        };
        run.abort.signal.addEventListener('abort', () => reject(new FlowError('no_answer', 'the run was stopped from the page.', { step: question.step })), { once: true });
      });
    runScenario(template, {
      connector,
      connection: this.target.connection,
      params: (params ?? {}) as Record<string, unknown>,
      answers,
      clock: this.target.clock,
      signal: run.abort.signal,
      onEvent: (event) => {
        if (run.view.events.length < MAX_EVENTS) run.view.events.push(event);
      },
    }).then(
      (done) => {
        run.view.status = 'done';
        run.view.result = done.result;
      },
      (error: unknown) => {
        run.view.status = run.abort.signal.aborted ? 'stopped' : 'failed';
        run.view.question = null;
        run.view.error =
          error instanceof FlowError
            ? { code: error.code, message: error.message, ...(error.step ? { step: error.step } : {}), ...(error.problems ? { problems: error.problems } : {}), ...(error.failure ? { failure: error.failure } : {}) }
            : { code: 'failed', message: 'the flow stopped unexpectedly.' };
      },
    );
    return run.view;
  }

  get(id: string): FlowRunView | undefined {
    return this.runs.get(id)?.view;
  }

  answer(id: string, text: string): FlowRunView | undefined {
    const run = this.runs.get(id);
    run?.answer?.(text);
    return run?.view;
  }

  stop(id: string): FlowRunView | undefined {
    const run = this.runs.get(id);
    run?.abort.abort();
    return run?.view;
  }

  stopAll(): void {
    for (const run of this.runs.values()) run.abort.abort();
  }
}
