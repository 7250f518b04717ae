import assert from 'node:assert/strict';
import { validateManifest } from '../../connector/index.js';
import { copyConnector, type ConnectorCopy } from '../support/connector-copy.js';

describe('validateManifest', () => {
  let copy: ConnectorCopy;
  beforeEach(() => (copy = copyConnector()));
  afterEach(() => copy.dispose());

  it('finds no problem in this package', () => {
    const report = validateManifest();
    assert.deepEqual(report.errors, []);
    assert.equal(report.valid, true);
  });

  it('finds no problem in an untouched copy (the copy helper is faithful)', () => {
    assert.deepEqual(validateManifest(copy.dir).errors, []);
  });

  /** Each case breaks one thing and names the file and pointer the report must blame. */
  const cases: Array<[string, (c: ConnectorCopy) => void, string, string]> = [
    ['a manifest field of the wrong type', (c) => c.edit('manifest.json', (m) => (m.version = 1)), 'manifest.json', '/version'],
    ['a module file that does not exist', (c) => c.remove('modules/get-service.json'), 'manifest.json', '/modules/1/file'],
    ['a duplicate module id', (c) => c.edit('manifest.json', (m) => (m.modules[1].id = 'list-services')), 'manifest.json', '/modules/1/id'],
    ['a module whose id differs from the manifest', (c) => c.edit('modules/get-service.json', (m) => (m.id = 'fetch-service')), 'modules/get-service.json', '/id'],
    ['a module field the format does not know', (c) => c.edit('modules/get-service.json', (m) => (m.colour = 'red')), 'modules/get-service.json', '/colour'],
    ['an unknown idempotency value', (c) => c.edit('modules/get-service.json', (m) => (m.idempotent = 'maybe')), 'modules/get-service.json', '/idempotent'],
    ['a path placeholder no input property fills', (c) => c.edit('modules/get-service.json', (m) => (m.request.path = '/v2/Services/{serviceId}')), 'modules/get-service.json', '/request/path'],
    ['an input property without a wire mapping', (c) => c.edit('schemas/modules/start-verification.input.schema.json', (s) => delete s.properties.locale['x-wire']), 'schemas/modules/start-verification.input.schema.json', '/properties'],
    ['a misspelt project keyword (strict mode)', (c) => c.edit('schemas/modules/start-verification.input.schema.json', (s) => (s.properties.locale['x-wrie'] = 'Locale')), 'schemas/modules/start-verification.input.schema.json', ''],
    ['an example that does not validate', (c) => c.edit('modules/start-verification.json', (m) => (m.examples[0].input.to = '12345')), 'modules/start-verification.json', '/examples/0/input/to'],
    ['an input schema that does not exist', (c) => c.edit('modules/get-service.json', (m) => (m.input = 'schemas/modules/nope.input.schema.json')), 'modules/get-service.json', '/input'],
    ['a connection test naming no module', (c) => c.edit('manifest.json', (m) => (m.connection.test = 'ping')), 'manifest.json', '/connection/test'],
    ['a refined error code outside the closed set', (c) => c.edit('modules/check-verification.json', (m) => (m.errors = { '20404': { code: 'gone', remedy: 'Start a new verification.' } })), 'modules/check-verification.json', '/errors/20404/code'],
    ['choices from a module the connector does not have', (c) => c.edit('schemas/modules/get-service.input.schema.json', (s) => (s.properties.serviceSid['x-options-from'].module = 'list-things')), 'schemas/modules/get-service.input.schema.json', '/properties/serviceSid/x-options-from/module'],
    ['choices from a module that returns no list', (c) => c.edit('schemas/modules/get-service.input.schema.json', (s) => (s.properties.serviceSid['x-options-from'].module = 'get-service')), 'schemas/modules/get-service.input.schema.json', '/properties/serviceSid/x-options-from/module'],
    ['choices whose input names no field', (c) => c.edit('schemas/modules/get-service.input.schema.json', (s) => (s.properties.serviceSid['x-options-from'].input = { limit: 'howMany' })), 'schemas/modules/get-service.input.schema.json', '/properties/serviceSid/x-options-from/input/limit'],
    ['a field shown for a value its controller cannot take', (c) => c.edit('schemas/modules/start-verification.input.schema.json', (s) => (s.properties.sendDigits['x-show-when'] = { channel: ['fax'] })), 'schemas/modules/start-verification.input.schema.json', '/properties/sendDigits/x-show-when/channel/0'],
    ['a fixed parameter an input property also sends', (c) => c.edit('modules/create-totp-factor.json', (m) => (m.request.fixed.FriendlyName = 'x')), 'modules/create-totp-factor.json', '/request/fixed/FriendlyName'],
    ['a fixed parameter that is not a Twilio name', (c) => c.edit('modules/create-totp-factor.json', (m) => (m.request.fixed = { 'Factor Type': 'totp' })), 'modules/create-totp-factor.json', '/request/fixed'],
    ['a field shown when a field that does not exist has a value', (c) => c.edit('schemas/modules/start-verification.input.schema.json', (s) => (s.properties.sendDigits['x-show-when'] = { medium: ['call'] })), 'schemas/modules/start-verification.input.schema.json', '/properties/sendDigits/x-show-when/medium'],
    ['a label for a value the enum does not have', (c) => c.edit('schemas/modules/start-verification.input.schema.json', (s) => (s.properties.channel['x-enum-labels'] = { fax: 'Fax' })), 'schemas/modules/start-verification.input.schema.json', '/properties/channel/x-enum-labels/fax'],
    ['an empty enum label', (c) => c.edit('schemas/modules/start-verification.input.schema.json', (s) => (s.properties.channel['x-enum-labels'] = { sms: '' })), 'schemas/modules/start-verification.input.schema.json', ''],
    ['invalid JSON in a module file', (c) => c.write('modules/get-service.json', '{ "id": '), 'modules/get-service.json', ''],
  ];

  for (const [what, breakIt, file, pointer] of cases) {
    it(`reports ${what} at ${file} ${pointer || '(whole file)'}`, () => {
      breakIt(copy);
      const report = validateManifest(copy.dir);
      assert.equal(report.valid, false);
      const hit = report.errors.find((e) => e.file === file && e.pointer === pointer);
      assert.ok(hit, `expected a problem at ${file} ${pointer}; got ${JSON.stringify(report.errors, null, 1)}`);
      assert.ok(hit.message.length > 5);
      assert.equal(hit.severity, 'error');
    });
  }
});
