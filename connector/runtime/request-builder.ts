import { escapeToken } from '../common/json-pointer.js';
import { ConnectorError } from '../errors/connector-error.js';
import type { HttpMethod, TwilioHost, WireRequest } from '../transport/wire.js';
import type { FieldPlan } from './wire-plan.js';
import { checkHeaders, checkRelativePath } from './safe-request.js';

export interface RequestTemplate {
  method?: HttpMethod;
  host: TwilioHost;
  path: string;
  /** The module's `request.fixed` parameters, sent with every call (query for GET/DELETE, form otherwise). */
  fixed?: ReadonlyArray<readonly [string, string]>;
}

/** Replaces `{name}` with the value as written: a function replacement, so `$$` or `$&` in a value stay literal. */
function fillPlaceholder(path: string, name: string, value: string): string {
  return path.replaceAll(`{${name}}`, () => value);
}

/** Twilio's form and query values are strings: booleans as true/false, numbers in decimal. */
function scalar(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function pushValue(pairs: Array<[string, string]>, plan: FieldPlan, value: unknown): void {
  if (plan.children) {
    const nested = value as Record<string, unknown>;
    for (const child of plan.children) {
      if (Object.prototype.hasOwnProperty.call(nested, child.property) && nested[child.property] !== undefined) pushValue(pairs, child, nested[child.property]);
    }
  } else if (plan.spread) {
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
      if (entry === undefined || entry === null) continue;
      for (const item of Array.isArray(entry) ? entry : [entry]) pairs.push([key, scalar(item)]);
    }
  } else if (plan.encode === 'json') {
    pairs.push([plan.name, JSON.stringify(value)]);
  } else if (Array.isArray(value)) {
    for (const item of value) pairs.push([plan.name, scalar(item)]);
  } else {
    pairs.push([plan.name, scalar(value)]);
  }
}

/** Inputs nest at most this deep: a schema that accepts any value (make-api-call's body) must not take a stack-busting one. */
export const MAX_INPUT_DEPTH = 32;

/** The pointer of the first value nested deeper than MAX_INPUT_DEPTH; iterative, so a deep input cannot blow the stack here. */
function tooDeepAt(input: unknown): string | undefined {
  // Depth first from the last property (a stack, not recursion); a pointer is spelled out only for the value it reports.
  interface Entry {
    value: object;
    parent: Entry | undefined;
    key: string;
    depth: number;
  }
  if (input === null || typeof input !== 'object') return undefined;
  const stack: Entry[] = [{ value: input, parent: undefined, key: '', depth: 0 }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (entry.depth >= MAX_INPUT_DEPTH) return pointerOf(entry);
    for (const key of Object.keys(entry.value)) {
      const child = (entry.value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push({ value: child, parent: entry, key, depth: entry.depth + 1 });
    }
  }
  return undefined;
}

function pointerOf(entry: { parent: typeof entry | undefined; key: string }): string {
  let pointer = '';
  for (let e: typeof entry | undefined = entry; e?.parent; e = e.parent) pointer = `/${escapeToken(e.key)}${pointer}`;
  return pointer;
}

/**
 * Input (already valid against its schema) + the module's request template + its wire plan → the request.
 * Pure: no I/O, so tests and a dry run can show exactly what would be sent.
 */
export function buildRequest(template: RequestTemplate, plans: readonly FieldPlan[], input: Record<string, unknown>): WireRequest {
  const deep = tooDeepAt(input);
  if (deep !== undefined) {
    const message = `is nested more than ${MAX_INPUT_DEPTH} levels deep`;
    throw new ConnectorError('invalid_input', `The input is not valid: ${deep.slice(0, 200)} ${message}.`, {
      remedy: 'Flatten the value (send nested data as a JSON string); nothing was sent to Twilio.',
      details: { problems: [{ pointer: deep, message }] },
    });
  }
  let method = template.method;
  let path = template.path;
  const query: Array<[string, string]> = [];
  const form: Array<[string, string]> = [];
  let headers: Record<string, string> | undefined;
  let body: unknown;
  let bodyType: 'form' | 'json' = 'form';

  for (const plan of plans) {
    if (!Object.prototype.hasOwnProperty.call(input, plan.property)) continue;
    const value = input[plan.property];
    if (value === undefined) continue;
    const pointer = `/${plan.property}`;
    switch (plan.location) {
      case 'path':
        path = fillPlaceholder(path, plan.name, encodeURIComponent(scalar(value)));
        break;
      case 'url':
        checkRelativePath(scalar(value), pointer);
        path = fillPlaceholder(path, plan.property, scalar(value));
        break;
      case 'query':
        pushValue(query, plan, value);
        break;
      case 'form':
        pushValue(form, plan, value);
        break;
      case 'method':
        method = scalar(value).toUpperCase() as HttpMethod;
        break;
      case 'headers':
        headers = checkHeaders(value as Record<string, unknown>, pointer);
        break;
      case 'body':
        body = value;
        break;
      case 'bodyType':
        bodyType = value === 'json' ? 'json' : 'form';
        break;
      case 'none':
        break;
    }
  }
  if (method === undefined) throw new ConnectorError('invalid_input', 'The request method is missing.', { details: { problems: [{ pointer: '/method', message: 'is required' }] } });
  if (/\{[A-Za-z0-9]+\}/.test(path)) {
    const missing = /\{([A-Za-z0-9]+)\}/.exec(path)![1]!;
    throw new ConnectorError('invalid_input', `/${missing} is required.`, { details: { problems: [{ pointer: `/${missing}`, message: 'is required' }] } });
  }
  if (template.fixed) (method === 'GET' || method === 'DELETE' ? query : form).unshift(...template.fixed.map(([name, value]): [string, string] => [name, value]));
  const request: WireRequest = { method, host: template.host, path };
  if (body !== undefined && method !== 'GET' && method !== 'DELETE') {
    if (bodyType === 'json') request.json = body;
    else if (body !== null && typeof body === 'object') pushValue(form, { property: 'body', location: 'form', name: '', spread: true }, body);
  }
  if (query.length > 0) request.query = query;
  if (form.length > 0) request.form = form;
  if (headers && Object.keys(headers).length > 0) request.headers = headers;
  return request;
}
