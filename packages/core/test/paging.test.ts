import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatClient } from '../src/index.js';
import { assertContiguous, keys } from './support/compare.js';
import { gatedFetch } from './support/gated-fetch.js';
import { useHarness } from './support/harness.js';
import { createChannel, editMessage, fullHistory, postMany, postMessage, registerUser } from './support/rest.js';
import { until, waitFor } from './support/wait-for.js';

const h = await useHarness({ CONFAB_SEND_RATE: '1000' });
const url = h.server.url;

/** A channel with `count` messages by a poster, and a reader who joined it. */
async function seeded(count = 130) {
  const poster = await registerUser(url, 'poster');
  const reader = await registerUser(url, 'reader');
  const channel = await createChannel(url, poster, [reader]);
  await postMany(url, poster, channel.id, count);
  return { poster, reader, channelId: channel.id, history: await fullHistory(url, poster, channel.id) };
}

/** Observes a room and waits for its first page. */
async function openRoom(client: ChatClient, channelId: string) {
  const room = client.channel(channelId);
  h.observe(room.$messages);
  await until(room.$messages, (m) => m.length > 0, 10_000, 'the first page');
  await until(room.$loading, (loading) => !loading);
  return room;
}

test('observing a room loads the newest page; loadOlder walks back to the first message', async () => {
  const { reader, channelId, history } = await seeded();
  assert.equal(history.length, 130);
  const room = await openRoom(await h.signIn(reader), channelId);

  const first = room.$messages.get();
  assert.ok(first.length >= 20 && first.length <= 100, `a page of ${first.length}`);
  assert.deepEqual(keys(first), keys(history.slice(-first.length)));
  assert.equal(room.$hasOlder.get(), true);
  assert.equal(room.$hasNewer.get(), false);

  let pages = 0;
  for (let more = true; more; pages++) {
    more = await room.loadOlder();
    assert.equal(more, room.$hasOlder.get());
    assert.equal(room.$loading.get(), false);
    assertContiguous(room.$messages.get(), history);
    assert.ok(pages < 10, 'loadOlder keeps saying there is more');
  }
  assert.deepEqual(room.$messages.get(), history);
  assert.equal(await room.loadOlder(), false, 'nothing older at the start');
  assert.deepEqual(room.$messages.get(), history);
});

test('jumpTo a middle message, then loadNewer reaches the end contiguously and goes live', async () => {
  const { poster, reader, channelId, history } = await seeded();
  const room = await openRoom(await h.signIn(reader), channelId);
  const target = history[40]!;

  await room.jumpTo(target.id);
  const around = room.$messages.get();
  assert.ok(
    around.some((m) => m.id === target.id),
    'the page holds the message jumped to',
  );
  assertContiguous(around, history);
  assert.equal(room.$hasOlder.get(), true);
  assert.equal(room.$hasNewer.get(), true);

  for (let more = true, pages = 0; more; pages++) {
    more = await room.loadNewer();
    assert.equal(more, room.$hasNewer.get());
    assertContiguous(room.$messages.get(), history);
    assert.ok(pages < 10, 'loadNewer keeps saying there is more');
  }
  const window = room.$messages.get();
  const start = assertContiguous(window, history);
  assert.equal(start + window.length, history.length, 'the window ends at the newest message');
  assert.ok(start <= 40, 'the message jumped to is still loaded');

  const live = await postMessage(url, poster, channelId, 'after the jump');
  await until(room.$messages, (m) => m.at(-1)?.id === live.id, 10_000, 'the live message at the end');
  assertContiguous(room.$messages.get(), [...history, live]);
});

test('a small windowSize keeps the window bounded; loadOlder after trimming the old end still works', async () => {
  const { reader, channelId, history } = await seeded();
  const room = await openRoom(await h.signIn(reader, { windowSize: 60 }), channelId);

  await room.jumpTo(history[20]!.id);
  for (let more = true, pages = 0; more; pages++) {
    more = await room.loadNewer();
    assert.ok(room.$messages.get().length <= 60, `${room.$messages.get().length} messages loaded`);
    assertContiguous(room.$messages.get(), history);
    assert.ok(pages < 10, 'loadNewer keeps saying there is more');
  }
  const bottom = room.$messages.get();
  assert.equal(assertContiguous(bottom, history) + bottom.length, history.length, 'at the newest end');
  assert.equal(room.$hasOlder.get(), true, 'the old end was trimmed');

  for (let more = true, pages = 0; more; pages++) {
    more = await room.loadOlder();
    assert.ok(room.$messages.get().length <= 60, `${room.$messages.get().length} messages loaded`);
    assertContiguous(room.$messages.get(), history);
    assert.ok(pages < 10, 'loadOlder keeps saying there is more');
  }
  assert.equal(room.$messages.get()[0]?.id, history[0]!.id, 'back at the first message');
});

test('a small windowSize: live messages trim the old end, and loadOlder continues from the trimmed edge', async () => {
  const { poster, reader, channelId, history } = await seeded(55);
  const room = await openRoom(await h.signIn(reader, { windowSize: 60 }), channelId);
  const live = await postMany(url, poster, channelId, 20, 'live');
  const all = [...history, ...live];
  await until(room.$messages, (m) => m.at(-1)?.id === live.at(-1)!.id, 10_000, 'the live messages');
  const window = room.$messages.get();
  assert.ok(window.length <= 60, `${window.length} messages loaded`);
  assert.equal(assertContiguous(window, all) + window.length, all.length);
  assert.equal(room.$hasOlder.get(), true);

  while (await room.loadOlder()) assertContiguous(room.$messages.get(), all);
  assertContiguous(room.$messages.get(), all);
  assert.equal(room.$messages.get()[0]?.id, all[0]!.id, 'back at the first message');
});

test('a small windowSize: loadNewer after loadOlder trimmed the new end reaches the newest message', async () => {
  const { reader, channelId, history } = await seeded();
  const room = await openRoom(await h.signIn(reader, { windowSize: 60 }), channelId);
  while (await room.loadOlder()) assert.ok(room.$messages.get().length <= 60);
  assert.equal(room.$messages.get()[0]?.id, history[0]!.id);
  assert.equal(room.$hasNewer.get(), true, 'the new end was trimmed');

  for (let more = true, pages = 0; more; pages++) {
    more = await room.loadNewer();
    assert.ok(room.$messages.get().length <= 60, `${room.$messages.get().length} messages loaded`);
    assertContiguous(room.$messages.get(), history);
    assert.ok(pages < 10, 'loadNewer keeps saying there is more');
  }
  const window = room.$messages.get();
  assert.equal(room.$hasNewer.get(), false, '$hasNewer still true after loadNewer said there is no more');
  assert.equal(assertContiguous(window, history) + window.length, history.length, 'at the newest end');
});

test('messages created or edited while loadOlder is in flight are kept', async () => {
  const { poster, reader, channelId, history } = await seeded(80);
  const gate = gatedFetch((request) => new URL(request.url).searchParams.has('before'));
  const room = await openRoom(await h.signIn(reader, { fetch: gate.fetch }), channelId);
  assert.equal(room.$hasOlder.get(), true);

  const older = room.loadOlder();
  await waitFor(() => gate.waiting === 1, 5_000, 'the older page request at the gate');
  const live = await postMessage(url, poster, channelId, 'arrived during loadOlder');
  const target = history.at(-1)!;
  await editMessage(url, poster, target.id, 'edited during loadOlder');
  await until(room.$messages, (m) => m.at(-1)?.id === live.id, 10_000, 'the live message');
  await until(room.$messages, (m) => m.find((x) => x.id === target.id)?.editedAt != null, 10_000, 'the live edit');

  gate.open();
  await older;
  const window = room.$messages.get();
  assert.equal(window.at(-1)?.id, live.id, 'the message that arrived meanwhile is still there');
  assert.deepEqual(
    window.find((m) => m.id === target.id)?.body,
    { type: 'text', text: 'edited during loadOlder' },
    'the edit made meanwhile is still there',
  );
  assertContiguous(window, await fullHistory(url, poster, channelId));
});
