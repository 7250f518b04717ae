/** A flow template: its parameters as a form, then each step as it runs, and the questions answered here. */
import Form from '@rjsf/core';
import { useEffect, useMemo, useState } from 'react';
import { formView, valuesToSend } from '../ui-model/form-schema';
import { api } from './api';
import { FoldingObjectTemplate, validator } from './form-parts';
import { ErrorView, ProblemList } from './results';
import { JsonView } from './json-view';
import type { FlowEvent, FlowRunView, FlowTemplate } from './types';

const templates = { ObjectFieldTemplate: FoldingObjectTemplate };

function summary(event: FlowEvent): string {
  const record = event.record;
  if (!record) return '';
  if (!record.ok) return `failed: ${String(record.error?.['code'] ?? '')} ${String(record.error?.['message'] ?? '')}`;
  const out = record.output;
  if (out === null || typeof out !== 'object') return JSON.stringify(out) ?? '';
  const o = out as Record<string, unknown>;
  if (event.kind === 'ask') return `answer ${JSON.stringify(o['answer'])}`;
  if (event.kind === 'wait') return `waited ${String(o['seconds'])} s`;
  const keys = ['status', 'channel', 'to', 'sid', 'valid', 'branch', 'iteration'].filter((k) => k in o);
  return keys.map((k) => `${k}=${typeof o[k] === 'string' ? o[k] : JSON.stringify(o[k])}`).join(' ');
}

export function FlowPanel({ flow }: { flow: FlowTemplate }) {
  const [params, setParams] = useState<Record<string, unknown>>({});
  const [run, setRun] = useState<FlowRunView | null>(null);
  const [answer, setAnswer] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const view = useMemo(() => formView(flow.params, params), [flow.params, params]);
  const active = run !== null && (run.status === 'running' || run.status === 'waiting');

  useEffect(() => {
    if (!run || !active) return;
    const timer = setTimeout(() => {
      api<FlowRunView>(`/api/flows/run?id=${encodeURIComponent(run.id)}`).then(setRun, (e: Error) => setFailure(e.message));
    }, run.status === 'waiting' ? 600 : 250);
    return () => clearTimeout(timer);
  }, [run, active]);

  const start = async () => {
    setFailure(null);
    try {
      setRun(await api<FlowRunView>('/api/flows', { template: flow.id, params: valuesToSend(flow.params, params) }));
    } catch (error) {
      setFailure((error as Error).message);
    }
  };
  const reply = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!run) return;
    setRun(await api<FlowRunView>('/api/flows/answer', { id: run.id, answer }));
    setAnswer('');
  };

  return (
    <article className="flow" data-flow={flow.id}>
      <header>
        <h2>{flow.title || flow.id}</h2>
        <p className="module-meta">
          <code>{flow.id}</code> · flow template
        </p>
        <p className="description">{flow.description}</p>
      </header>
      <Form
        schema={view.schema}
        uiSchema={{ ...view.uiSchema, 'ui:title': 'Parameters', 'ui:submitButtonOptions': { submitText: active ? 'Running…' : 'Start the flow', props: { disabled: active } } }}
        formData={params}
        validator={validator}
        templates={templates}
        noValidate
        noHtml5Validate
        showErrorList={false}
        onChange={(e) => setParams((e.formData ?? {}) as Record<string, unknown>)}
        onSubmit={() => void start()}
      />
      {failure && <p className="error">{failure}</p>}
      {run && (
        <section className="flow-run" data-status={run.status} aria-label="Flow run">
          <h3>
            Steps <span className={`run-status status-${run.status}`}>{run.status}</span>
          </h3>
          <ol className="steps">
            {run.events
              .filter((e) => e.type !== 'start')
              .map((e, i) => (
                <li key={i} className={`step step-${e.type}${e.record && !e.record.ok ? ' step-failed' : ''}`} style={{ marginLeft: `${e.depth * 1.2}em` }} data-step={e.step}>
                  {e.type === 'say' ? (
                    <span className="say">» {e.text}</span>
                  ) : (
                    <>
                      <span className="mark">{e.type === 'skip' ? '–' : e.record?.ok === false ? '✗' : '✓'}</span> <span className="step-id">{e.step}</span>{' '}
                      <span className="step-kind">{e.target ?? e.kind}</span> <span className="step-summary">{e.type === 'skip' ? 'skipped' : summary(e)}</span>
                    </>
                  )}
                </li>
              ))}
          </ol>
          {run.question && (
            <form className="ask" onSubmit={(e) => void reply(e)}>
              <label htmlFor="flow-answer">{run.question.prompt}</label>
              <input id="flow-answer" name="answer" autoComplete="off" value={answer} onChange={(e) => setAnswer(e.target.value)} autoFocus />
              <button type="submit">Answer</button>
              <span className="hint">Type the code from the phone panel, or a word such as RESEND, or leave it empty.</span>
            </form>
          )}
          {active && (
            <button type="button" className="link" onClick={() => void api<FlowRunView>('/api/flows/stop', { id: run.id }).then(setRun)}>
              stop the run
            </button>
          )}
          {run.status === 'done' && (
            <div className="flow-result">
              <h3>Result</h3>
              <JsonView value={run.result} />
            </div>
          )}
          {run.error && (
            <div className="flow-error" role="alert">
              <h3>
                Flow stopped <code className="error-code">{run.error.code}</code>
              </h3>
              <p>{run.error.message}</p>
              {run.error.problems && <ProblemList problems={run.error.problems} />}
              {run.error.failure && <ErrorView error={run.error.failure} />}
            </div>
          )}
        </section>
      )}
    </article>
  );
}
