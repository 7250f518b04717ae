/** `verify-connector make validate`: what a person sees for a valid app, a broken one and a wrong command line. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadConnector } from '../../connector/index.js';
import { exportMakeApp } from '../../connector/make/export.js';
import { runCli } from '../support/cli.js';
import { writeAppDir, type AppDir } from './support/app-dir.js';
import { MAKE_SCHEMAS_DIR, makeSchemas } from './support/reference.js';

describe('verify-connector make validate', function () {
  this.timeout(60_000);
  let dir: AppDir;
  let app: ReturnType<typeof exportMakeApp>;
  before(async () => {
    makeSchemas();
    app = exportMakeApp(await loadConnector());
    dir = await writeAppDir(app);
  });
  after(() => dir?.dispose());

  it('a valid app: one line with what was checked, exit 0', async () => {
    const run = await runCli(['make', 'validate', dir.dir, '--schemas', MAKE_SCHEMAS_DIR]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, `The Make app is valid: ${app.files.size - 1} files, 1 connection, ${app.modules.length} modules, ${app.rpcs.length} RPCs.`);
  });

  it('the folder build:make writes into is accepted too (it holds the app folder)', async () => {
    const run = await runCli(['make', 'validate', dir.root]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });

  it('a broken app: each problem as "error: file pointer: message", the count, exit 1', async () => {
    const copy = dir.copy();
    copy.edit('base.imljson', (base) => (base.baseUrl = 'https://verify{{connection.edge.twilio.com'));
    copy.edit('modules/getService/metadata.json', (meta) => (meta.connection = 'nowhere'));
    const run = await runCli(['make', 'validate', copy.dir]);
    assert.equal(run.status, 1);
    assert.deepStrictEqual(run.stdout.split('\n'), [
      'error: base.imljson /baseUrl: has unbalanced IML braces: "{{" at 14 is not closed',
      'error: modules/getService/metadata.json /connection: names the connection "nowhere", which the app does not have',
      '2 problems found.',
    ]);
  });

  it('a folder with no app: a usage error that says what to give, exit 2', async () => {
    const run = await runCli(['make', 'validate', join(dir.root, 'nothing-here')]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /is not a folder: give the app folder/);
  });

  it('no Make schemas where --schemas points: a usage error naming the folder to give, exit 2', async () => {
    const run = await runCli(['make', 'validate', dir.dir, '--schemas', dir.root]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /syntaxes\/imljson\/schemas of integromat\/vscode-apps-sdk/);
  });
});
