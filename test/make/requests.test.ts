/**
 * Proof that the exported Make app sends what the runtime sends: for every module, every example and generated
 * inputs, the module's communication (base + api.imljson) evaluated with the parameters a Make user would enter
 * gives the same method, URL, query and form body (names and values, in order) or JSON body as
 * `connector.prepareRequest` for the same input.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadConnector } from '../../connector/index.js';
import { exportMakeApp } from '../../connector/make/export.js';
import { FORBIDDEN_HEADER_PATTERN, HEADER_VALUE_PATTERN, RELATIVE_PATH_PATTERN } from '../../connector/make/safe-patterns.js';
import { makeConnectionFor, makeEntryFor } from '../../connector/make/user-input.js';
import { packageSchemas } from '../../connector/schema/ajv.js';
import type { WireRequest } from '../../connector/transport/wire.js';
import { validInputs } from '../hardening/support/schema-arbitrary.js';
import { fcParams } from '../hardening/support/harness.js';
import { makeRequestFor, type MakeRequest } from './support/make-request.js';

const connector = await loadConnector();
const app = exportMakeApp(connector);
const registry = packageSchemas();
const CONNECTION = { accountSid: `AC${'1'.repeat(32)}`, authToken: 'f'.repeat(32) };
const AUTHORIZATION = `Basic ${Buffer.from(`${CONNECTION.accountSid}:${CONNECTION.authToken}`).toString('base64')}`;
/** Generated inputs per module (each one evaluated through both paths). */
const RUNS = Math.max(1, Number(process.env['MAKE_RUNS'] ?? 300) || 300);

const HOSTS = { verify: 'https://verify.twilio.com', api: 'https://api.twilio.com' } as const;

interface Comparable {
  method: string;
  url: string;
  query: Array<[string, string]>;
  form: Array<[string, string]>;
  json?: unknown;
  headers: Record<string, string>;
}

function fromRuntime(request: WireRequest): Comparable {
  const out: Comparable = { method: request.method, url: `${HOSTS[request.host]}${request.path}`, query: request.query ?? [], form: request.form ?? [], headers: request.headers ?? {} };
  if (request.json !== undefined) out.json = request.json;
  return out;
}

function fromMake(request: MakeRequest): Comparable {
  const { authorization, ...headers } = request.headers;
  assert.equal(authorization, AUTHORIZATION, 'Basic auth from the connection');
  const out: Comparable = { method: request.method, url: request.url, query: request.query, form: request.form ?? [], headers };
  if (request.json !== undefined) out.json = request.json;
  return out;
}

function assertSameRequest(moduleId: string, input: Record<string, unknown>): void {
  const component = app.modules.find((m) => m.id === moduleId)!;
  const entry = makeEntryFor(component.plans, input);
  const runtime = fromRuntime(connector.prepareRequest(moduleId, entry.effective));
  const make = fromMake(makeRequestFor(app, component, entry.parameters, makeConnectionFor(CONNECTION)));
  assert.deepStrictEqual(make, runtime, `input ${JSON.stringify(input)} → Make parameters ${JSON.stringify(entry.parameters)}`);
}

/** A path Make's URL field accepts (its validate.pattern), generated from the characters it allows. */
const makePath = fc
  .stringMatching(/^\/[A-Za-z0-9][A-Za-z0-9\-._~!$&'()*+,;=:%/]{0,60}$/)
  .filter((path) => new RegExp(RELATIVE_PATH_PATTERN).test(path));
const scalarValue = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean());
/** Make an API call: what Make's fields take (header names and values by their patterns; form and query values plain). */
const API_CALL: Record<string, fc.Arbitrary<unknown>> = {
  '/url': makePath,
  '/headers': fc.dictionary(
    fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,20}$/).filter((name) => new RegExp(FORBIDDEN_HEADER_PATTERN).test(name)),
    fc.stringMatching(/^[\t\x20-\x7e]{0,30}$/).filter((value) => new RegExp(HEADER_VALUE_PATTERN).test(value)),
    { maxKeys: 4, noNullPrototype: true },
  ),
  '/qs': fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), scalarValue, { maxKeys: 4, noNullPrototype: true }),
  '/body': fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), scalarValue, { maxKeys: 4, noNullPrototype: true }),
};

describe('Make export: the communication sends what the runtime sends', function () {
  this.timeout(120_000);

  it('exports every module that sends one request, and lists the rest in the report', () => {
    for (const module of connector.modules) {
      const exported = app.modules.some((m) => m.id === module.id);
      if (module.definition.request) assert.ok(exported, `${module.id} is exported`);
      else assert.ok(!exported && app.simplifications.some((s) => s.module === module.id && s.what.startsWith('left out')), `${module.id} is listed as left out`);
    }
  });

  for (const module of connector.modules.filter((m) => m.definition.request)) {
    describe(`module ${module.id}`, () => {
      for (const [i, example] of (module.definition.examples ?? []).entries()) {
        it(`example ${i + 1} "${example.title}"`, () => assertSameRequest(module.id, structuredClone(example.input) as Record<string, unknown>));
      }

      it(`${RUNS} inputs generated from its input schema`, () => {
        const overrides = module.id === 'make-api-call' ? API_CALL : {};
        fc.assert(fc.property(validInputs(registry, connector.module(module.id).inputSchemaId, overrides), (input) => assertSameRequest(module.id, input)), fcParams(RUNS));
      });
    });
  }

  it('Make an API call with a JSON body keeps nested values and their types', () => {
    const body = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 4, noNullPrototype: true });
    fc.assert(
      fc.property(makePath, fc.constantFrom('POST', 'PUT', 'PATCH'), body, (url, method, json) => {
        const input = JSON.parse(JSON.stringify({ url, method, body: json, bodyType: 'json' })) as Record<string, unknown>;
        assertSameRequest('make-api-call', input);
      }),
      fcParams(RUNS),
    );
  });
});
