// Link previews end to end: a local page (allowed through linkPreviewAllow, as CONFAB_LINK_PREVIEW_ALLOW
// would) becomes the message's `preview`, arriving as `message:updated` on the socket and in GET; the author
// removes it for good; `linkPreviews: 'off'` fetches nothing. What the fetcher refuses is in ssrf.test.ts.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type TestContext, test } from 'node:test';
import { expectProblem, expectStatus } from '@confab/conformance';
import type { LinkPreview, Message, MessageEventData } from '@confab/protocol';
import { kitFor } from './support/kit.js';
import { startTestServer } from './support/test-server.js';

const article = (title: string) => `<!doctype html><html><head>
  <title>Fallback title</title>
  <meta property="og:title" content="${title} &amp; more">
  <meta property="og:description" content="  What the   page is about.  ">
  <meta property="og:image" content="/img/cover.png">
  <meta property="og:site_name" content="Local Site">
</head><body><p>Body</p></body></html>`;

/** The pages the server may preview, and the requests it made for them. */
async function pageServer(t: TestContext) {
  const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const title = /^\/article\/(\w+)$/.exec(req.url ?? '')?.[1];
    if (title) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(title));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, port, requests };
}

const text = (value: string) => ({ type: 'text' as const, text: value });

test('a link becomes a preview: message:updated on the socket, the same in GET; only the first link', async (t) => {
  const pages = await pageServer(t);
  const server = await startTestServer({ linkPreviewAllow: [`127.0.0.1:${pages.port}`] }, t);
  const { http, fixtures, openSocket } = kitFor(server.url, t);
  const alice = await fixtures.user();
  const channel = await fixtures.channel(alice);
  const { socket } = await openSocket(alice.token);
  socket.send({ type: 'subscribe', channels: [{ id: channel.id }] });
  await socket.waitFor('subscribed');

  const link = `${pages.origin}/article/Hello`;
  const sent = await fixtures.post(alice, channel.id, `read (${link}). and ${pages.origin}/article/Second`);
  assert.equal(sent.preview, null, 'no preview yet when the message is stored');
  const updated = await socket.waitFor(
    'event',
    (f) => f.kind === 'message:updated' && (f.data as MessageEventData).message.id === sent.id,
  );
  const expected: LinkPreview = {
    url: link,
    title: 'Hello & more',
    description: 'What the page is about.',
    imageUrl: `${pages.origin}/img/cover.png`,
    siteName: 'Local Site',
  };
  assert.deepEqual((updated.data as MessageEventData).message.preview, expected);
  assert.ok(updated.seq > sent.seq, 'the update is a new event in the log');
  const read = expectStatus(await http.get<Message>(`/api/v1/messages/${sent.id}`, alice.token), 200);
  assert.deepEqual(read.preview, expected);
  assert.deepEqual(
    pages.requests.map((r) => r.path),
    ['/article/Hello'],
    'the first link only',
  );
  const headers = pages.requests[0]?.headers ?? {};
  assert.deepEqual(
    [headers['user-agent'], headers.cookie, headers.authorization],
    ['ConfabLinkPreview/1.0', undefined, undefined],
  );
});

test('the author removes a preview for good: null with message:updated; others get 403 or 404', async (t) => {
  const pages = await pageServer(t);
  const server = await startTestServer({ linkPreviewAllow: [`127.0.0.1:${pages.port}`] }, t);
  const { http, fixtures, openSocket } = kitFor(server.url, t);
  const [alice, bob, outsider] = await fixtures.users(3);
  const channel = await fixtures.channel(alice!, 'private', [bob!.id]);
  const { socket } = await openSocket(alice!.token);
  socket.send({ type: 'subscribe', channels: [{ id: channel.id }] });
  await socket.waitFor('subscribed');
  const isUpdateOf = (id: string) => (f: { kind: string; data: unknown }) =>
    f.kind === 'message:updated' && (f.data as MessageEventData).message.id === id;

  const sent = await fixtures.post(alice!, channel.id, `${pages.origin}/article/First`);
  await socket.waitFor('event', isUpdateOf(sent.id));
  const path = `/api/v1/messages/${sent.id}/preview`;
  expectProblem(await http.delete(path, bob!.token), 403, 'forbidden');
  expectProblem(await http.delete(path, outsider!.token), 404, 'not_found');
  const removed = expectStatus(await http.delete<Message>(path, alice!.token), 200);
  assert.equal(removed.preview, null);
  const event = await socket.waitFor('event', isUpdateOf(sent.id));
  assert.equal((event.data as MessageEventData).message.preview, null);
  expectStatus(await http.delete<Message>(path, alice!.token), 200);

  // An edit to another link fetches it, but the removed preview is not put back.
  expectStatus(
    await http.patch(`/api/v1/messages/${sent.id}`, alice!.token, { body: text(`${pages.origin}/article/Edited`) }),
    200,
  );
  await socket.waitFor('event', isUpdateOf(sent.id)); // the edit itself
  await waitUntil(() => pages.requests.some((r) => r.path === '/article/Edited'));
  const barrier = await fixtures.post(alice!, channel.id, `${pages.origin}/article/Barrier`);
  const frames = await socket.collectUntil((f) => f.type === 'event' && isUpdateOf(barrier.id)(f));
  assert.ok(
    !frames.some((f) => f.type === 'event' && isUpdateOf(sent.id)(f)),
    'no preview came back after its removal',
  );
  const read = expectStatus(await http.get<Message>(`/api/v1/messages/${sent.id}`, alice!.token), 200);
  assert.equal(read.preview, null);
});

test("linkPreviews 'off' fetches nothing", async (t) => {
  const pages = await pageServer(t);
  const allow = [`127.0.0.1:${pages.port}`];
  const off = await startTestServer({ linkPreviews: 'off', linkPreviewAllow: allow }, t);
  const on = await startTestServer({ linkPreviewAllow: allow }, t);
  const offKit = kitFor(off.url, t);
  const onKit = kitFor(on.url, t);
  const [offUser, onUser] = [await offKit.fixtures.user(), await onKit.fixtures.user()];
  const offChannel = await offKit.fixtures.channel(offUser);
  const onChannel = await onKit.fixtures.channel(onUser);
  const quiet = await offKit.fixtures.post(offUser, offChannel.id, `${pages.origin}/article/Off`);
  // The same post on a server with previews on, after it: once its preview is in, the first one's
  // fetch, had it started, would have been made.
  const { socket } = await onKit.openSocket(onUser.token);
  socket.send({ type: 'subscribe', channels: [{ id: onChannel.id }] });
  await socket.waitFor('subscribed');
  await onKit.fixtures.post(onUser, onChannel.id, `${pages.origin}/article/On`);
  await socket.waitFor('event', (f) => f.kind === 'message:updated');
  assert.deepEqual(
    pages.requests.map((r) => r.path),
    ['/article/On'],
  );
  const read = expectStatus(await offKit.http.get<Message>(`/api/v1/messages/${quiet.id}`, offUser.token), 200);
  assert.equal(read.preview, null);
});

/** Waits (without a time limit of its own; the test's applies) until `done` holds. */
async function waitUntil(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
}
