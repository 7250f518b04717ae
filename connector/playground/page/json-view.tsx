/** An output as a tree: every field shows its mapping path ($.status) and copies it on click. */
import { useState } from 'react';
import { childPath } from '../ui-model/json-path';

function copy(text: string, done: (text: string) => void): void {
  void navigator.clipboard?.writeText(text).catch(() => undefined);
  done(text);
}

export function JsonView({ value }: { value: unknown }) {
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className="json-view">
      <p className="hint">
        Click a field to copy its mapping path{copied ? (
          <>
            : copied <code data-copied-path>{copied}</code>
          </>
        ) : (
          ' (as integration platforms write it, e.g. $.status)'
        )}
      </p>
      <Node value={value} path="$" name={null} onCopy={(p) => copy(p, setCopied)} />
    </div>
  );
}

function Node({ value, path, name, onCopy }: { value: unknown; path: string; name: string | null; onCopy: (path: string) => void }) {
  const label = name !== null && (
    <button type="button" className="json-key" title={`Copy ${path}`} data-path={path} onClick={() => onCopy(path)}>
      {name}
    </button>
  );
  if (value !== null && typeof value === 'object') {
    const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    return (
      <div className="json-node">
        {label}
        {label && ': '}
        <span className="json-punct">{open}</span>
        <div className="json-children">
          {entries.map(([k, v]) => (
            <Node key={String(k)} value={v} path={childPath(path, k)} name={String(k)} onCopy={onCopy} />
          ))}
        </div>
        <span className="json-punct">{close}</span>
      </div>
    );
  }
  return (
    <div className="json-node json-leaf">
      {label}
      {label && ': '}
      <span className={`json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
    </div>
  );
}
