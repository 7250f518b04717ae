/** Driving the playground page as a person does: pick a module, fill its form, run it, read what came back. */
import type { Page } from 'playwright-core';

export async function openModule(page: Page, id: string): Promise<void> {
  await page.click(`[data-module-link="${id}"]`);
  await page.waitForSelector(`article[data-module="${id}"] form`);
}

/** The form's input for a top-level field (rjsf ids are root_<name>). */
export function field(page: Page, name: string) {
  return page.locator(`#root_${name}`);
}

export async function openAdvanced(page: Page): Promise<void> {
  const closed = page.locator('details.advanced:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
}

/** Clicks Run and waits for the answer to be on the page. */
export async function run(page: Page): Promise<void> {
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/run')), page.click('article.module button[type=submit]')]);
  await page.waitForSelector('article.module button[type=submit]:not([disabled])');
  await page.waitForSelector('.run-result');
}

/** The value at a mapping path of the output, read from the page's JSON view (the leaf next to its path button). */
export async function outputAt(page: Page, path: string): Promise<string> {
  const leaf = page.locator(`.output .json-key[data-path="${path}"]`).locator('xpath=..');
  const text = await leaf.locator('span').last().innerText();
  return JSON.parse(text) as string;
}

/** Chooses the first option of an x-options-from dropdown whose label or value contains `text`. */
export async function chooseOption(page: Page, name: string, text: string): Promise<void> {
  const select = field(page, name);
  await page.waitForFunction(
    ([id, t]) => [...(document.querySelectorAll(`#${id} option`) as NodeListOf<HTMLOptionElement>)].some((o) => o.textContent!.includes(t)),
    [`root_${name}`, text] as const,
  );
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

/** The newest code the phone panel shows for a recipient. */
export async function codeOnPhone(page: Page, to: string): Promise<string> {
  const mark = page.locator(`.phone .message[data-to="${to}"] mark.code`).first();
  await mark.waitFor();
  return mark.innerText();
}

/** Fills start-verification's form for a service (chosen by name from its dropdown), a recipient and a channel, and runs it. */
export async function startVerification(page: Page, serviceName: string, to: string, channelLabel = 'SMS'): Promise<void> {
  await openModule(page, 'start-verification');
  await chooseOption(page, 'serviceSid', serviceName);
  await field(page, 'to').fill(to);
  await field(page, 'channel').selectOption({ label: channelLabel });
  await run(page);
}
