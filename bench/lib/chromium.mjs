// Debian's Chromium, headless, as the render and cold-start areas start it (never a downloaded browser).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts Chromium; fails with a clear message when it is not installed. */
export function launchChromium() {
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set CHROME_PATH)`);
  return chromium.launch({ executablePath, args });
}
