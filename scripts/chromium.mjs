// Debian's Chromium as every browser test, story test and bench area starts it: headless, never a downloaded
// browser, no background traffic (this machine's network is closed: without these flags Chromium keeps
// trying to reach Google's hosts). CHROME_PATH points elsewhere.

/** Where Chromium is. */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The flags it starts with. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
