/**
 * The one error rule, generated from the runtime's error table (connector/errors/table.ts): Make shows
 * "[status] Twilio's message (Twilio code N). <our remedy>" with the error type Make acts on. The remedies live in
 * `response.temp` (as data, not as IML text: Make caps an error message at 1,024 characters), keyed by Twilio code,
 * with the runtime's fallback by HTTP status for answers whose code the table does not know.
 */
import { ruleForStatus, TWILIO_ERROR_TABLE } from '../errors/table.js';
import type { ErrorOverrides } from '../errors/map.js';

/** The HTTP statuses Twilio answers with, for which Make can be told a type and a fallback remedy. */
export const ERROR_STATUSES: readonly number[] = [
  ...Array.from({ length: 32 }, (_, i) => 400 + i),
  451,
  ...Array.from({ length: 12 }, (_, i) => 500 + i),
];

/** Make error types by status: what Make does next (stop, ask to reconnect, wait and retry, treat as an outage). */
function typeFor(status: number): string | undefined {
  if (status === 400) return 'DataError';
  if (status === 401) return 'InvalidAccessTokenError';
  if (status === 429) return 'RateLimitError';
  if (status >= 500) return 'ConnectionError';
  return undefined;
}

const MESSAGE =
  "[{{statusCode}}] {{ifempty(body.message; 'Twilio answered with an error')}}{{if(body.code; ' (Twilio code ' + body.code + ')'; '')}}. " +
  '{{ifempty(get(temp.remedies; body.code); ifempty(get(temp.statusRemedies; statusCode); temp.defaultRemedy))}}';

/** Twilio code → remedy, with a module's own meanings (20404 on a check: no longer pending) replacing the table's. */
export function remediesFor(overrides?: ErrorOverrides): Record<string, string> {
  const remedies: Record<string, string> = {};
  for (const [code, rule] of Object.entries(TWILIO_ERROR_TABLE)) remedies[code] = rule.remedy;
  for (const [code, rule] of Object.entries(overrides ?? {})) remedies[code] = rule.remedy;
  return remedies;
}

/** The remedies of `response.temp`: by code, by status where the status rule differs from the default, the default. */
export function errorTemp(overrides?: ErrorOverrides): Record<string, unknown> {
  const defaultRemedy = ruleForStatus(400).remedy;
  const statusRemedies: Record<string, string> = {};
  for (const status of ERROR_STATUSES) {
    const remedy = ruleForStatus(status).remedy;
    if (remedy !== defaultRemedy) statusRemedies[String(status)] = remedy;
  }
  return { remedies: remediesFor(overrides), statusRemedies, defaultRemedy };
}

/** `response.error`: one message for every status, and Make's error type where the status decides it. */
export function errorRule(): Record<string, unknown> {
  const rule: Record<string, unknown> = { message: MESSAGE, type: 'RuntimeError' };
  for (const status of ERROR_STATUSES) {
    const type = typeFor(status);
    if (type) rule[String(status)] = { message: MESSAGE, type };
  }
  return rule;
}
