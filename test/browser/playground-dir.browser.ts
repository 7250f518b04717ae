/**
 * `--dir` on a connector folder (a copy of this package's), in the browser: a module added to it appears with its form
 * and no other change; while a file is half-written the page lists the problems, then follows the fixed connector;
 * any otpauth:// URI in an output is drawn as a QR code that decodes back to the URI.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../connector/playground/server.js';
import { copyConnector, type ConnectorCopy } from '../support/connector-copy.js';
import { launchBrowser, openPage } from './support/browser.js';
import { decodeQr } from './support/qr.js';
import { chooseOption, field, openModule, outputAt, run } from './support/playground-page.js';

const OTPAUTH = 'otpauth://totp/Acme:ana%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme&algorithm=SHA1&digits=6&period=30';

/** A module that only this copy has: another module file over get-service's schemas, listed in the manifest. */
function addModule(copy: ConnectorCopy, id: string, label: string): void {
  copy.write(`modules/${id}.json`, JSON.stringify({ ...copy.read('modules/get-service.json'), id, label, examples: [] }, null, 2));
  copy.edit('manifest.json', (manifest) => manifest.modules.push({ id, file: `modules/${id}.json` }));
}

/** A composed module whose output holds an otpauth:// URI, as a TOTP factor's binding does. */
function addBindingModule(copy: ConnectorCopy): void {
  const base = 'https://twilio-verify-connector.dev/schemas/modules/show-binding';
  copy.write('schemas/modules/show-binding.input.schema.json', JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', $id: `${base}.input.schema.json`, title: 'Show a binding: input', type: 'object', additionalProperties: false, properties: {} }));
  copy.write('schemas/modules/show-binding.output.schema.json', JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', $id: `${base}.output.schema.json`, title: 'Show a binding: output', type: 'object', properties: { binding: { type: 'object', properties: { uri: { type: 'string' } } } } }));
  copy.write(
    'modules/show-binding.json',
    JSON.stringify({
      id: 'show-binding',
      kind: 'action',
      label: 'Show a factor binding',
      description: 'A test module whose output holds an otpauth URI, as a new TOTP factor does.',
      docs: 'https://www.twilio.com/docs/verify/api/factor',
      idempotent: true,
      compose: { steps: [{ id: 'services', module: 'list-services', input: { limit: 1 } }], output: { binding: { uri: OTPAUTH } } },
      input: 'schemas/modules/show-binding.input.schema.json',
      output: 'schemas/modules/show-binding.output.schema.json',
    }),
  );
  copy.edit('manifest.json', (manifest) => manifest.modules.push({ id: 'show-binding', file: 'modules/show-binding.json' }));
}

describe('playground page with --dir (browser)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let copy: ConnectorCopy;
  let playground: Playground;
  let page: Page;
  let problems: string[];

  before(async () => (browser = await launchBrowser()));
  after(() => browser?.close());
  beforeEach(() => (copy = copyConnector()));
  afterEach(async () => {
    await page?.context().close();
    await playground?.close();
    copy.dispose();
    assert.deepEqual(problems, [], 'the page logged no error');
  });

  async function open(): Promise<void> {
    playground = await startPlayground({ dir: copy.dir });
    ({ page, problems } = await openPage(browser, playground.url));
    await page.waitForSelector('nav [data-module-link]');
  }

  it('shows a module added to the connector, with its form, in its group, and runs it', async () => {
    addModule(copy, 'get-service-settings', "Read a service's settings");
    await open();
    assert.equal(await page.locator('[data-group="Services"] [data-module-link="get-service-settings"]').innerText(), "Read a service's settings");
    await openModule(page, 'create-service');
    await field(page, 'friendlyName').fill('Copy');
    await run(page);
    const sid = await outputAt(page, '$.sid');
    await openModule(page, 'get-service-settings');
    assert.equal(await page.locator('article.module h2').innerText(), "Read a service's settings");
    await chooseOption(page, 'serviceSid', 'Copy');
    await run(page);
    assert.equal(await page.locator('.request .url').innerText(), `${playground.target.baseUrl('verify')}/v2/Services/${sid}`);
    assert.equal(await outputAt(page, '$.friendly_name'), 'Copy');
  });

  it('follows a connector being written: problems while a file is broken, the new module once it loads', async () => {
    await open();
    const manifest = JSON.stringify(copy.read('manifest.json'), null, 2);
    copy.write('manifest.json', '{ "id": "twilio-verify", "modules": [');
    await page.waitForSelector('.connector-problems');
    assert.match(await page.locator('.connector-problems').innerText(), /manifest\.json/);
    copy.write('manifest.json', manifest);
    addModule(copy, 'get-service-again', 'Get a service again');
    await page.waitForSelector('[data-module-link="get-service-again"]');
    assert.equal(await page.locator('.connector-problems').count(), 0);
    await openModule(page, 'get-service-again');
    assert.equal(await field(page, 'serviceSid').count(), 1);
  });

  it('draws any otpauth:// URI in an output as a QR code that decodes back to it', async () => {
    addBindingModule(copy);
    await open();
    await openModule(page, 'show-binding');
    await run(page);
    assert.equal(await decodeQr(page, '$.binding.uri'), OTPAUTH);
  });
});
