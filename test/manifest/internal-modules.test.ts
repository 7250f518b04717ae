/** internalModules: run by the package's own code, listed by no host, checked by validate like every module. */
import assert from 'node:assert/strict';
import { validateManifest } from '../../connector/index.js';
import { copyConnector, type ConnectorCopy } from '../support/connector-copy.js';

describe('validateManifest: internal modules', () => {
  let copy: ConnectorCopy;
  beforeEach(() => (copy = copyConnector()));
  afterEach(() => copy.dispose());

  const cases: Array<[string, (c: ConnectorCopy) => void, string, string]> = [
    ['an internal module with the id of a listed one', (c) => c.edit('manifest.json', (m) => (m.internalModules[0].id = 'list-services')), 'manifest.json', '/internalModules/0/id'],
    ['an internal module file that does not exist', (c) => c.remove('modules/send-message.json'), 'manifest.json', '/internalModules/0/file'],
    ['an internal module whose path placeholder no input fills', (c) => c.edit('modules/send-message.json', (m) => (m.request.path = '/2010-04-01/Accounts/{account}/Messages.json')), 'modules/send-message.json', '/request/path'],
    ['an internal module input without a wire mapping', (c) => c.edit('schemas/modules/send-message.input.schema.json', (s) => delete s.properties.body['x-wire']), 'schemas/modules/send-message.input.schema.json', '/properties/body'],
    ['an internal module example that does not validate', (c) => c.edit('modules/send-message.json', (m) => (m.examples[0].input.to = '12345')), 'modules/send-message.json', '/examples/0/input/to'],
    ['choices offered from an internal module (no host can run it)', (c) => {
      c.edit('modules/send-message.json', (m) => (m.pagination = { itemsKey: 'messages', limitInput: 'body', defaultLimit: 1 }));
      c.edit('schemas/modules/get-service.input.schema.json', (s) => (s.properties.serviceSid['x-options-from'] = { module: 'send-message', value: 'sid' }));
    }, 'schemas/modules/get-service.input.schema.json', '/properties/serviceSid/x-options-from/module'],
  ];

  for (const [what, breakIt, file, pointer] of cases) {
    it(`reports ${what} at ${file} ${pointer}`, () => {
      breakIt(copy);
      const report = validateManifest(copy.dir);
      assert.equal(report.valid, false);
      assert.ok(report.errors.some((e) => e.file === file && e.pointer === pointer && e.severity === 'error'), `expected a problem at ${file} ${pointer}; got ${JSON.stringify(report.errors, null, 1)}`);
    });
  }
});
