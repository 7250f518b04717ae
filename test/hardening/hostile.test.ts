/**
 * Hostile input, generated rather than listed (test/modules/make-api-call.test.ts keeps the hand-picked examples):
 *  - make-api-call: URLs built from safe paths with hostile pieces spliced in (absolute URLs, //host, backslashes,
 *    percent-encoded dots and slashes, user-info, CR/LF, Unicode look-alikes, overlong paths) are refused with
 *    unsafe_url before any request, or, if accepted, reach exactly that path on the Verify host;
 *    Authorization, Host, Cookie… in any letter case, and header values with line breaks, are refused;
 *  - every module: __proto__, constructor and prototype as keys at every level of a valid input (built with
 *    JSON.parse, so __proto__ is an own key) are refused with a pointer, or sent as plain text; never dropped
 *    silently, never polluting Object.prototype;
 *  - deep nesting where the schema allows any value (make-api-call bodies) is refused with invalid_input.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import nock from 'nock';
import { loadConnector } from '../../connector/index.js';
import type { Connector } from '../../connector/connector.js';
import type { RequestPlan } from '../../connector/runtime/module-plan.js';
import { buildRequest } from '../../connector/runtime/request-builder.js';
import { packageSchemas } from '../../connector/schema/ajv.js';
import { connection, FAST_RETRY, useNock, VERIFY } from '../support/nock.js';
import { fcParams, prototypeSnapshot, RUNS, trapAllRequests } from './support/harness.js';
import { escapeToken } from '../../connector/common/json-pointer.js';
import { deep } from './support/mutations.js';
import { validInputs } from './support/schema-arbitrary.js';

const connector: Connector = await loadConnector();
const registry = packageSchemas();
const ONCE = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 };

const segment = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9\-_~]{0,10}$/);
const safePath = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join('/')}`);

/** Pieces that try to leave the host, climb the path, inject headers or pass for a slash or a dot. */
const HOSTILE_PIECES = [
  '//', '\\', '/\\', '\\\\', '..', '/../', '/./', '%2e', '%2E', '%2e%2e', '.%2e', '%2f', '%2F', '%5c', '%5C', '%252e', '%252f', '%00', '%0d%0a', '%40',
  '@', 'user:pass@', '\r', '\n', '\r\n', '\r\nHost: evil.example', '\t', ' ', '#', '?', '?x=1', '\u0000',
  '\uff0f', '\u2215', '\u2044', '\u29f8', '\uff3c', '\u2024', '\uff0e', '\u3002', '\u0455', '\u0430', '\u200b', '\u202e', '\ufeff',
  'http://evil.example', 'https://evil.example/', 'HTTPS:', 'javascript:', 'file:///etc/passwd', '\\\\evil\\share',
];

describe('hardening: hostile input', function () {
  this.timeout(60_000);
  useNock();
  let before: string;
  beforeEach(() => (before = prototypeSnapshot()));
  afterEach(() => assert.equal(prototypeSnapshot(), before, 'Object.prototype changed'));

  describe('make-api-call', () => {
    it(`${RUNS} URLs with hostile pieces spliced into a safe path: unsafe_url at /url, or exactly that path on verify.twilio.com`, () => {
      const make = connector.module('make-api-call');
      const urls = fc
        .tuple(safePath, fc.array(fc.tuple(fc.constantFrom(...HOSTILE_PIECES), fc.nat()), { minLength: 1, maxLength: 3 }), fc.boolean())
        .map(([path, pieces, prefix]) => {
          let url = path;
          for (const [piece, at] of pieces) {
            const i = at % (url.length + 1);
            url = url.slice(0, i) + piece + url.slice(i);
          }
          return prefix ? pieces[0]![0] + url : url;
        });
      let refused = 0;
      fc.assert(
        fc.property(urls, fc.constantFrom('GET', 'POST', 'DELETE'), (url, method) => {
          const result = (() => {
            try {
              return { request: buildFor(make, { url, method }) };
            } catch (error) {
              return { error: error as { code?: string; details?: { problems?: Array<{ pointer: string }> } } };
            }
          })();
          if (result.error) {
            refused++;
            assert.ok(result.error.code === 'unsafe_url' || result.error.code === 'invalid_input', String(result.error.code));
            assert.ok(result.error.details?.problems?.some((p) => p.pointer === '/url'), 'the problem names /url');
            return;
          }
          // Accepted: the URL the transport builds stays on the Verify host, and no part of it was re-interpreted.
          const target = new URL(`${VERIFY}${result.request!.path}`);
          assert.equal(target.origin, VERIFY);
          assert.equal(target.pathname, url, `the path was normalised: ${JSON.stringify(url)}`);
          assert.equal(target.search + target.hash + target.username + target.password, '');
        }),
        fcParams(),
      );
      assert.ok(refused > RUNS * 0.9, `most hostile URLs are refused (${refused}/${RUNS})`);
    });

    it('absolute and protocol-relative URLs to generated hosts are refused, and nothing is sent', async () => {
      const hosts = fc.domain();
      const forms = fc.tuple(hosts, fc.constantFrom('https://{h}/v2/Services', 'http://{h}', '//{h}/v2', '/\\{h}', '\\\\{h}', '/{h}@x', 'HTTPS://{h}', ' //{h}', '\t//{h}', '//{h}:443'));
      const trap = trapAllRequests();
      try {
        await fc.assert(
          fc.asyncProperty(forms, async ([host, form]) => {
            const result = await connector.execute('make-api-call', connection, { url: form.replace('{h}', host), method: 'GET' }, { onError: 'output', retry: ONCE });
            assert.equal(result.ok, false);
            if (!result.ok) assert.ok(['unsafe_url', 'invalid_input'].includes(result.error.code));
            assert.equal(trap.count, 0);
          }),
          fcParams(Math.min(RUNS, 500)),
        );
      } finally {
        trap.dispose();
      }
    });

    it('overlong paths (2,049 characters to 1 MB) are refused with unsafe_url, nothing sent', async () => {
      const trap = trapAllRequests();
      try {
        for (const length of [2049, 4096, 65_536, 1_048_576]) {
          const result = await connector.execute('make-api-call', connection, { url: `/v2/${'a'.repeat(length)}`, method: 'GET' }, { onError: 'output', retry: ONCE });
          assert.equal(result.ok, false);
          if (!result.ok) assert.equal(result.error.code, 'unsafe_url');
        }
        assert.equal(trap.count, 0);
      } finally {
        trap.dispose();
      }
    });

    it('Authorization, Host, Cookie and the other connection headers, in any letter case, are refused at /headers/<name>; nothing is sent', async () => {
      const names = ['Authorization', 'Host', 'Cookie', 'Proxy-Authorization', 'Connection', 'Content-Length', 'Transfer-Encoding', 'X-Forwarded-Host', 'Forwarded'];
      const casing = fc.tuple(fc.constantFrom(...names), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 })).map(([name, flips]) =>
        [...name].map((c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
      );
      const trap = trapAllRequests();
      try {
        await fc.assert(
          fc.asyncProperty(casing, fc.string({ maxLength: 30 }), async (name, value) => {
            const result = await connector.execute('make-api-call', connection, { url: '/v2/Services', method: 'GET', headers: { [name]: value } }, { onError: 'output', retry: ONCE });
            assert.equal(result.ok, false);
            if (!result.ok) {
              assert.equal(result.error.code, 'invalid_input');
              assert.ok((result.error.details?.['problems'] as Array<{ pointer: string }>).some((p) => p.pointer === `/headers/${escapeToken(name)}`));
            }
            assert.equal(trap.count, 0);
          }),
          fcParams(Math.min(RUNS, 500)),
        );
      } finally {
        trap.dispose();
      }
    });

    it('header values with CR, LF or other control characters are refused (no header injection); nothing is sent', async () => {
      const trap = trapAllRequests();
      try {
        await fc.assert(
          fc.asyncProperty(fc.string({ maxLength: 20 }), fc.constantFrom('\r', '\n', '\r\n', '\u0000', '\u007f', '\u0085', '\u2028'), fc.string({ maxLength: 20 }), async (a, bad, b) => {
            const result = await connector.execute('make-api-call', connection, { url: '/v2/Services', method: 'GET', headers: { 'X-Trace': `${a}${bad}${b}` } }, { onError: 'output', retry: ONCE });
            assert.equal(result.ok, false);
            assert.equal(trap.count, 0);
          }),
          fcParams(Math.min(RUNS, 500)),
        );
      } finally {
        trap.dispose();
      }
    });

    it('a body nested 10 to 100,000 levels deep (form or JSON) is refused with invalid_input under /body; nothing is sent', async () => {
      const trap = trapAllRequests();
      try {
        for (const depth of [100, 1_000, 100_000]) {
          for (const bodyType of ['form', 'json']) {
            for (const asArray of [false, true]) {
              const input = { url: '/v2/Services', method: 'POST', bodyType, body: { a: deep(depth, 'x', asArray) } };
              const result = await connector.execute('make-api-call', connection, input, { onError: 'output', retry: ONCE });
              assert.equal(result.ok, false, `depth ${depth} ${bodyType} was accepted`);
              if (!result.ok) {
                assert.equal(result.error.code, 'invalid_input', `depth ${depth} ${bodyType}: ${result.error.code} ${result.error.message}`);
                assert.ok((result.error.details?.['problems'] as Array<{ pointer: string }>).some((p) => p.pointer.startsWith('/body/a')));
              }
            }
          }
        }
        assert.equal(trap.count, 0);
      } finally {
        trap.dispose();
      }
    });
  });

  describe('__proto__, constructor and prototype as keys, in every module', () => {
    const KEYS = ['__proto__', 'constructor', 'prototype'];
    const VALUES = ['"x"', '{"polluted":true}', '["polluted"]', '{"toString":"x","valueOf":1}'];

    for (const { id } of connector.modules) {
      it(`${id}: at every object in generated inputs, refused with a pointer or sent as plain text; Object.prototype unchanged`, async () => {
        const module = connector.module(id);
        const samples = fc.sample(validInputs(registry, module.inputSchemaId, id === 'make-api-call' ? { '/url': safePath, '/headers': fc.constant({}) } : {}), { numRuns: 4, seed: 7 });
        let cases = 0;
        for (const input of samples) {
          for (const at of objectPaths(input)) {
            for (const key of KEYS) {
              for (const valueText of VALUES) {
                const hostile = withKey(input, at, key, valueText);
                assert.ok(Object.prototype.hasOwnProperty.call(nodeAt(hostile, at), key), 'built as an own key');
                const sent: Array<{ path: string; body: string; headers: Record<string, unknown> }> = [];
                for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
                  nock(VERIFY)
                    .intercept(/.*/, method)
                    .query(true)
                    .optionally()
                    .reply(function (uri, body) {
                      sent.push({ path: uri, body: typeof body === 'string' ? body : JSON.stringify(body), headers: this.req.headers });
                      return [200, {}];
                    });
                }
                const result = await connector.execute(id, connection, hostile, { onError: 'output', retry: ONCE });
                nock.cleanAll();
                cases++;
                const pointer = `${at.map((t) => `/${escapeToken(t)}`).join('')}/${key}`;
                if (sent.length === 0) {
                  assert.equal(result.ok, false);
                  if (!result.ok) {
                    assert.equal(result.error.code, 'invalid_input', `${pointer}: ${result.error.code} ${result.error.message}`);
                    const problems = result.error.details?.['problems'] as Array<{ pointer: string }>;
                    assert.ok(problems.some((p) => p.pointer === pointer || pointer.startsWith(`${p.pointer}/`) || p.pointer === pointer.slice(0, pointer.lastIndexOf('/'))), `${pointer}: ${JSON.stringify(problems)}`);
                  }
                } else {
                  // Accepted: the key must have travelled as text, not vanished into a prototype.
                  assert.equal(sent.length, 1);
                  const wire = decodeURIComponent(sent[0]!.path) + decodeURIComponent(sent[0]!.body.replace(/\+/g, ' ')) + JSON.stringify(sent[0]!.headers);
                  assert.ok(wire.includes(key), `${pointer} was accepted but "${key}" is not in the request: dropped silently`);
                }
                assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
              }
            }
          }
        }
        assert.ok(cases > 0);
      });
    }
  });
});

function buildFor(module: ReturnType<Connector['module']>, input: Record<string, unknown>) {
  assert.equal(module.kind, 'request');
  return buildRequest((module as RequestPlan).template, (module as RequestPlan).fields, input);
}

/** Paths (as tokens) to every plain object in a value, the root included. */
function objectPaths(value: unknown, at: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return [at, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...at, k]))];
}

function nodeAt(root: unknown, at: string[]): Record<string, unknown> {
  let node = root as Record<string, unknown>;
  for (const token of at) node = node[token] as Record<string, unknown>;
  return node;
}

/** The input with `"key": value` added at a path, through JSON text so that __proto__ is an own property. */
function withKey(input: unknown, at: string[], key: string, valueText: string): Record<string, unknown> {
  const marker = '"__hardening_marker__":0';
  const copy = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  nodeAt(copy, at)['__hardening_marker__'] = 0;
  return JSON.parse(JSON.stringify(copy).replace(marker, `${JSON.stringify(key)}:${valueText}`)) as Record<string, unknown>;
}
