// Debian's Chromium, headless, as the render and cold-start areas start it (never a downloaded browser).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs as args, chromiumPath as executablePath } from '../../scripts/chromium.mjs';

/** Starts Chromium; fails with a clear message when it is not installed. */
export function launchChromium() {
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set CHROME_PATH)`);
  return chromium.launch({ executablePath, args });
}
