// Area 5, render in Chromium: a channel of 10,000 messages in <chat-window> (a real client from
// @confab/core/fixtures, fed through the client's own frame handling), side by side with a plain innerHTML
// list of the same rows. Run alone: npm run bench -- render
import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { launchChromium } from './lib/chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const ORIGIN = 'http://bench.localhost';

/** The page's script: the fixture client and the elements, bundled from the repo's sources. */
async function pageScript() {
  const result = await build({
    entryPoints: [`${root}bench/render/page-entry.js`],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: `${root}tsconfig.json`,
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: {
      '@confab/core/fixtures': `${root}packages/core/src/fixtures.ts`,
      '@confab/elements/all.js': `${root}packages/elements/src/all.ts`,
    },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; display: grid; grid-template-columns: 1fr 1fr; height: 100vh; font: 14px system-ui, sans-serif; }
  #confab chat-window { display: flex; height: 100vh; }
  #plain { overflow: auto; height: 100vh; border-left: 1px solid #ccc; }
  .row { padding: 4px 8px; }
</style><script type="module" src="/page.js"></script></head>
<body><div id="confab"></div><div id="plain"></div></body></html>`;

/** Measures `count` messages (10,000 unless quick). */
export async function runRender({ quick, progress }) {
  if (!existsSync(`${root}packages/core/src/fixtures.ts`)) throw new Error('@confab/core/fixtures is not in this tree');
  const count = quick ? 2000 : 10_000;
  const script = await pageScript();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/page.js') return route.fulfill({ contentType: 'text/javascript', body: script });
      return route.fulfill({ contentType: 'text/html', body: PAGE });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => window.confabBench);
    const result = await page.evaluate((n) => window.confabBench.measure(n), count);
    if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
    progress(
      `  <chat-window>: first frame ${result.firstFrameMs.toFixed(0)} ms, ${result.rows} rows; plain list: ${result.plainFirstFrameMs.toFixed(0)} ms, ${result.plainRows} rows`,
    );
    return { count, browser: browser.version(), ...result };
  } finally {
    await browser.close();
  }
}
