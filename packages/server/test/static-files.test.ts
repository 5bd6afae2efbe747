// What the server serves besides the API: the demo page, its favicon, and the drop-in bundle, compressed
// by Accept-Encoding with a strong ETag and a cache policy. Read with node:http, which (unlike fetch)
// leaves the body as it came over the wire.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { get, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { negotiateCoding } from '../src/http/compressed-file.js';
import { opsRoutes } from '../src/http/routes/ops-routes.js';
import { createMetrics } from '../src/metrics.js';
import { startTestServer } from './support/test-server.js';

const server = await startTestServer();

/** A GET with `headers`, answered with the status, headers and the body's bytes as they came. */
function fetchRaw(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(`${server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

const bundlePath = createRequire(import.meta.url).resolve('@confab/elements/bundle');
const skip = existsSync(bundlePath) ? false : 'the elements bundle is not built: run `npm run build` first';

test('/sdk/elements.js comes in brotli or gzip by Accept-Encoding, with Vary, a strong ETag per coding and a cache policy', {
  skip,
}, async (t) => {
  const raw = await readFile(bundlePath);
  const br = await fetchRaw('/sdk/elements.js', { 'accept-encoding': 'gzip, deflate, br' });
  const gz = await fetchRaw('/sdk/elements.js', { 'accept-encoding': 'gzip' });
  const plain = await fetchRaw('/sdk/elements.js');
  for (const [coding, reply] of [
    ['br', br],
    ['gzip', gz],
    ['identity', plain],
  ] as const) {
    assert.equal(reply.status, 200, coding);
    assert.equal(reply.headers['content-type'], 'text/javascript; charset=utf-8', coding);
    assert.equal(reply.headers.vary, 'accept-encoding', coding);
    assert.equal(reply.headers['cache-control'], 'public, max-age=300, must-revalidate', coding);
    assert.match(reply.headers.etag ?? '', /^"[A-Za-z0-9_-]+"$/, `${coding}: a strong ETag`);
    assert.equal(Number(reply.headers['content-length']), reply.body.length, coding);
  }
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.deepEqual(brotliDecompressSync(br.body), raw);
  assert.deepEqual(gunzipSync(gz.body), raw);
  assert.deepEqual(plain.body, raw);
  assert.equal(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size, 3, 'one ETag per coding');
  assert.ok(br.body.length < gz.body.length && gz.body.length < raw.length / 3, 'the compressed sizes');
  t.diagnostic(`elements.js: ${raw.length} B raw, ${gz.body.length} B gzip, ${br.body.length} B brotli`);

  const again = await fetchRaw('/sdk/elements.js', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
  assert.equal(again.headers.etag, br.headers.etag);
  const weak = await fetchRaw('/sdk/elements.js', { 'accept-encoding': 'br', 'if-none-match': `W/${br.headers.etag}` });
  assert.equal(weak.status, 304, 'If-None-Match compares weakly');
  const otherCoding = await fetchRaw('/sdk/elements.js', {
    'accept-encoding': 'gzip',
    'if-none-match': br.headers.etag!,
  });
  assert.equal(otherCoding.status, 200, 'the brotli ETag does not validate a gzip cache entry');
  const stale = await fetchRaw('/sdk/elements.js', { 'accept-encoding': 'br', 'if-none-match': '"something-else"' });
  assert.equal(stale.status, 200);
});

test('Accept-Encoding is negotiated by q-value, with * and without a header', () => {
  assert.equal(negotiateCoding(undefined), 'identity');
  assert.equal(negotiateCoding(''), 'identity');
  assert.equal(negotiateCoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(negotiateCoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(negotiateCoding('BR;Q=0, *'), 'gzip');
  assert.equal(negotiateCoding('*;q=0'), 'identity');
  assert.equal(negotiateCoding('deflate'), 'identity');
});

test('the demo page follows dark mode (page and chat-room) and links a favicon the server serves', async () => {
  const page = await fetchRaw('/');
  assert.equal(page.status, 200);
  const html = page.body.toString('utf8');
  assert.match(html, /<meta name="color-scheme" content="light dark"/);
  assert.match(html, /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{[^}]*--page-bg:/, 'dark page chrome');
  assert.match(html, /body \{[^}]*background: var\(--page-bg\)/, 'the page uses its colours');
  assert.match(html, /<chat-room [^>]*theme="auto"/);
  assert.match(html, /<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml"/);

  const icon = await fetchRaw('/favicon.svg');
  assert.equal(icon.status, 200);
  assert.equal(icon.headers['content-type'], 'image/svg+xml');
  assert.match(icon.body.toString('utf8'), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox=/);
  assert.ok(icon.headers.etag);
});

test('the bundle and the favicon are each answered once: no "reply already sent" warnings', {
  skip: !existsSync(bundlePath) && 'the elements bundle is not built (npm run build)',
}, async () => {
  const warnings: string[] = [];
  const app = Fastify({ logger: { level: 'warn', stream: { write: (line: string) => void warnings.push(line) } } });
  opsRoutes(app, {
    metrics: createMetrics(),
    metricsPublic: false,
    ready: async () => ({ database: true, bus: true, draining: false }),
  });
  for (const url of ['/sdk/elements.js', '/favicon.svg']) {
    const first = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
    assert.equal(first.statusCode, 200, url);
    const again = await app.inject({
      url,
      headers: { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) },
    });
    assert.equal(again.statusCode, 304, url);
  }
  await app.close();
  assert.deepEqual(warnings, []);
});
