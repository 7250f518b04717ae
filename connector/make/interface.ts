/**
 * A module's interface (interface.imljson): the fields of its output, so Make offers them for mapping. Made from the
 * output schema's properties (Twilio's snake_case names), nested objects as collections and lists as arrays.
 */
import { flatten, propertiesOf, typesOf, type JsonSchema } from './schema-view.js';
import type { MakeParameter } from './types.js';

function label(name: string, schema: JsonSchema): string {
  if (typeof schema['title'] === 'string') return schema['title'];
  const words = name.replace(/_/g, ' ').replace(/\b(sid|url|sna|psd2|ttl|ip|id)\b/g, (w) => w.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function outputParameter(name: string, raw: JsonSchema, depth: number): MakeParameter {
  const schema = flatten(raw);
  const parameter: MakeParameter = { name, label: label(name, schema), type: outputType(schema, depth) };
  if (typeof schema['description'] === 'string') parameter.help = schema['description'];
  if (parameter.type === 'collection') parameter.spec = interfaceOf(schema, depth + 1);
  if (parameter.type === 'array') {
    const items = schema['items'] ? flatten(schema['items'] as JsonSchema) : undefined;
    if (items && typesOf(items).includes('object') && propertiesOf(items).length > 0) parameter.spec = interfaceOf(items, depth + 1);
    else if (items) parameter.spec = { name: 'value', type: outputType(items, depth + 1) };
  }
  return parameter;
}

function outputType(schema: JsonSchema, depth: number): string {
  const types = typesOf(schema);
  if (types.length !== 1) return 'any';
  switch (types[0]) {
    case 'string':
      return schema['format'] === 'date-time' ? 'date' : 'text';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
      // Deep or open objects (Twilio's free-form details) stay `any`: Make shows whatever arrives.
      return propertiesOf(schema).length > 0 && depth < 4 ? 'collection' : 'any';
    default:
      return 'any';
  }
}

/** The interface of an object schema: one parameter per property. */
export function interfaceOf(schema: JsonSchema, depth = 0): MakeParameter[] {
  return propertiesOf(schema).map(([name, child]) => outputParameter(name, child, depth));
}
