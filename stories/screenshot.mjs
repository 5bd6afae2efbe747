// Writes docs/screenshots/storybook.png: the static Storybook (npm run build-storybook first), served from
// storybook-static/ on a free loopback port and opened in Debian's Chromium (CHROME_PATH to use another).
//   node stories/screenshot.mjs [story-id]
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../', import.meta.url));
const site = join(root, 'storybook-static');
const story = process.argv[2] ?? 'elements-chat-room--default';
const out = join(root, 'docs/screenshots/storybook.png');
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/?path=/story/${story}`);
  const preview = page.frameLocator('#storybook-preview-iframe');
  await preview
    .locator('chat-room, chat-window, chat-channel-list, chat-thread, chat-message, chat-composer')
    .first()
    .waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000); // the a11y addon's first run and the panel's render
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
