// End to end on the demo page: two users in Chromium. Alice pastes an image, Bob sees its thumbnail (loaded
// through a signed link); Alice mentions Bob while he reads another channel, Bob gets the @ badge and, once
// there, the highlight; Alice posts a link to a local page and both see it unfurl.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { demoPageSkip, launchChromium, openChannel, screenshot as shot, signIn } from './support/demo-page.js';
import { kitFor } from './support/kit.js';
import { startTestServer } from './support/test-server.js';

const PNG = new URL('../../elements/test/browser/support/landscape.png', import.meta.url); // 480 × 300

/** A page with Open Graph tags on an origin of its own, standing in for a site someone links to. */
async function serveArticle() {
  const server = createServer((request, reply) => {
    if (request.url !== '/article') return reply.writeHead(404).end();
    reply.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head>
      <title>fallback title</title>
      <meta property="og:title" content="Release notes &amp; plans">
      <meta property="og:description" content="What shipped this week, and what comes next.">
      <meta property="og:site_name" content="Tasklane blog">
      </head><body><h1>Release notes</h1></body></html>`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/article`, close: () => new Promise((done) => server.close(done)) };
}

test('on the demo page an image pasted by one user, a mention and a link preview reach the other', {
  skip: demoPageSkip,
}, async (t) => {
  const article = await serveArticle();
  t.after(() => article.close());
  // The article is on 127.0.0.1: allowed on purpose, as an intranet page would be.
  const server = await startTestServer({ linkPreviewAllow: ['127.0.0.1'] }, t);
  const { fixtures, http } = kitFor(server.url, t);
  const [alice, bob] = await fixtures.users(2);
  const design = await fixtures.channel(alice!, 'public', [bob!.id]);
  const random = await fixtures.channel(alice!, 'public', [bob!.id]);
  await fixtures.post(alice!, random.id, 'Morning, all');

  const browser = await launchChromium(t);
  const errors: string[] = [];
  const open = (user: { username: string; password: string }) => signIn(browser, server.url, user, { errors });

  const a = await open(alice!);
  const b = await open(bob!);
  await openChannel(a, design.name);
  await openChannel(b, random.name);

  // Alice pastes an image into the composer; it uploads, then she sends it.
  const png = (await readFile(PNG)).toString('base64');
  await a.getByRole('textbox', { name: 'Message' }).evaluate((textarea, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'valley.png', { type: 'image/png' }));
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true }));
  }, png);
  const sendButton = a.getByRole('button', { name: 'Send' });
  await a.getByRole('progressbar', { name: 'Uploading valley.png' }).waitFor({ state: 'detached' });
  await sendButton.click();

  // Bob, in #random, is mentioned in #design: the @ badge shows there.
  await a.getByRole('textbox', { name: 'Message' }).fill(`@${bob!.username} could you look at this one?`);
  await sendButton.click();
  const badge = b.locator('chat-channel-list [part="mention-badge"]');
  await badge.waitFor();
  assert.equal(await badge.getAttribute('data-count'), '1');
  await shot(b, 'bob-mention-badge');

  // Bob opens #design: the image has its thumbnail, loaded with no header through the signed link.
  await openChannel(b, design.name);
  const thumbnail = b.getByRole('button', { name: /^Open image/ }).locator('img');
  await thumbnail.waitFor();
  await b.waitForFunction(
    (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 480,
    await thumbnail.elementHandle(),
  );
  const box = await thumbnail.boundingBox();
  assert.ok(box && Math.abs(box.width / box.height - 480 / 300) < 0.02, `thumbnail box ${JSON.stringify(box)}`);
  const mentioned = b.locator('chat-message[mentioned]');
  await mentioned.getByText('could you look at this one?').waitFor();
  const frame = mentioned.locator('[part~="mentioned"]');
  assert.match(String(await frame.getAttribute('aria-label')), /, Mentions you$/, 'screen readers hear it too');
  await badge.waitFor({ state: 'detached' });

  // Alice links the article: the preview card arrives for both.
  await a.getByRole('textbox', { name: 'Message' }).fill(`Notes: ${article.url}`);
  await sendButton.click();
  for (const page of [a, b]) {
    const card = page.locator('chat-message [part="preview"]');
    await card.getByText('Release notes & plans').waitFor();
    await card.getByText('Tasklane blog').waitFor();
  }
  await shot(a, 'alice-rich-messages');
  await shot(b, 'bob-rich-messages');

  // What the server stored matches what the pages show.
  const page = await http.get<{ items: { body: { type: string }; mentions?: string[] }[] }>(
    `/api/v1/channels/${design.id}/messages`,
    alice!.token,
  );
  assert.deepEqual(
    page.body.items.map((m) => m.body.type),
    ['image', 'text', 'text'],
  );
  assert.deepEqual(page.body.items[1]?.mentions, [bob!.id]);
  assert.deepEqual(errors, []);
});
