/**
 * What a Make user enters for a connector input: the same names, with maps as lists of { key, value }, JSON-text
 * fields as JSON, collections field by field. Make leaves out an empty field (empty text, list or collection), so
 * those parts are dropped and `effective` says which input Make really sends — the rest of the input, unchanged.
 * The tests use it to hand the exported communication the input a user would give, and to compare with the runtime.
 */
import type { FieldPlan } from './fields.js';
import { isEmpty } from './iml/evaluate.js';
import { AUTH_TYPE } from './connection.js';

export interface MakeEntry {
  parameters: Record<string, unknown>;
  /** The input as Make sends it: the given input less what Make leaves out as empty. */
  effective: Record<string, unknown>;
}

function entryOf(plan: FieldPlan, value: unknown): { parameter: unknown; effective: unknown } | undefined {
  if (value === undefined) return undefined;
  switch (plan.shape) {
    case 'jsonText':
      return { parameter: JSON.stringify(value), effective: value };
    case 'keyValue': {
      // Inside each pair too, Make leaves an empty name or value out.
      const entries = Object.entries(value as Record<string, unknown>).filter(([key, v]) => key !== '' && !isEmpty(v));
      return entries.length === 0 ? undefined : { parameter: entries.map(([key, v]) => ({ key, value: v })), effective: Object.fromEntries(entries) };
    }
    case 'collection': {
      const entry = entriesFor(plan.children ?? [], value as Record<string, unknown>);
      return Object.keys(entry.parameters).length === 0 ? undefined : { parameter: entry.parameters, effective: entry.effective };
    }
    case 'value':
      return isEmpty(value) ? undefined : { parameter: value, effective: value };
  }
}

function entriesFor(plans: readonly FieldPlan[], input: Record<string, unknown>): MakeEntry {
  const parameters: Record<string, unknown> = {};
  const effective: Record<string, unknown> = {};
  for (const plan of plans) {
    if (!Object.prototype.hasOwnProperty.call(input, plan.property)) continue;
    const entry = entryOf(plan, input[plan.property]);
    if (!entry) continue;
    parameters[plan.property] = entry.parameter;
    effective[plan.property] = entry.effective;
  }
  return { parameters, effective };
}

export function makeEntryFor(plans: readonly FieldPlan[], input: Record<string, unknown>): MakeEntry {
  return entriesFor(plans, input);
}

/** The Make connection's fields for a runtime connection (the Sign in with choice set from which secret is given). */
export function makeConnectionFor(connection: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { accountSid: connection['accountSid'] };
  if (typeof connection['apiKeySid'] === 'string') {
    out[AUTH_TYPE] = 'apiKey';
    out['apiKeySid'] = connection['apiKeySid'];
    out['apiKeySecret'] = connection['apiKeySecret'];
  } else {
    out[AUTH_TYPE] = 'authToken';
    out['authToken'] = connection['authToken'];
  }
  for (const key of ['region', 'edge']) if (connection[key] !== undefined) out[key] = connection[key];
  return out;
}
