/** One module: its words, a form generated from its input schema, Run, and what came of it. */
import Form from '@rjsf/core';
import { useMemo, useState } from 'react';
import { errorTree, formView, valuesToSend } from '../ui-model/form-schema';
import { api } from './api';
import { FoldingObjectTemplate, OptionsFromWidget, validator, type FormContext } from './form-parts';
import { ErrorView, OutputView, RequestView } from './results';
import type { ModuleView, RunAnswer } from './types';

const templates = { ObjectFieldTemplate: FoldingObjectTemplate };
const widgets = { optionsFrom: OptionsFromWidget };

export function ModulePanel({ module }: { module: ModuleView }) {
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [answer, setAnswer] = useState<RunAnswer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const view = useMemo(() => formView(module.inputSchema, values), [module.inputSchema, values]);
  const problems = answer && !answer.result.ok ? (answer.result.error.details?.problems ?? []) : [];
  const extraErrors = useMemo(() => errorTree(problems), [answer]);
  const context: FormContext = { values };
  const request = module.definition.request;

  const run = async () => {
    setRunning(true);
    setFailure(null);
    try {
      setAnswer(await api<RunAnswer>('/api/run', { module: module.id, input: valuesToSend(module.inputSchema, values) }));
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <article className="module" data-module={module.id}>
      <header>
        <h2>{module.label}</h2>
        <p className="module-meta">
          <code>{module.id}</code> · {module.kind === 'search' ? 'search' : 'action'} ·{' '}
          {request?.path ? (
            <code>
              {request.method ?? '(method from input)'} {request.path}
            </code>
          ) : (
            'composes other modules'
          )}{' '}
          ·{' '}
          <a href={module.docs} target="_blank" rel="noreferrer noopener">
            Twilio docs
          </a>
        </p>
        <p className="description">{module.description}</p>
        {view.rules.length > 0 && (
          <ul className="rules">
            {view.rules.map((rule, i) => (
              <li key={i}>{rule}</li>
            ))}
          </ul>
        )}
        {(module.definition.examples?.length ?? 0) > 0 && (
          <p className="examples">
            Examples:{' '}
            {module.definition.examples!.map((example, i) => (
              <button key={i} type="button" className="link" onClick={() => setValues(structuredClone(example.input) as Record<string, unknown>)}>
                {example.title}
              </button>
            ))}
          </p>
        )}
      </header>
      <Form
        schema={view.schema}
        uiSchema={{ ...view.uiSchema, 'ui:title': 'Input', 'ui:submitButtonOptions': { submitText: running ? 'Running…' : 'Run', props: { disabled: running } } }}
        formData={values}
        validator={validator}
        templates={templates}
        widgets={widgets}
        formContext={context}
        noValidate
        noHtml5Validate
        showErrorList={false}
        extraErrors={extraErrors as never}
        experimental_defaultFormStateBehavior={{ emptyObjectFields: 'populateRequiredDefaults' }}
        onChange={(e) => setValues((e.formData ?? {}) as Record<string, unknown>)}
        onSubmit={() => void run()}
      />
      {failure && <p className="error">{failure}</p>}
      {answer && (
        <div className="run-result">
          {(answer.request || answer.sent !== null) && <RequestView request={answer.request} sent={answer.sent} composed={Boolean(module.definition.compose)} />}
          {answer.result.ok ? <OutputView output={answer.result.output} /> : <ErrorView error={answer.result.error} />}
        </div>
      )}
    </article>
  );
}
