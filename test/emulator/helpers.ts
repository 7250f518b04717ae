/**
 * Shared test helpers: start an emulator, talk to it with real HTTP (global fetch),
 * and validate bodies against the official Twilio Verify v2 OpenAPI spec.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { type Emulator, type EmulatorOptions, createClock, startEmulator } from '../../emulator/index.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export type Form = Record<string, string | number | boolean | Array<string | number>>;

/** Starts an emulator with a frozen clock (time moves only when a test moves it). */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ clock: createClock({ frozen: true, start: Date.UTC(2025, 0, 15, 12, 0, 0) }), ...options });
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export function encodeForm(form: Form): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    if (Array.isArray(value)) for (const v of value) search.append(name, String(v));
    else search.append(name, String(value));
  }
  return search.toString();
}

/** A small client bound to one emulator; `authorization` defaults to AccountSid:AuthToken. */
export function client(emu: Emulator, authorization: string | null = basic(emu.accountSid, emu.authToken)) {
  const call = async (method: string, path: string, init: { body?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> } = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (authorization !== null) headers.authorization = authorization;
    const res = await fetch(emu.url + path, { method, headers, body: init.body ?? null });
    const text = await res.text();
    let body: unknown = null;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    return { status: res.status, headers: res.headers, text, body };
  };
  return {
    call,
    get: (path: string, query?: Form) => call('GET', query ? `${path}?${encodeForm(query)}` : path),
    post: (path: string, form: Form = {}) =>
      call('POST', path, { body: encodeForm(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    postJson: (path: string, json: unknown) =>
      call('POST', path, { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
    del: (path: string) => call('DELETE', path),
  };
}
export type Client = ReturnType<typeof client>;

/** Asserts a Twilio-shaped error body with the given HTTP status and Twilio code. */
export function assertTwilioError(res: ApiResponse, status: number, code: number): void {
  assert.equal(res.status, status, `expected HTTP ${status}, got ${res.status}: ${res.text}`);
  assert.deepEqual(Object.keys(res.body ?? {}).sort(), ['code', 'message', 'more_info', 'status']);
  assert.equal(res.body.code, code, res.text);
  assert.equal(res.body.status, status);
  assert.equal(res.body.more_info, `https://www.twilio.com/docs/errors/${code}`);
  assert.equal(typeof res.body.message, 'string');
  assert.ok(res.body.message.length > 0);
}

export async function createService(api: Client, form: Form = {}): Promise<Record<string, any>> {
  const res = await api.post('/v2/Services', { FriendlyName: 'Test App', ...form });
  assert.equal(res.status, 201, res.text);
  return res.body;
}

/** An emulator from startTestEmulator, a client for it and a service made in it. */
export async function startWithService(options: EmulatorOptions = {}, form: Form = {}): Promise<{ emu: Emulator; api: Client; serviceSid: string; close(): Promise<void> }> {
  const emu = await startTestEmulator(options);
  const api = client(emu);
  try {
    return { emu, api, serviceSid: (await createService(api, form)).sid, close: () => emu.close() };
  } catch (error) {
    await emu.close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The official spec. It lives outside the repository (../shared/reference/twilio-oai from the
// project root); a missing spec is a failure, never a skip.

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'twilio-verify-connector') return dir;
      } catch {
        /* keep walking */
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the project root (package.json of twilio-verify-connector)');
    dir = parent;
  }
}

export const SPEC_PATH = resolve(projectRoot(), '../shared/reference/twilio-oai/twilio_verify_v2.json');

type Json = any;
let specCache: Json | undefined;

export function loadSpec(): Json {
  if (specCache) return specCache;
  if (!existsSync(SPEC_PATH)) {
    throw new Error(`The official Twilio Verify spec is missing at ${SPEC_PATH}; these tests need it (they must not be skipped).`);
  }
  specCache = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
  return specCache;
}

const SPEC_ID = 'twilio-verify-v2';

/** OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a type union; local $refs point at the added spec. */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${SPEC_ID}${value}` : toJsonSchema(value);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.$ref) return { anyOf: [{ $ref: out.$ref }, { type: 'null' }] };
  }
  return out;
}

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;
let ajvInstance: InstanceType<typeof Ajv> | undefined;

function ajv(): InstanceType<typeof Ajv> {
  if (ajvInstance) return ajvInstance;
  const spec = loadSpec();
  const instance = new Ajv({ strict: false, allErrors: true });
  addFormats(instance);
  instance.addFormat('uri-map', true);
  instance.addSchema({ $id: SPEC_ID, components: { schemas: toJsonSchema(spec.components.schemas) } });
  ajvInstance = instance;
  return instance;
}

const validators = new Map<string, (data: unknown) => boolean>();

/** The spec's response schema of an operation (by operationId) for an HTTP status. */
export function responseSchema(operationId: string, status: number): Json {
  const spec = loadSpec();
  for (const [path, item] of Object.entries<Json>(spec.paths)) {
    for (const method of ['get', 'post', 'delete']) {
      const op = item[method];
      if (op?.operationId !== operationId) continue;
      const response = op.responses?.[String(status)];
      if (!response) throw new Error(`${operationId} (${method.toUpperCase()} ${path}) has no ${status} response in the spec`);
      return response.content?.['application/json']?.schema ?? null;
    }
  }
  throw new Error(`operation ${operationId} is not in the spec`);
}

/** Asserts that a response's status is one the spec lists for the operation and its body validates. */
export function assertMatchesSpec(operationId: string, res: ApiResponse): void {
  const key = `${operationId} ${res.status}`;
  let validate = validators.get(key);
  if (!validate) {
    const schema = responseSchema(operationId, res.status);
    if (schema === null) {
      validate = (data) => data === null; // e.g. DeleteService 204: no body
    } else {
      const compiled = ajv().compile(toJsonSchema(schema));
      validate = (data) => {
        const ok = compiled(data) as boolean;
        if (!ok) throw new assert.AssertionError({ message: `${key}: ${ajv().errorsText(compiled.errors)}\n${JSON.stringify(data)}` });
        return ok;
      };
    }
    validators.set(key, validate);
  }
  assert.ok(validate(res.body), `${key}: body does not match the spec: ${res.text}`);
}

/** The property names of a component schema, in the spec's order. */
export function schemaProperties(name: string): string[] {
  const schema = loadSpec().components.schemas[name];
  assert.ok(schema, `schema ${name} missing from the spec`);
  return Object.keys(schema.properties);
}

/** The request parameters of an operation in the spec. */
export function requestParameters(operationId: string): string[] {
  const spec = loadSpec();
  for (const item of Object.values<Json>(spec.paths)) {
    for (const op of Object.values<Json>(item)) {
      if (op?.operationId === operationId) {
        return Object.keys(op.requestBody?.content?.['application/x-www-form-urlencoded']?.schema?.properties ?? {});
      }
    }
  }
  throw new Error(`operation ${operationId} is not in the spec`);
}

/** Deterministic codes for tests: 123456, 234567, … cut to the requested length. */
export function sequenceCodes(): (length: number) => string {
  let n = 0;
  return (length) => {
    n++;
    return Array.from({ length }, (_, i) => String((n + i) % 10)).join('');
  };
}
