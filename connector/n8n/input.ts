/**
 * A node's parameters for one item → the module's input, following the plan description.ts made with the
 * parameters: top-level parameters as they are, Additional Fields only when the user added them, collections as
 * objects, name/value entries as maps, JSON text parsed. Nothing is checked here beyond JSON syntax: the runtime
 * validates the input and names each problem by JSON pointer.
 */
import { ConnectorError } from '../index.js';
import type { ModulePlan } from './description.js';
import { OBJECTS_NAME, PAIRS_NAME, type FieldPlan } from './fields.js';

/** Reads one parameter of the current item (undefined when the parameter is hidden or unset). */
export type ParameterReader = (name: string) => unknown;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets a key as data: a key named like a prototype property stays a key (and the runtime refuses it by pointer). */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function invalidJson(pointer: string, reason: string): ConnectorError {
  return new ConnectorError('invalid_input', `The input is not valid: ${pointer} is not valid JSON (${reason}).`, {
    remedy: 'Enter JSON such as {"name": "value"}, or map a value with an expression.',
    details: { problems: [{ pointer, message: `is not valid JSON (${reason})` }] },
  });
}

function convert(plan: FieldPlan, value: unknown, pointer: string): unknown {
  switch (plan.shape.kind) {
    case 'value':
      return value;
    case 'json': {
      if (typeof value !== 'string') return value;
      if (value.trim() === '') return undefined;
      try {
        return JSON.parse(value) as unknown;
      } catch (error) {
        throw invalidJson(pointer, (error as Error).message);
      }
    }
    case 'pairs': {
      if (!isRecord(value)) return value;
      const entries = value[PAIRS_NAME];
      if (!Array.isArray(entries)) return Object.keys(value).length === 0 ? undefined : value;
      const map: Record<string, unknown> = {};
      for (const entry of entries) {
        if (!isRecord(entry) || (entry['name'] === '' && entry['value'] === '')) continue;
        define(map, String(entry['name']), entry['value']);
      }
      return Object.keys(map).length === 0 ? undefined : map;
    }
    case 'collection': {
      if (!isRecord(value)) return value;
      const object = readFields(plan.shape.fields, (name) => value[name], pointer);
      return Object.keys(object).length === 0 ? undefined : object;
    }
    case 'objects': {
      if (!isRecord(value)) return value;
      const entries = value[OBJECTS_NAME];
      if (!Array.isArray(entries)) return undefined;
      const fields = plan.shape.fields;
      return entries.map((entry, i) => (isRecord(entry) ? readFields(fields, (name) => entry[name], `${pointer}/${i}`) : entry));
    }
  }
}

function readFields(fields: readonly FieldPlan[], read: ParameterReader, pointer: string): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = read(field.key);
    if (raw === undefined || raw === null) continue;
    const value = convert(field, raw, `${pointer}/${field.key}`);
    if (value !== undefined) define(input, field.key, value);
  }
  return input;
}

/** The module input for one item. `additional` is the Additional Fields collection's value ({} when empty). */
export function readInput(plan: ModulePlan, read: ParameterReader, additional: unknown): Record<string, unknown> {
  const input = readFields(plan.fields, read, '');
  if (isRecord(additional)) for (const [key, value] of Object.entries(readFields(plan.additional, (name) => additional[name], ''))) define(input, key, value);
  return input;
}
