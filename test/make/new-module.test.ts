/**
 * A module added to a connector appears in the Make export with no other change: a copy of this connector gets one
 * more module file and manifest entry, and its export has that module — parameters, communication, interface —
 * passing Make's schemas and sending what the copy's runtime sends.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConnector } from '../../connector/index.js';
import { exportMakeApp } from '../../connector/make/export.js';
import { makeConnectionFor, makeEntryFor } from '../../connector/make/user-input.js';
import { validateMakeApp } from '../../connector/make/validate/validate-app.js';
import { copyConnector, type ConnectorCopy } from '../support/connector-copy.js';
import { writeAppDir } from './support/app-dir.js';
import { makeRequestFor } from './support/make-request.js';
import { makeSchemas } from './support/reference.js';

describe('Make export: a module added to the manifest is exported with no other change', () => {
  let copy: ConnectorCopy;
  before(() => {
    copy = copyConnector();
    const original = JSON.parse(readFileSync(join(copy.dir, 'modules/get-service.json'), 'utf8')) as Record<string, unknown>;
    copy.write(
      'modules/look-up-service.json',
      JSON.stringify({ ...original, id: 'look-up-service', label: 'Look up a service', description: 'Fetches one Verify service, under another name.', examples: [{ title: 'Look one up', input: { serviceSid: `VA${'c'.repeat(32)}` } }] }, null, 2),
    );
    copy.edit('manifest.json', (manifest) => manifest.modules.push({ id: 'look-up-service', file: 'modules/look-up-service.json' }));
  });
  after(() => copy?.dispose());

  it('appears as modules/lookUpService, passes Make\'s schemas, and sends what the runtime sends', async () => {
    const connector = await loadConnector(copy.dir);
    assert.ok(connector.modules.some((m) => m.id === 'look-up-service'));
    const app = exportMakeApp(connector);
    const module = app.modules.find((m) => m.id === 'look-up-service');
    assert.ok(module, 'exported');
    assert.equal(module.name, 'lookUpService');
    assert.deepStrictEqual(JSON.parse(app.files.get('modules/lookUpService/metadata.json')!), { name: 'lookUpService', label: 'Look up a service', description: 'Fetches one Verify service, under another name.', type: 'action', connection: 'twilio-verify' });
    for (const code of ['api', 'parameters', 'expect', 'interface', 'samples', 'scope']) assert.ok(app.files.has(`modules/lookUpService/${code}.imljson`), code);
    assert.deepStrictEqual(module.expect, app.modules.find((m) => m.id === 'get-service')!.expect, 'the same fields as the module it copies');

    const dir = await writeAppDir(app);
    try {
      const report = validateMakeApp(dir.dir, makeSchemas());
      assert.deepStrictEqual(report.problems, []);
    } finally {
      dir.dispose();
    }
    const input = { serviceSid: `VA${'c'.repeat(32)}` };
    const entry = makeEntryFor(module.plans, input);
    const made = makeRequestFor(app, module, entry.parameters, makeConnectionFor({ accountSid: `AC${'1'.repeat(32)}`, authToken: 'x' }));
    const runtime = connector.prepareRequest('look-up-service', input);
    assert.equal(made.method, runtime.method);
    assert.equal(made.url, `https://verify.twilio.com${runtime.path}`);
  });
});
