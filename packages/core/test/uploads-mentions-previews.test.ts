// Attachments, mentions and link previews through the client against a real server: uploads (fetch in Node,
// a token renewed after a 401, refusals, cancelling), sends by upload with links made absolute wherever
// messages come in, @mentions counted once per message and read away, members for the @-autocomplete, and a
// preview from a local page (allowed as CONFAB_LINK_PREVIEW_ALLOW allows it) that its author removes.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { type ChatClient, ConfabError, type Message } from '../src/index.js';
import { useHarness } from './support/harness.js';
import { createChannel, joinChannel, joinedChannels, registerUser } from './support/rest.js';
import { until, waitFor } from './support/wait-for.js';

/** A page the server may preview. */
const pages = createServer((req, res) => {
  if (req.url === '/article')
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<html><head><meta property="og:title" content="An article"><title>x</title></head></html>');
  else res.writeHead(404).end();
});
await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
after(() => new Promise<void>((resolve) => pages.close(() => resolve())));
const pageOrigin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;

const UPLOAD_LIMIT = 64 * 1024;
const h = await useHarness({
  CONFAB_UPLOAD_LIMIT: String(UPLOAD_LIMIT),
  CONFAB_LINK_PREVIEW_ALLOW: new URL(pageOrigin).host,
});
const url = h.server.url;

/** A real PNG of `width` × `height` grey pixels. */
function png(width: number, height: number): Blob {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // no filter
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Blob([bytes], { type: 'image/png' });
}

const pdf = () =>
  new File(['%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'], 'notes.pdf', { type: 'application/pdf' });
const uploadLink = new RegExp(`^${url}/api/v1/uploads/[^/]+/content\\?expires=\\d+&signature=`);

/** Two signed-in users in a fresh channel, each watching it. */
async function pair() {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const channel = await createChannel(url, alice, [bob]);
  const a = await h.signIn(alice);
  const b = await h.signIn(bob);
  return { alice, bob, channelId: channel.id, a, b };
}

async function watchRoom(client: ChatClient, channelId: string) {
  const room = client.channel(channelId);
  h.observe(room.$messages);
  await until(client.$connection, (s) => s === 'open', 10_000, 'an open socket');
  await until(room.$loading, (loading) => !loading, 10_000, 'the first page');
  return room;
}

test('an upload goes up with progress at the end, its link absolute and readable without a token', async () => {
  const { a, channelId } = await pair();
  const room = a.channel(channelId);
  const image = png(3, 2);
  const progress: [number, number][] = [];
  const upload = await room.upload(image, { name: 'dot.png', onProgress: (...p) => progress.push(p) });
  assert.equal(upload.name, 'dot.png');
  assert.equal(upload.contentType, 'image/png');
  assert.equal(upload.size, image.size);
  assert.deepEqual([upload.width, upload.height], [3, 2]);
  assert.match(upload.url, uploadLink);
  assert.deepEqual(progress, [[image.size, image.size]], 'one progress call at the end where there is no XHR');
  const bytes = await fetch(upload.url);
  assert.equal(bytes.status, 200);
  assert.deepEqual(new Uint8Array(await bytes.arrayBuffer()), new Uint8Array(await image.arrayBuffer()));
});

test('the text is sent, then the files by upload; every way a message comes in has absolute links', async () => {
  const { a, b, alice, channelId } = await pair();
  const roomA = await watchRoom(a, channelId);
  const roomB = await watchRoom(b, channelId);
  const sent = await roomA.sendFiles([png(4, 4), pdf()], { text: 'the files' });
  assert.deepEqual(
    sent.map((m) => m.body?.type),
    ['text', 'image', 'file'],
  );
  const [, image, file] = sent;
  assert.ok(image?.body?.type === 'image' && file?.body?.type === 'file');
  assert.deepEqual([image.body.width, image.body.height], [4, 4]);
  assert.equal(file.body.name, 'notes.pdf');
  assert.equal(file.body.contentType, 'application/pdf');
  for (const message of [image, file]) {
    assert.ok(message.body && 'url' in message.body);
    assert.match(message.body.url ?? '', uploadLink, 'the ack');
  }

  const linkOf = (m: Message | undefined) => (m?.body && 'url' in m.body ? m.body.url : undefined);
  await until(roomB.$messages, (m) => m.length === 3, 10_000, 'the messages at bob');
  for (const message of roomB.$messages.get().slice(1)) assert.match(linkOf(message) ?? '', uploadLink, 'the event');

  const c = await h.signIn(alice);
  const page = c.channel(channelId);
  h.observe(page.$messages);
  await until(page.$messages, (m) => m.length === 3, 10_000, 'the page');
  assert.match(linkOf(page.$messages.get()[1]) ?? '', uploadLink, 'a page');
  assert.match(linkOf(await c.getMessage(file.id)) ?? '', uploadLink, 'a message fetched alone');
  const viaApi = await c.api.GET('/api/v1/uploads/{uploadId}', {
    params: { path: { uploadId: file.body.uploadId } },
  });
  assert.match(viaApi.data?.url ?? '', uploadLink, 'the REST client');
});

test('a refused upload is a ConfabError with the server’s problem; a cancelled one rejects with AbortError', async () => {
  const { a, channelId } = await pair();
  const room = a.channel(channelId);
  await assert.rejects(room.upload(new Blob([new Uint8Array(UPLOAD_LIMIT + 1024)])), (error: unknown) => {
    assert.ok(error instanceof ConfabError);
    assert.equal(error.status, 413);
    assert.equal(error.code, 'payload_too_large');
    assert.ok(error.detail.length > 0);
    return true;
  });
  await assert.rejects(
    room.upload(new Blob([new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7])], { type: 'image/png' })),
    (error: unknown) => error instanceof ConfabError && error.status === 415 && error.code === 'unsupported_media_type',
  );

  const controller = new AbortController();
  const cancelled = room.sendFiles([png(2, 2)], { text: 'never sent', signal: controller.signal });
  controller.abort();
  await assert.rejects(cancelled, (error: Error) => error.name === 'AbortError');
  await assert.rejects(room.upload(png(1, 1), { signal: AbortSignal.abort() }), { name: 'AbortError' });
});

test('an upload renews a token the server turned down, as every request does', async () => {
  const alice = await registerUser(url, 'alice');
  const good = await h.server.token(alice.user.id);
  const handedOut: string[] = [];
  const client = h.client({
    token: async () => {
      const token = handedOut.length ? good : 'not-a-valid-token';
      handedOut.push(token);
      return token;
    },
  });
  const upload = await client.channel('any').upload(pdf());
  assert.equal(upload.name, 'notes.pdf');
  assert.deepEqual(handedOut, ['not-a-valid-token', good]);
});

test('mentions: counted once per message in $channels, heard once, read away; the server agrees', async () => {
  const { a, b, bob, channelId } = await pair();
  h.observe(b.$channels);
  await until(b.$channels, (list) => list.some((c) => c.id === channelId), 10_000, 'the channel at bob');
  await until(b.$connection, (s) => s === 'open', 10_000, 'bob online');
  const heard: Message[] = [];
  const stop = b.onMention((message) => heard.push(message));
  const roomA = await watchRoom(a, channelId);
  // wait until bob's list watches the channel: its events count as unread
  await waitFor(
    async () => {
      await roomA.send({ type: 'text', text: 'ping' });
      return (b.$channels.get().find((c) => c.id === channelId)?.unreadCount ?? 0) > 0;
    },
    10_000,
    'bob subscribed',
  );

  const byName = await roomA.send({ type: 'text', text: `hi @${bob.username}` });
  const explicit = await roomA.send({ type: 'text', text: 'see this' }, { mentions: [bob.user.id] });
  const everyone = await roomA.send({ type: 'text', text: 'hey @channel' });
  await roomA.send({ type: 'text', text: 'nothing for you' });
  assert.deepEqual(byName.mentions, [bob.user.id]);
  assert.deepEqual(explicit.mentions, [bob.user.id], 'explicit mentions go through the socket send');
  assert.equal(everyone.mentionsChannel, true);

  await waitFor(() => heard.length === 3, 10_000, 'three mention frames');
  const listed = () => b.$channels.get().find((c) => c.id === channelId)!;
  await until(b.$channels, () => listed().lastSeq === everyone.seq + 1, 10_000, 'every event at bob');
  assert.deepEqual(
    heard.map((m) => m.id),
    [byName.id, explicit.id, everyone.id],
  );
  assert.equal(listed().unreadMentionCount, 3, 'the events of mentioning messages count nothing more');
  const server = (await joinedChannels(url, bob)).find((c) => c.id === channelId);
  assert.equal(server?.unreadMentionCount, 3, 'the server counted the same');

  b.channel(channelId).markRead();
  assert.equal(listed().unreadMentionCount, 0);
  await waitFor(
    async () => (await joinedChannels(url, bob)).find((c) => c.id === channelId)?.unreadMentionCount === 0,
    10_000,
    'the server to read them away',
  );
  stop();
});

test('searchMembers finds members by prefix, not you, and sees who joins', async () => {
  const { a, alice, bob, channelId } = await pair();
  const room = await watchRoom(a, channelId);
  assert.deepEqual(
    (await room.searchMembers('BO')).map((u) => u.id),
    [bob.user.id],
  );
  assert.deepEqual(await room.searchMembers(alice.username.slice(0, 5)), [], 'never the user');
  const carol = await registerUser(url, 'carol');
  await joinChannel(url, carol, channelId);
  await waitFor(
    async () => (await room.searchMembers('car')).some((u) => u.id === carol.user.id),
    10_000,
    'carol, once she joined',
  );
});

test('a link preview arrives as an update; its author removes it', async () => {
  const { a, b, channelId } = await pair();
  const roomA = await watchRoom(a, channelId);
  const roomB = await watchRoom(b, channelId);
  const sent = await roomA.send({ type: 'text', text: `read ${pageOrigin}/article` });
  const previewAt = (messages: Message[]) => messages.find((m) => m.id === sent.id)?.preview;
  await until(roomB.$messages, (m) => previewAt(m)?.title === 'An article', 10_000, 'the preview at bob');
  assert.equal(previewAt(roomB.$messages.get())?.url, `${pageOrigin}/article`);

  await assert.rejects(
    roomB.removePreview(sent.id),
    (error: unknown) => error instanceof ConfabError && error.status === 403,
  );
  const removed = await roomA.removePreview(sent.id);
  assert.equal(removed.preview ?? null, null);
  assert.equal(previewAt(roomA.$messages.get()) ?? null, null, 'applied at once, like an edit');
  await until(roomB.$messages, (m) => (previewAt(m) ?? null) === null, 10_000, 'the removal at bob');
});
