/** The page: modules grouped by resource on the left, the chosen module or flow in the middle, the phone on the right. */
import { useEffect, useRef, useState } from 'react';
import { api, hasToken } from './api';
import { FlowPanel } from './flow-panel';
import { ModulePanel } from './module-panel';
import { PhonePanel } from './phone-panel';
import { ProblemList } from './results';
import type { Description, OutboxMessage, Status } from './types';

type Selection = { kind: 'module' | 'flow'; id: string };

const POLL_MS = 1000;

function selectionFromHash(): Selection | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const module = params.get('module');
  const flow = params.get('flow');
  return module ? { kind: 'module', id: module } : flow ? { kind: 'flow', id: flow } : null;
}

function select(selection: Selection): void {
  const params = new URLSearchParams(location.hash.slice(1));
  params.delete('module');
  params.delete('flow');
  params.set(selection.kind, selection.id);
  history.replaceState(null, '', `#${params.toString()}`);
}

export function App() {
  const [description, setDescription] = useState<Description | null>(null);
  const [failure, setFailure] = useState<string | null>(hasToken ? null : 'This address has no token: open the URL that `verify-connector playground` printed.');
  const [selection, setSelection] = useState<Selection | null>(selectionFromHash);
  const [messages, setMessages] = useState<OutboxMessage[]>([]);
  const version = useRef<string | null>(null);

  const load = async () => {
    try {
      const d = await api<Description>('/api/connector');
      version.current = d.version;
      setDescription(d);
      setFailure(null);
    } catch (error) {
      setFailure((error as Error).message);
    }
  };

  useEffect(() => {
    if (hasToken) void load();
  }, []);

  useEffect(() => {
    if (!hasToken) return;
    let count = 0;
    let live = true;
    const tick = async () => {
      try {
        const status = await api<Status>(`/api/status?after=${count}`);
        if (status.outbox.total < count) count = 0;
        if (status.outbox.messages.length > 0) {
          const fresh = status.outbox.messages;
          count += fresh.length;
          setMessages((old) => [...old, ...fresh].slice(-200));
        }
        if (version.current !== null && status.version !== version.current) await load();
      } catch {
        // The next tick tries again (the server may be restarting).
      }
      if (live) timer = setTimeout(tick, POLL_MS);
    };
    let timer = setTimeout(tick, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  const choose = (s: Selection) => {
    select(s);
    setSelection(s);
  };

  const module = selection?.kind === 'module' ? description?.modules.find((m) => m.id === selection.id) : undefined;
  const flow = selection?.kind === 'flow' ? description?.flows.find((f) => f.id === selection.id) : undefined;
  const errors = description?.problems.filter((p) => p.severity !== 'warning') ?? [];

  return (
    <div className="layout">
      <nav className="sidebar" aria-label="Modules">
        <h1>{description?.connector?.name ?? 'Connector'} playground</h1>
        {description && (
          <p className="target" data-target={description.target.kind}>
            {description.target.kind === 'emulator' ? 'Offline emulator: nothing leaves this machine' : 'Real Twilio account: messages are sent for real'}
          </p>
        )}
        {description?.groups.map((group) => (
          <section key={group.name} className="group" data-group={group.name}>
            <h2>{group.name}</h2>
            <ul>
              {group.modules.map((id) => {
                const m = description.modules.find((x) => x.id === id);
                return (
                  <li key={id}>
                    <button type="button" className={selection?.kind === 'module' && selection.id === id ? 'selected' : ''} data-module-link={id} onClick={() => choose({ kind: 'module', id })}>
                      {m?.label ?? id}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
        {description && description.flows.length > 0 && (
          <section className="group" data-group="Flows">
            <h2>Flows</h2>
            <ul>
              {description.flows.map((f) => (
                <li key={f.id}>
                  <button type="button" className={selection?.kind === 'flow' && selection.id === f.id ? 'selected' : ''} data-flow-link={f.id} onClick={() => choose({ kind: 'flow', id: f.id })}>
                    {f.title || f.id}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </nav>
      <main className="main">
        {failure && (
          <p className="error" role="alert">
            {failure}
          </p>
        )}
        {errors.length > 0 && (
          <section className="connector-problems" role="alert">
            <h2>The connector has problems</h2>
            <p>
              {description?.connector ? 'It loaded, but the validator reports:' : 'It cannot be loaded yet. Fix these and the page reloads by itself:'} <code>{description?.dir}</code>
            </p>
            <ProblemList problems={errors} />
          </section>
        )}
        {module && <ModulePanel key={`${module.id}@${description?.version}`} module={module} />}
        {flow && <FlowPanel key={flow.id} flow={flow} />}
        {!module && !flow && description?.connector && (
          <section className="welcome">
            <h2>{description.connector.name}</h2>
            <p>{description.connector.description}</p>
            <p>
              {description.modules.length} modules in {description.groups.length} groups and {description.flows.length} flow templates, every form generated from the connector's schemas. Choose one on
              the left.
            </p>
          </section>
        )}
      </main>
      <PhonePanel messages={messages} emulator={description?.target.kind !== 'account'} />
    </div>
  );
}
