/**
 * The README's module and error tables, made from their one source each: the manifest's modules (`connector.modules`)
 * and the error tables (connector/errors/table.ts, with the modules' own refinements). `verify-connector docs` prints
 * the first; `npm run generate:readme` writes both into the README, and `npm test` fails when they are stale.
 */
import type { Connector } from '../connector.js';
import { ERROR_CODES, type ErrorCode } from '../errors/connector-error.js';
import { HTTP_STATUS_TABLE, NO_ANSWER_TABLE, TWILIO_ERROR_TABLE, type ErrorRule } from '../errors/table.js';
import { whenRetried } from '../runtime/call-twilio.js';
import { DEFAULT_RETRY } from '../runtime/defaults.js';
import { requestSummary } from './module-summary.js';

/** A table cell: pipes and line breaks would end it. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

export function moduleRows(connector: Connector): Array<{ id: string; label: string; description: string; request: string }> {
  return connector.modules.map((m) => ({ id: m.id, label: m.label, description: m.description, request: requestSummary(connector, m.id) }));
}

export function moduleTable(connector: Connector): string[] {
  return ['| Module | What it does | Twilio request |', '|---|---|---|', ...moduleRows(connector).map((r) => `| \`${r.id}\` — ${cell(r.label)} | ${cell(r.description)} | \`${r.request}\` |`)];
}

function retried(rule: { code: string; retryable: boolean }): string {
  const when = whenRetried(rule);
  if (when === 'never') return 'no';
  if (when === 'if-idempotent') return 'only for idempotent calls (reads, updates, deletes)';
  return `yes, bounded (${DEFAULT_RETRY.maxAttempts} sends in all, \`details.attempts\`), after a \`Retry-After\` of at most ${DEFAULT_RETRY.maxDelayMs / 1000} s; a longer one is returned as \`details.retryAfterMs\``;
}

/** What a row's response headers add to the error (20429 names the rate limit reached). */
function headerNote(rule: ErrorRule): string {
  const notes = Object.entries(rule.headers ?? {}).map(([header, { detail, label }]) => `${label}: \`details.${detail}\` from \`${header}\``);
  return notes.length > 0 ? `; ${notes.join('; ')}` : '';
}

function line(what: string, rule: ErrorRule): string {
  return `| ${what} | \`${rule.code}\`${headerNote(rule)} | ${retried(rule)} |`;
}

/** Rows grouped by what they mean: the same code and the same retry answer share a row, in the closed set's order. */
function grouped(entries: Array<[string, ErrorRule]>): string[] {
  const groups = new Map<string, { code: ErrorCode; rule: ErrorRule; keys: string[] }>();
  for (const [key, rule] of entries) {
    const id = `${rule.code}\u0000${retried(rule)}`;
    const group = groups.get(id) ?? { code: rule.code, rule, keys: [] };
    group.keys.push(key);
    groups.set(id, group);
  }
  const order = (code: ErrorCode): number => ERROR_CODES.indexOf(code);
  return [...groups.values()].sort((a, b) => order(a.code) - order(b.code)).map((g) => line(g.keys.join(', '), g.rule));
}

/** Refinements modules declare (`errors` in a module file): a Twilio code that means more on those modules. */
function refinements(connector: Connector): string[] {
  const byMeaning = new Map<string, { twilioCode: string; code: string; modules: string[] }>();
  for (const m of connector.modules) {
    for (const [twilioCode, rule] of Object.entries((m.definition.errors ?? {}) as Record<string, { code: string }>)) {
      const id = `${twilioCode}\u0000${rule.code}`;
      const entry = byMeaning.get(id) ?? { twilioCode, code: rule.code, modules: [] };
      entry.modules.push(`\`${m.id}\``);
      byMeaning.set(id, entry);
    }
  }
  return [...byMeaning.values()]
    .sort((a, b) => Number(a.twilioCode) - Number(b.twilioCode))
    .map((r) => `| ${r.twilioCode} from ${r.modules.join(', ')} | \`${r.code}\` | ${retried({ code: r.code, retryable: TWILIO_ERROR_TABLE[Number(r.twilioCode)]?.retryable ?? false })} |`);
}

/** The closed set of codes, in its order (connector/errors/connector-error.ts). */
export function errorCodes(): string[] {
  return [ERROR_CODES.map((code) => `\`${code}\``).join(', ') + '.'];
}

export function errorTable(connector: Connector): string[] {
  const twilio = Object.entries(TWILIO_ERROR_TABLE).sort(([a], [b]) => Number(a) - Number(b));
  return [
    '| Twilio answered | ConnectorError | sent again by the runtime |',
    '|---|---|---|',
    ...grouped(twilio),
    ...refinements(connector),
    ...HTTP_STATUS_TABLE.map((row) => line(`HTTP ${row.status}, no code above`, row.rule)),
    line('no answer within `timeoutMs`', NO_ANSWER_TABLE.timeout),
    line('Twilio unreachable (DNS, refused, reset)', NO_ANSWER_TABLE.unreachable),
    line("the caller's abort signal", NO_ANSWER_TABLE.cancelled),
  ];
}
