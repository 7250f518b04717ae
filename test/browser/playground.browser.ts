/**
 * The playground in a real browser (Debian's Chromium via playwright-core): a person fills forms generated from the
 * schemas, runs them against the emulator, reads the code on the phone panel, runs a flow, and sees hostile text as text.
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { loadConnector } from '../../connector/index.js';
import { startPlayground, type Playground } from '../../connector/playground/server.js';
import { TOTP, URI } from 'otpauth';
import { launchBrowser, openPage } from './support/browser.js';
import { decodeQr } from './support/qr.js';
import { chooseOption, codeOnPhone, field, openAdvanced, openModule, outputAt, run, startVerification } from './support/playground-page.js';

describe('playground page (browser)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let playground: Playground;
  let page: Page;
  let problems: string[];

  before(async () => {
    browser = await launchBrowser();
    playground = await startPlayground();
  });
  after(async () => {
    await browser?.close();
    await playground?.close();
  });
  beforeEach(async () => {
    ({ page, problems } = await openPage(browser, playground.url));
    await page.waitForSelector('nav [data-module-link]');
  });
  afterEach(async () => {
    await page.context().close();
    assert.deepEqual(problems, [], 'the page logged no error');
  });

  async function createService(name: string): Promise<string> {
    await openModule(page, 'create-service');
    await field(page, 'friendlyName').fill(name);
    await run(page);
    return outputAt(page, '$.sid');
  }

  it('lists every module of the connector, grouped by resource, with its label', async () => {
    const connector = await loadConnector();
    for (const module of connector.modules) {
      assert.equal(await page.locator(`[data-module-link="${module.id}"]`).innerText(), module.label);
    }
    assert.equal(await page.locator('[data-group="Services"] [data-module-link="create-service"]').count(), 1);
    assert.equal(await page.locator('[data-group="Verifications"] [data-module-link="start-verification"]').count(), 1);
  });

  it('starts a verification from its form, shows the exact request, reads the code on the phone and approves it', async () => {
    const serviceSid = await createService('Acme');
    const to = '+15017122661';

    await startVerification(page, 'Acme', to);
    assert.equal(await page.locator('.request .method').innerText(), 'POST');
    assert.equal(await page.locator('.request .url').innerText(), `${playground.target.baseUrl('verify')}/v2/Services/${serviceSid}/Verifications`);
    assert.equal(await page.locator('.request .raw-body').innerText(), `To=%2B15017122661&Channel=sms`);
    assert.match(await page.locator('.request .header').first().innerText(), /Authorization\s+Basic ••••••/);
    assert.equal(await outputAt(page, '$.status'), 'pending');

    const code = await codeOnPhone(page, to);
    assert.equal(code, playground.target.emulator!.outbox({ to }).at(-1)!.code);
    assert.match(await page.locator(`.phone .message[data-to="${to}"]`).first().innerText(), /SMS/);

    await openModule(page, 'check-verification');
    await chooseOption(page, 'serviceSid', 'Acme');
    await field(page, 'to').fill(to);
    await field(page, 'code').fill(code);
    await run(page);
    assert.equal(await outputAt(page, '$.status'), 'approved');
    assert.equal(await outputAt(page, '$.valid'), true as unknown as string);

    await page.locator('.output .json-key[data-path="$.status"]').click();
    assert.equal(await page.locator('[data-copied-path]').innerText(), '$.status');
  });

  it('refuses an invalid number with its JSON pointer, and nothing reaches the emulator', async () => {
    await createService('Pointer test');
    await openModule(page, 'start-verification');
    await chooseOption(page, 'serviceSid', 'Pointer test');
    await field(page, 'to').fill('12');
    await field(page, 'channel').selectOption({ label: 'SMS' });
    const before = playground.target.emulator!.stats().requests; // after the dropdown asked list-services
    await run(page);
    assert.equal(playground.target.emulator!.stats().requests, before, 'no request reached the emulator');
    assert.equal(await page.locator('.error .error-code').innerText(), 'invalid_input');
    assert.equal(await page.locator('.error .problems .pointer').first().innerText(), '/to');
    assert.match(await page.locator('.error .problems .message').first().innerText(), /E\.164/);
    assert.match(await page.locator('.form-group:has(#root_to) .error-detail').innerText(), /E\.164/, 'the error shows beside the field');
    assert.equal(await page.locator('.sent').getAttribute('data-sent'), '0');
  });

  it('shows a field only for the channel it applies to (x-show-when)', async () => {
    await openModule(page, 'start-verification');
    await field(page, 'channel').selectOption({ label: 'SMS' });
    await openAdvanced(page);
    assert.equal(await field(page, 'appHash').count(), 1);
    assert.equal(await field(page, 'sendDigits').count(), 0);
    await field(page, 'channel').selectOption({ label: 'Voice call' });
    await openAdvanced(page);
    assert.equal(await field(page, 'sendDigits').count(), 1);
    assert.equal(await field(page, 'appHash').count(), 0);
  });

  it('shows every channel the emulator delivers on the phone panel, live, with the code highlighted', async () => {
    const connector = await loadConnector();
    const connection = playground.target.connection;
    const service = (await connector.execute('create-service', connection, {
      friendlyName: 'Channels',
      mailerSid: `MD${'e'.repeat(32)}`,
      whatsapp: { msgServiceSid: `MG${'a'.repeat(32)}`, from: '+15017122661' },
    })) as { sid: string };
    const sends = [
      { to: '+15017122662', channel: 'call', label: 'Voice call' },
      { to: 'ana@example.com', channel: 'email', label: 'Email' },
      { to: '+15017122663', channel: 'whatsapp', label: 'WhatsApp' },
      { to: '+15017122664', channel: 'sms', label: 'SMS' },
    ];
    for (const send of sends) await connector.execute('start-verification', connection, { serviceSid: service.sid, to: send.to, channel: send.channel });
    for (const send of sends) {
      const message = page.locator(`.phone .message[data-to="${send.to}"]`);
      await message.waitFor();
      assert.equal(await message.getAttribute('data-channel'), send.channel);
      assert.equal(await message.locator('.channel').innerText(), send.label);
      assert.equal(await message.locator('mark.code').innerText(), playground.target.emulator!.outbox({ to: send.to }).at(-1)!.code);
    }
  });

  it('enrols a TOTP factor: the binding as a QR code an app can scan, then its first code verifies it through chained dropdowns', async () => {
    await createService('Authenticator');
    const identity = 'ff483d1ff591898a9942916050d2ca3f';
    await openModule(page, 'create-totp-factor');
    await chooseOption(page, 'serviceSid', 'Authenticator');
    await field(page, 'identity').fill(identity);
    await field(page, 'friendlyName').fill('ana@example.com');
    await run(page);
    const uri = await outputAt(page, '$.binding.uri');
    assert.equal(await decodeQr(page, '$.binding.uri'), uri, 'the QR code holds the binding URI');
    const code = (URI.parse(uri) as TOTP).generate({ timestamp: playground.target.emulator!.clock.now() });

    await openModule(page, 'verify-totp-factor');
    await chooseOption(page, 'serviceSid', 'Authenticator');
    await chooseOption(page, 'identity', identity);
    await chooseOption(page, 'factorSid', 'ana@example.com');
    await field(page, 'code').fill(code);
    await run(page);
    assert.equal(await outputAt(page, '$.status'), 'verified');
  });

  it('runs the Studio-style sub-flow step by step, with the code typed on the page', async () => {
    const to = '+15005550006';
    await page.click('[data-flow-link="studio-verify-subflow"]');
    await field(page, 'to').fill(to);
    await page.click('article.flow button[type=submit]');
    await page.waitForSelector('form.ask input');
    const code = await codeOnPhone(page, to);
    await page.fill('form.ask input', '000000');
    await page.click('form.ask button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('.flow-run [data-step$="check"]').length >= 1);
    await page.waitForSelector('form.ask input');
    await page.fill('form.ask input', code);
    await page.click('form.ask button[type=submit]');
    await page.waitForSelector('.flow-run[data-status="done"]');
    const result = await page.locator('.flow-result').innerText();
    assert.match(result, /verified[\s\S]*true/);
    assert.match(result, /approved/);
    assert.match(await page.locator('.flow-run .steps').innerText(), /check-verification/);
  });
});
