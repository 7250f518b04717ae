/**
 * Runs an exported Make app's communication the way Make does, for the tests: base and the module's api merged
 * (the module wins, key by key), every IML string evaluated with the module's parameters and the connection, the
 * request's URL put on base's baseUrl when it starts with "/", query and urlencoded body as name/value pairs.
 * `callModule` also sends it (fetch, to an emulator standing in for Twilio's host) and reads the answer as the
 * module says: the error rule, `iterate`/`output`/`limit`, and pagination over `meta.next_page_url`.
 */
import { evaluateTemplate, evaluateValue, inherit, isEmpty, type ImlContext } from '../../../connector/make/iml/evaluate.js';
import type { MakeApp } from '../../../connector/make/export.js';
import type { ModuleComponent } from '../../../connector/make/module.js';

type Json = Record<string, any>;

export interface MakeRequest {
  method: string;
  url: string;
  query: Array<[string, string]>;
  form?: Array<[string, string]>;
  json?: unknown;
  headers: Record<string, string>;
}

export function parsedFile(app: MakeApp, path: string): Json {
  const text = app.files.get(path);
  if (text === undefined) throw new Error(`the app has no ${path}`);
  return JSON.parse(text) as Json;
}

export function moduleOf(app: MakeApp, moduleId: string): ModuleComponent {
  const module = app.modules.find((m) => m.metadata['name'] === moduleId || m.name === moduleId);
  if (!module) throw new Error(`the app has no module ${moduleId}`);
  return module;
}

function scalar(value: unknown): string {
  if (value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** An evaluated qs/body object → name/value pairs; a list sends its name once per item (repeated names). */
export function pairsOf(object: unknown): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (object === null || typeof object !== 'object') return pairs;
  for (const [name, value] of Object.entries(object)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) pairs.push([name, scalar(item)]);
  }
  return pairs;
}

const DIRECTIVES_OF_RESPONSE = new Set(['response', 'pagination']);

/** The request part of an evaluated directive set. */
function requestOf(directives: Json, context: ImlContext): MakeRequest {
  const evaluated = evaluateValue(Object.fromEntries(Object.entries(directives).filter(([k]) => !DIRECTIVES_OF_RESPONSE.has(k))), context) as Json;
  const url = String(evaluated['url'] ?? '');
  const base = String(evaluated['baseUrl'] ?? '');
  const headers = Object.fromEntries(Object.entries((evaluated['headers'] as Json | undefined) ?? {}).map(([k, v]) => [k, scalar(v)]));
  const request: MakeRequest = { method: String(evaluated['method'] ?? 'GET'), url: url.startsWith('/') ? `${base}${url}` : url, query: pairsOf(evaluated['qs']), headers };
  const body = evaluated['body'];
  if (body !== undefined && !(typeof body === 'object' && body !== null && Object.keys(body).length === 0 && request.method === 'GET')) {
    if (evaluated['type'] === 'json') request.json = body;
    else {
      const form = pairsOf(body);
      if (form.length > 0) request.form = form;
    }
  }
  return request;
}

export function baseOf(app: MakeApp): Json {
  return parsedFile(app, 'base.imljson');
}

/** The request Make sends for a module: base + the module's api, evaluated with these parameters and connection. */
export function makeRequestFor(app: MakeApp, module: ModuleComponent, parameters: Json, connection: Json): MakeRequest {
  return requestOf(inherit(baseOf(app), module.api) as Json, { parameters, connection });
}

export class MakeModuleError extends Error {
  constructor(
    message: string,
    readonly type: string,
    readonly statusCode: number,
  ) {
    super(message);
  }
}

/** Make's error rule for an answer of 400 or more: `response.error.<status>` first, then `response.error`. */
export function makeError(response: Json, statusCode: number, body: unknown, headers: Json, parameters: Json, connection: Json): MakeModuleError {
  const context: Json = { statusCode, body, headers, parameters, connection };
  context['temp'] = evaluateValue(response['temp'] ?? {}, context);
  const rule = (response['error'] ?? {}) as Json;
  const specific = (rule[String(statusCode)] as Json | undefined) ?? rule;
  const message = String(evaluateTemplate(String(specific['message'] ?? rule['message']), context));
  const type = String(evaluateTemplate(String(specific['type'] ?? rule['type'] ?? 'RuntimeError'), context));
  return new MakeModuleError(message, type, statusCode);
}

export interface SendOptions {
  /** Where Twilio's hosts are answered (an emulator): https://verify.twilio.com is replaced by it. */
  origin: string;
}

async function send(request: MakeRequest, options: SendOptions): Promise<{ statusCode: number; headers: Json; body: unknown }> {
  const url = new URL(request.url.replace(/^https:\/\/[a-z]+(\.[a-z0-9-]+)*\.twilio\.com/, options.origin));
  for (const [name, value] of request.query) url.searchParams.append(name, value);
  const headers: Record<string, string> = { ...request.headers };
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(request.form).toString();
  }
  const response = await fetch(url, { method: request.method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: parsed };
}

export interface MakeOutput {
  /** One bundle per item for a search module; one output otherwise. */
  bundles: unknown[];
  requests: MakeRequest[];
}

/** Sends a module's request (and its next pages) and reads the answer as Make would. Rejects MakeModuleError. */
export async function callModule(app: MakeApp, module: ModuleComponent, parameters: Json, connection: Json, options: SendOptions): Promise<MakeOutput> {
  const base = baseOf(app);
  const directives = inherit(base, module.api) as Json;
  const response = (directives['response'] ?? {}) as Json;
  const requests: MakeRequest[] = [];
  const context = (extra: Json): Json => ({ parameters, connection, ...extra });
  let request = requestOf(directives, context({}));
  const bundles: unknown[] = [];
  const limitValue = response['limit'] !== undefined ? Number(evaluateValue(response['limit'], context({}))) : Infinity;
  for (let page = 0; page < 50; page++) {
    requests.push(request);
    const answer = await send(request, options);
    const here = context({ statusCode: answer.statusCode, body: answer.body, headers: answer.headers });
    if (answer.statusCode >= 400) throw makeError(response, answer.statusCode, answer.body, answer.headers, parameters, connection);
    if (response['iterate'] === undefined) {
      bundles.push(response['output'] === undefined ? answer.body : evaluateValue(response['output'], here));
      break;
    }
    const items = evaluateValue(response['iterate'], here);
    for (const item of Array.isArray(items) ? items : []) bundles.push(evaluateValue(response['output'] ?? '{{item}}', { ...here, item }));
    const pagination = directives['pagination'] as Json | undefined;
    if (!pagination || bundles.length >= limitValue || !evaluateTemplate(String(pagination['condition'] ?? 'true'), here) || isEmpty(items)) break;
    const { mergeWithParent: _parentNotMerged, condition: _checked, ...next } = pagination;
    request = requestOf(inherit({ headers: base['headers'], baseUrl: base['baseUrl'] }, next) as Json, here);
  }
  return { bundles: bundles.slice(0, limitValue), requests };
}
