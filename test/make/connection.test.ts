/**
 * The Make connection and base against the transport: the Basic-auth header decodes to the user name and password
 * the runtime signs with (resolveConnection), for generated connections of both kinds; the host for every region
 * and edge is the one the twilio client computes; the connection's test request is the manifest's test module.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import twilio from 'twilio';
import { loadConnector } from '../../connector/index.js';
import { exportMakeApp } from '../../connector/make/export.js';
import { evaluateValue } from '../../connector/make/iml/evaluate.js';
import { makeConnectionFor } from '../../connector/make/user-input.js';
import { packageSchemas } from '../../connector/schema/ajv.js';
import { resolveConnection } from '../../connector/transport/connection.js';
import { validInputs } from '../hardening/support/schema-arbitrary.js';
import { fcParams } from '../hardening/support/harness.js';
import { baseOf, parsedFile, pairsOf } from './support/make-request.js';

const connector = await loadConnector();
const app = exportMakeApp(connector);
const base = baseOf(app);
const CONNECTION_SCHEMA = 'https://twilio-verify-connector.dev/schemas/connection.schema.json';
const schema = connector.connectionSchema as Record<string, any>;

describe('Make export: the connection signs in as the runtime does', () => {
  it('Basic auth decodes to the runtime\'s user name and password, for Auth Tokens and API keys alike', () => {
    const connections = validInputs(packageSchemas(), CONNECTION_SCHEMA, { '/baseUrl': fc.constant(undefined) }).map((c) => {
      const { baseUrl: _notInMake, ...rest } = c;
      return rest;
    });
    fc.assert(
      fc.property(connections, (connection) => {
        const resolved = resolveConnection(connection);
        const headers = evaluateValue(base['headers'], { connection: makeConnectionFor(connection) }) as Record<string, string>;
        const [scheme, encoded] = headers['authorization']!.split(' ');
        assert.equal(scheme, 'Basic');
        assert.equal(Buffer.from(encoded!, 'base64').toString('utf8'), `${resolved.username}:${resolved.password}`);
      }),
      fcParams(500),
    );
  });

  it('the host for every region and edge is the twilio client\'s (verify.<edge>.<region>.twilio.com, us1 for an edge alone)', () => {
    const client = twilio(`AC${'1'.repeat(32)}`, 'x'.repeat(32));
    const regions = [undefined, ...(schema['properties'].region.enum as string[])];
    const edges = [undefined, ...(schema['properties'].edge.enum as string[])];
    for (const region of regions) {
      for (const edge of edges) {
        const url = evaluateValue(base['baseUrl'], { connection: { region, edge } });
        assert.equal(url, `https://${client.getHostname('verify.twilio.com', edge, region)}`, `region ${region}, edge ${edge}`);
      }
    }
  });

  it('the connection\'s test request is the manifest\'s test module with its test input, signed from the form\'s fields', () => {
    const api = parsedFile(app, 'connections/twilio-verify/api.imljson');
    const connection = { accountSid: `AC${'2'.repeat(32)}`, apiKeySid: `SK${'3'.repeat(32)}`, apiKeySecret: 's'.repeat(32) };
    const evaluated = evaluateValue(api, { parameters: makeConnectionFor(connection) }) as Record<string, any>;
    const test = connector.manifest.connection;
    const expected = connector.prepareRequest(test.test, test.testInput ?? {});
    assert.equal(evaluated['method'], expected.method);
    assert.equal(evaluated['url'], `https://verify.twilio.com${expected.path}`);
    assert.deepStrictEqual(pairsOf(evaluated['qs']), expected.query ?? []);
    assert.equal(evaluated['headers'].authorization, `Basic ${Buffer.from(`${connection.apiKeySid}:${connection.apiKeySecret}`).toString('base64')}`);
    assert.deepStrictEqual(evaluated['log'], { sanitize: ['request.headers.authorization'] });
  });

  it('the connection form: Account SID checked by its pattern, one sign-in choice holding each secret as a password, region and edge as advanced choices', () => {
    const parameters = parsedFile(app, 'connections/twilio-verify/parameters.imljson') as unknown as Array<Record<string, any>>;
    const byName = new Map(parameters.map((p) => [p['name'], p]));
    assert.equal(byName.get('accountSid')!['validate'].pattern, schema['properties'].accountSid.pattern);
    assert.equal(byName.get('accountSid')!['required'], true);
    const choice = byName.get('authType')!;
    assert.deepStrictEqual(choice['options'].map((o: any) => o.value), ['authToken', 'apiKey']);
    const nested = choice['options'].flatMap((o: any) => o.nested);
    for (const [name, property] of Object.entries(schema['properties'] as Record<string, any>)) {
      if (property['x-secret']) assert.equal(nested.find((p: any) => p.name === name)?.type, 'password', name);
    }
    for (const name of ['region', 'edge']) {
      assert.equal(byName.get(name)!['type'], 'select');
      assert.equal(byName.get(name)!['advanced'], true);
      assert.deepStrictEqual(byName.get(name)!['options'].map((o: any) => o.value), schema['properties'][name].enum);
    }
    assert.ok(!byName.has('baseUrl'), 'the emulator base URL is not offered in Make');
  });
});
