/**
 * Every module of the connector, in the browser: its form shows every field that applies with its label, required
 * ones marked; and hostile text typed into every field, or held by the emulator, is shown as text and never run.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { loadConnector } from '../../connector/index.js';
import type { ModuleInfo } from '../../connector/connector.js';
import { startPlayground, type Playground } from '../../connector/playground/server.js';
import { formView } from '../../connector/playground/ui-model/form-schema.js';
import { launchBrowser, openPage } from './support/browser.js';
import { field, openAdvanced, openModule, run, startVerification } from './support/playground-page.js';

const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '<img src=x onerror=alert(1)>';

/** Nothing the page received became markup: no injected element, no alert (the page watcher records dialogs). */
async function assertNothingInjected(page: Page): Promise<void> {
  assert.equal(await page.locator('main img[src="x"], aside img[src="x"], main script, aside script').count(), 0, 'an injected element appeared');
}

describe('playground page: every module (browser)', function () {
  this.timeout(300_000);
  let browser: Browser;
  let playground: Playground;
  let page: Page;
  let problems: string[];
  let modules: ModuleInfo[];

  before(async () => {
    browser = await launchBrowser();
    playground = await startPlayground();
    modules = (await loadConnector()).modules;
    ({ page, problems } = await openPage(browser, playground.url));
    await page.waitForSelector('nav [data-module-link]');
  });
  after(async () => {
    await browser?.close();
    await playground?.close();
  });
  afterEach(() => assert.deepEqual(problems, [], 'the page logged no error'));

  it('shows each module\'s form with every field that applies, its label, and the required ones marked', async () => {
    for (const module of modules) {
      await openModule(page, module.id);
      await openAdvanced(page);
      const view = formView(module.inputSchema as Record<string, unknown>, {});
      const properties = (view.schema['properties'] ?? {}) as Record<string, { title?: string }>;
      const required = (view.schema['required'] ?? []) as string[];
      const text = await page.locator('article.module form').innerText();
      for (const [name, property] of Object.entries(properties)) {
        assert.equal(await page.locator(`#root_${name}`).count(), 1, `${module.id}: field ${name} is on the form`);
        if (property.title) assert.ok(text.includes(property.title), `${module.id}: the label "${property.title}" is shown`);
        if (property.title && required.includes(name)) assert.ok(text.includes(`${property.title}*`), `${module.id}: ${name} is marked required`);
      }
    }
  });

  it('renders hostile text typed into every field of every module as text', async () => {
    for (const module of modules) {
      await openModule(page, module.id);
      await openAdvanced(page);
      const dropdowns = page.locator('.options-from select');
      while ((await dropdowns.count()) > 0) await dropdowns.first().selectOption('\u0000type');
      const inputs = page.locator('article.module form input:not([type=number]):not([type=checkbox]):not([type=radio]), article.module form textarea');
      const count = await inputs.count();
      for (let i = 0; i < count; i++) await inputs.nth(i).fill(SCRIPT);
      await run(page);
      await assertNothingInjected(page);
      assert.ok((await page.locator('.run-result').innerText()).length > 0, `${module.id}: an answer is shown`);
    }
  });

  it('shows hostile text held by the emulator (a service name, the message it delivers) as text', async () => {
    await openModule(page, 'create-service');
    await field(page, 'friendlyName').fill(IMAGE);
    await run(page);
    assert.ok((await page.locator('.output').innerText()).includes(JSON.stringify(IMAGE)), 'the name is shown in the output as written');

    await startVerification(page, IMAGE, '+15017122699');
    const message = page.locator('.phone .message[data-to="+15017122699"] .body').first();
    await message.waitFor();
    assert.ok((await message.innerText()).includes(IMAGE), 'the delivered text shows the name as written');
    await assertNothingInjected(page);
  });
});
