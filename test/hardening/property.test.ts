/**
 * Property-based tests for every module the connector lists (an added module is covered by the same code):
 *  - inputs generated from the module's input schema are accepted and build a request that maps back to the input;
 *  - a sample of them is sent through connector.execute, and the HTTP request nock sees is the one that was built;
 *  - mutations that break the schema are refused with invalid_input and a JSON pointer, and nothing is sent.
 * Cases per property: FUZZ_RUNS (2,000 by default). Seed: FUZZ_SEED.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import nock from 'nock';
import { loadConnector } from '../../connector/index.js';
import type { Connector } from '../../connector/connector.js';
import { ConnectorError } from '../../connector/errors/connector-error.js';
import type { RequestPlan } from '../../connector/runtime/module-plan.js';
import { buildRequest } from '../../connector/runtime/request-builder.js';
import { packageSchemas } from '../../connector/schema/ajv.js';
import type { WireRequest } from '../../connector/transport/wire.js';
import { connection, FAST_RETRY, useNock, VERIFY } from '../support/nock.js';
import { fcParams, problemsOf, RUNS, trapAllRequests, WIRE_RUNS } from './support/harness.js';
import { mutationsOf, type Mutation } from './support/mutations.js';
import { validInputs } from './support/schema-arbitrary.js';
import { decodeRequest, expectedFromInput } from './support/wire-decode.js';

const registry = packageSchemas();
const connector: Connector = await loadConnector();

/** Paths on the Verify host as make-api-call's runtime check accepts them (the schema only says "a string"). */
const safePath = fc
  .array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9\-_~]{0,15}$/), { minLength: 1, maxLength: 6 })
  .map((segments) => `/${segments.join('/')}`);
const headerName = fc.stringMatching(/^X-[A-Za-z0-9-]{1,20}$/);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);

/** Fields whose runtime check is narrower than their schema: generated from the narrower rule. */
const REFINED: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
  'make-api-call': {
    '/url': safePath,
    '/headers': fc.dictionary(headerName, headerValue, { maxKeys: 5, noNullPrototype: true }),
  },
};

/** The plan of a module that sends one request of its own (a composed one runs other modules' requests). */
function requestPlan(moduleId: string): RequestPlan {
  const module = connector.module(moduleId);
  assert.equal(module.kind, 'request', `${moduleId} sends a request of its own`);
  return module as RequestPlan;
}

function assertRequestMapsBack(moduleId: string, input: Record<string, unknown>, request: WireRequest): void {
  const module = requestPlan(moduleId);
  assert.ok(request.path.startsWith('/'), 'the path is relative to the host');
  assert.ok(!/\{[A-Za-z0-9]+\}/.test(request.path), 'no placeholder is left in the path');
  if (module.template.method) assert.equal(request.method, module.template.method);
  assert.deepStrictEqual(decodeRequest(module, registry, request), expectedFromInput(module, input));
}

/** A request as nock saw it → the same shape as a WireRequest (path, query pairs, form pairs or JSON). */
function seenRequest(method: string, uri: string, body: unknown, contentType: string | undefined): WireRequest {
  const url = new URL(uri, VERIFY);
  const request: WireRequest = { method: method as WireRequest['method'], host: 'verify', path: decodeURI(url.pathname) };
  const query = [...url.searchParams];
  if (query.length > 0) request.query = query;
  if (typeof body === 'string' && body !== '') {
    if ((contentType ?? '').includes('json')) request.json = JSON.parse(body);
    else request.form = [...new URLSearchParams(body)];
  } else if (body && typeof body === 'object') {
    request.json = body;
  }
  return request;
}

describe('hardening: properties generated from every module schema', function () {
  this.timeout(120_000);
  useNock();

  it('covers every module the connector lists', () => {
    assert.ok(connector.modules.length >= 10);
    for (const m of connector.modules) assert.ok(registry.schema(connector.module(m.id).inputSchemaId));
  });

  for (const { id } of connector.modules) {
    describe(`module ${id}`, () => {
      const module = connector.module(id);
      const inputs = validInputs(registry, module.inputSchemaId, REFINED[id] ?? {});
      /** A composed module (escalate-verification) runs other modules' requests, not one of its own. */
      const ownRequest = module.kind === 'request';
      const build = (input: Record<string, unknown>): WireRequest => {
        const plan = requestPlan(id);
        return buildRequest(plan.template, plan.fields, input);
      };

      it(`${RUNS} inputs generated from the input schema are accepted and build a request that maps back to the input`, () => {
        fc.assert(
          fc.property(inputs, (input) => {
            assert.equal(module.validateInput(input), true, JSON.stringify(module.validateInput.errors));
            if (!ownRequest) return;
            const request = build(input);
            assertRequestMapsBack(id, input, request);
          }),
          fcParams(),
        );
      });

      if (REFINED[id]) {
        it(`${RUNS} inputs generated from the bare schema are sent as built, or refused by the runtime's own checks with a pointer (nothing sent)`, async () => {
          const bare = validInputs(registry, module.inputSchemaId);
          const trap = trapAllRequests();
          try {
            fc.assert(
              fc.property(bare, (input) => {
                try {
                  assertRequestMapsBack(id, input, build(input));
                } catch (error) {
                  assert.ok(error instanceof ConnectorError, String(error));
                  assert.ok(error.code === 'unsafe_url' || error.code === 'invalid_input', error.code);
                  assert.ok(problemsOf(error).some((p) => Object.keys(REFINED[id]!).some((field) => p.pointer === field || p.pointer.startsWith(`${field}/`))), JSON.stringify(problemsOf(error)));
                }
              }),
              fcParams(),
            );
            // Through execute: what the runtime refuses sends nothing; what it accepts is sent once.
            for (const input of fc.sample(bare, SEEDED(50))) {
              const before = trap.count;
              let refusedByBuilder = false;
              try {
                build(input);
              } catch {
                refusedByBuilder = true;
              }
              const result = await connector.execute(id, connection, input, { onError: 'output', retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
              if (refusedByBuilder) {
                assert.equal(result.ok, false);
                if (!result.ok) assert.ok(result.error.code === 'unsafe_url' || result.error.code === 'invalid_input', result.error.code);
                assert.equal(trap.count, before, 'a refused input sent nothing');
              } else {
                assert.equal(trap.count, before + 1, 'an accepted input is sent once');
              }
            }
          } finally {
            trap.dispose();
          }
        });
      }

      // A composed module sends no request of its own (its steps are the other modules, tested here in their turn).
      if (ownRequest) it(`${WIRE_RUNS} generated inputs sent through connector.execute: the HTTP request nock sees is the built one`, async () => {
        const samples = fc.sample(inputs, SEEDED(WIRE_RUNS));
        for (const input of samples) {
          const built = build(input);
          let seen: WireRequest | undefined;
          let count = 0;
          nock(VERIFY)
            .intercept(/.*/, built.method)
            .query(true)
            .reply(function (uri, body) {
              count++;
              seen = seenRequest(this.req.method, uri, body, this.req.headers['content-type'] as string | undefined);
              return [200, {}];
            });
          await connector.execute(id, connection, input, { onError: 'output', retry: FAST_RETRY });
          assert.equal(count, 1, 'exactly one request');
          assert.ok(seen);
          assert.equal(seen.method, built.method);
          assert.equal(seen.path, built.path);
          assert.deepStrictEqual(seen.query ?? [], built.query ?? []);
          if (built.json !== undefined) assert.deepStrictEqual(seen.json, JSON.parse(JSON.stringify(built.json)));
          else assert.deepStrictEqual(seen.form ?? [], built.form ?? []);
          assertRequestMapsBack(id, input, { ...seen, ...(built.headers ? { headers: built.headers } : {}) });
        }
      });

      it(`${RUNS} schema-breaking mutations are refused with invalid_input at their JSON pointer, and nothing is sent`, async () => {
        const mutations = inputs.chain((input) => mutationsOf(registry, module.inputSchemaId, input));
        const trap = trapAllRequests();
        const kinds = new Map<string, number>();
        try {
          await fc.assert(
            fc.asyncProperty(mutations, async (mutation: Mutation) => {
              const result = await connector.execute(id, connection, mutation.input, { onError: 'output', retry: FAST_RETRY });
              assert.equal(result.ok, false, `${mutation.kind} at ${mutation.pointer} was accepted`);
              if (result.ok) return;
              assert.equal(result.error.code, 'invalid_input', `${mutation.kind}: ${result.error.code} ${result.error.message}`);
              const problems = (result.error.details?.['problems'] ?? []) as Array<{ pointer: string }>;
              const named = problems.some((p) => p.pointer === mutation.pointer || (mutation.kind === 'deep-nesting' && p.pointer.startsWith(`${mutation.pointer}/`)));
              assert.ok(named, `${mutation.kind}: expected a problem at ${JSON.stringify(mutation.pointer)}, got ${JSON.stringify(problems).slice(0, 300)}`);
              assert.equal(trap.count, 0, 'nothing may be sent');
              kinds.set(mutation.kind, (kinds.get(mutation.kind) ?? 0) + 1);
            }),
            fcParams(),
          );
        } finally {
          trap.dispose();
        }
        for (const kind of ['whole-input', 'wrong-type', 'deep-nesting']) assert.ok((kinds.get(kind) ?? 0) > 0, `no ${kind} mutation was tried`);
      });
    });
  }
});

function SEEDED(n: number): { numRuns: number; seed?: number } {
  return fcParams(n);
}
