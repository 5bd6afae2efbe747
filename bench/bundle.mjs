// Area 3, bundle size: each package entry bundled by esbuild for the browser (production, minified, every
// export kept), then gzipped. Confab is measured from its built dist/, as npm would ship it. Run alone: npm run bench -- bundle
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = new URL('.', import.meta.url).pathname;

/** What is measured: Confab's packages and, in the same run, the peers from bench/package.json. */
export const bundles = [
  { key: 'core', label: '@confab/core', ours: true, source: "export * from '@confab/core';" },
  {
    key: 'elements',
    label: '@confab/elements (all, with Lit and core)',
    ours: true,
    source: "export * from '@confab/elements/all.js';",
  },
  { key: 'stream-chat', label: 'stream-chat', source: "export * from 'stream-chat';" },
  {
    key: 'stream-chat-react',
    label: 'stream-chat-react + react + react-dom',
    source:
      "export * from 'stream-chat-react'; export * as React from 'react'; export * as ReactDOM from 'react-dom/client';",
  },
  {
    key: 'sendbird',
    label: '@sendbird/chat (+ group channels)',
    source: "export * from '@sendbird/chat'; export * from '@sendbird/chat/groupChannel';",
  },
  { key: 'ably', label: 'ably + @ably/chat', source: "export * from 'ably'; export * from '@ably/chat';" },
  { key: 'deep-chat', label: 'deep-chat', source: "export * from 'deep-chat';" },
];

/** Bundles one entry and returns its minified and gzipped sizes in bytes. */
async function measure(entry) {
  const result = await build({
    stdin: { contents: entry.source, resolveDir: here, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.css': 'empty', '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'empty', '.woff2': 'empty' },
    legalComments: 'none',
    tsconfigRaw: {}, // the published dist files, not the repo's `paths` to src/
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/** Measures every bundle; a peer that fails to bundle is reported with its error, not dropped. */
export async function runBundle({ progress }) {
  const rows = [];
  for (const entry of bundles) {
    try {
      const size = await measure(entry);
      rows.push({ key: entry.key, label: entry.label, ours: Boolean(entry.ours), ...size });
      progress(`  ${entry.label}: ${(size.gzipped / 1024).toFixed(1)} kB min+gzip`);
    } catch (error) {
      rows.push({
        key: entry.key,
        label: entry.label,
        ours: Boolean(entry.ours),
        error: String(error.message ?? error).split('\n')[0],
      });
      progress(`  ${entry.label}: failed (${rows.at(-1).error})`);
    }
  }
  return rows;
}
