// People on the demo page in Debian's Chromium, for the end-to-end tests: sign in, open a channel, screenshots.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../../scripts/chromium.mjs';
import { locateElementsBundle } from '../../src/http/elements-bundle.js';

/** Why the demo-page tests cannot run here, if they cannot. */
export const demoPageSkip: string | false = !existsSync(chromiumPath)
  ? `no ${chromiumPath}`
  : !(() => {
      const found = locateElementsBundle(import.meta.url);
      return 'path' in found && existsSync(found.path);
    })() && 'the elements bundle is not built (npm run build)';

/** Chromium for this test, closed after it. */
export async function launchChromium(t: TestContext): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  t.after(() => browser.close());
  return browser;
}

/** A person on the demo page of `url`, signed in, in a window `width` pixels wide; page errors go to `errors`. */
export async function signIn(
  browser: Browser,
  url: string,
  user: { username: string; password: string },
  options: { width?: number; errors: string[] },
): Promise<Page> {
  const width = options.width ?? 1100;
  const context = await browser.newContext({
    viewport: { width, height: width < 500 ? 800 : 720 },
    colorScheme: 'light',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => options.errors.push(`${user.username}: ${error.message}`));
  await page.goto(url);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  return page;
}

/** Picks the channel in the sidebar and waits for its window. */
export async function openChannel(page: Page, name: string): Promise<void> {
  await page
    .locator('chat-channel-list')
    .getByRole('option', { name: new RegExp(`^# ?${name}\\b`) })
    .click();
  await page.getByRole('heading', { name: `# ${name}` }).waitFor();
}

/** Saves a screenshot when `CONFAB_SCREENSHOTS` names a folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.CONFAB_SCREENSHOTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(folder, `${name}.png`) });
}
