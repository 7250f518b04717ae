/**
 * The inverse of the request builder, written independently of it: a request (path, query, form, JSON body,
 * headers) → the module input it stands for, using only the module's path template, its wire plan and the types in
 * its input schema. `decode(build(input))` must give `expected(input)` back for every valid input.
 */
import type { SchemaRegistry } from '../../../connector/schema/ajv.js';
import type { RequestPlan } from '../../../connector/runtime/module-plan.js';
import type { FieldPlan } from '../../../connector/runtime/wire-plan.js';
import type { WireRequest } from '../../../connector/transport/wire.js';
import { deref, type Schema } from './schema-arbitrary.js';

type Pairs = Array<[string, string]>;

function typeOf(registry: SchemaRegistry, schema: Schema | undefined, base: string): string | undefined {
  if (!schema) return undefined;
  const resolved = deref(registry, schema, base).schema;
  return typeof resolved['type'] === 'string' ? resolved['type'] : undefined;
}

function fromText(text: string, type: string | undefined, plan: FieldPlan): unknown {
  if (plan.encode === 'json') return JSON.parse(text);
  if (type === 'boolean') {
    if (text !== 'true' && text !== 'false') throw new Error(`${plan.name}: "${text}" is not true/false`);
    return text === 'true';
  }
  if (type === 'integer' || type === 'number') return Number(text);
  return text;
}

/** What an input looks like on the wire for a spread field: one pair per scalar (lists repeat the name). */
export function spreadPairs(value: Record<string, unknown>): Pairs {
  const pairs: Pairs = [];
  for (const [key, entry] of Object.entries(value)) {
    if (entry === undefined || entry === null) continue;
    for (const item of Array.isArray(entry) ? entry : [entry]) pairs.push([key, typeof item === 'string' ? item : typeof item === 'object' ? JSON.stringify(item) : String(item)]);
  }
  return pairs;
}

function pathParameters(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = template.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`)).replace(/\{([A-Za-z0-9]+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${source}$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
}

/** Request → input, for one module. Properties with no trace on the wire (`in: none`, bodyType) are left out. */
export function decodeRequest(module: RequestPlan, registry: SchemaRegistry, request: WireRequest): Record<string, unknown> {
  const schema = registry.schema(module.inputSchemaId) as Schema;
  const out: Record<string, unknown> = {};
  const templatePath = module.template.path;
  const params = pathParameters(templatePath, request.path);
  const claimed = { query: new Set<number>(), form: new Set<number>() };

  const leaf = (plan: FieldPlan, pairs: Pairs, used: Set<number>, propSchema: Schema | undefined, base: string): unknown => {
    const resolved = propSchema ? deref(registry, propSchema, base) : undefined;
    if (plan.children) {
      const nested: Record<string, unknown> = {};
      for (const child of plan.children) {
        const value = leaf(child, pairs, used, resolved?.schema['properties']?.[child.property], resolved?.base ?? base);
        if (value !== undefined) nested[child.property] = value;
      }
      return Object.keys(nested).length > 0 ? nested : undefined;
    }
    const found = pairs.map((p, i) => [p, i] as const).filter(([p]) => p[0] === plan.name);
    if (found.length === 0) return undefined;
    for (const [, i] of found) used.add(i);
    const type = typeOf(registry, resolved?.schema, resolved?.base ?? base);
    // A list of objects travels as repeated names, each item a JSON string (Details.Fields).
    const itemType = type === 'array' ? typeOf(registry, resolved?.schema['items'] as Schema | undefined, resolved?.base ?? base) : undefined;
    const values = found.map(([p]) => (itemType === 'object' ? JSON.parse(p[1]) : fromText(p[1], type, plan)));
    return type === 'array' ? values : found.length === 1 ? values[0] : values;
  };

  for (const plan of module.fields) {
    const propSchema = (schema['properties'] as Record<string, Schema>)[plan.property];
    switch (plan.location) {
      case 'path':
        if (params?.[plan.property] !== undefined) out[plan.property] = params[plan.property];
        break;
      case 'url':
        out[plan.property] = request.path;
        break;
      case 'method':
        out[plan.property] = request.method;
        break;
      case 'headers':
        if (request.headers) out[plan.property] = { ...request.headers };
        break;
      case 'query':
      case 'form': {
        if (plan.spread) break; // after the named fields, below
        const value = leaf(plan, plan.location === 'query' ? (request.query ?? []) : (request.form ?? []), claimed[plan.location], propSchema, module.inputSchemaId);
        if (value !== undefined) out[plan.property] = value;
        break;
      }
      case 'body':
        if (request.json !== undefined) out[plan.property] = request.json;
        break;
      default:
        break;
    }
  }
  // Spread fields and a form body take every pair no named field claimed, as pairs (their scalars' types are not on the wire).
  for (const plan of module.fields) {
    if (plan.spread && (plan.location === 'query' || plan.location === 'form')) {
      const rest = (plan.location === 'query' ? (request.query ?? []) : (request.form ?? [])).filter((_p, i) => !claimed[plan.location as 'query' | 'form'].has(i));
      if (rest.length > 0) out[plan.property] = rest;
    }
    if (plan.location === 'body' && request.json === undefined && request.form) {
      const rest = request.form.filter((_p, i) => !claimed.form.has(i));
      if (rest.length > 0) out[plan.property] = rest;
    }
  }
  return out;
}

/** The input as the wire can say it: untransmitted fields dropped, spread fields and form bodies as pairs. */
export function expectedFromInput(module: RequestPlan, input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const bodyIsJson = input['bodyType'] === 'json';
  for (const plan of module.fields) {
    if (!Object.prototype.hasOwnProperty.call(input, plan.property)) continue;
    const value = input[plan.property];
    if (plan.location === 'none' || plan.location === 'bodyType') continue;
    if (plan.spread) {
      const pairs = spreadPairs(value as Record<string, unknown>);
      if (pairs.length > 0) out[plan.property] = pairs;
    } else if (plan.location === 'body') {
      if (bodyIsJson) out[plan.property] = value;
      else {
        const pairs = spreadPairs(value as Record<string, unknown>);
        if (pairs.length > 0) out[plan.property] = pairs;
      }
    } else if (plan.location === 'headers') {
      if (Object.keys(value as object).length > 0) out[plan.property] = value;
    } else {
      out[plan.property] = value;
    }
  }
  return out;
}
