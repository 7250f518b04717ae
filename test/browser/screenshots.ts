/**
 * Takes the screenshots in docs/playground.md: `npm run screenshots:playground` (the page in Debian's Chromium, driven
 * as in the browser tests). Writes docs/playground/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../connector/paths.js';
import { startPlayground } from '../../connector/playground/server.js';
import { launchBrowser, openPage } from './support/browser.js';
import { chooseOption, codeOnPhone, field, openAdvanced, openModule, run, startVerification } from './support/playground-page.js';

const out = join(packageRoot, 'docs', 'playground');
mkdirSync(out, { recursive: true });
const playground = await startPlayground();
const browser = await launchBrowser();
try {
  const { page } = await openPage(browser, playground.url);
  await page.waitForSelector('nav [data-module-link]');
  const shot = (name: string) => page.screenshot({ path: join(out, `${name}.png`) });

  await openModule(page, 'create-service');
  await field(page, 'friendlyName').fill('Acme');
  await openAdvanced(page);
  await shot('form-advanced');
  await run(page);

  const to = '+15017122661';
  await startVerification(page, 'Acme', to);
  await codeOnPhone(page, to);
  await page.locator('.output .json-key[data-path="$.status"]').click();
  await shot('start-verification');

  await field(page, 'to').fill('12');
  await run(page);
  await page.locator('.error').scrollIntoViewIfNeeded();
  await shot('invalid-input');

  await openModule(page, 'create-totp-factor');
  await chooseOption(page, 'serviceSid', 'Acme');
  await field(page, 'identity').fill('ff483d1ff591898a9942916050d2ca3f');
  await field(page, 'friendlyName').fill('ana@example.com');
  await run(page);
  await page.locator('figure.qr').scrollIntoViewIfNeeded();
  await shot('totp-qr');

  await page.click('[data-flow-link="studio-verify-subflow"]');
  await field(page, 'to').fill('+15005550006');
  await page.click('article.flow button[type=submit]');
  await page.waitForSelector('form.ask input');
  await page.fill('form.ask input', await codeOnPhone(page, '+15005550006'));
  await page.click('form.ask button[type=submit]');
  await page.waitForSelector('.flow-run[data-status="done"]');
  await shot('flow');
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await playground.close();
}
