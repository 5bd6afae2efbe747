import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { type ConfabError, isMentioned, type Message } from '@confab/core';
import { type ChatFixture, createFixtureClient, fixtureUser } from '@confab/core/fixtures';
import { waitFor } from './support/wait-for.js';

const alice = fixtureUser('alice');
const bob = fixtureUser('bob');
const zoe = fixtureUser('zed', { displayName: 'Zoë Adams' });
const emile = fixtureUser('emile', { displayName: 'Émile' });
/** Lets the client apply what it was handed (events are applied in order, a microtask later). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function start(t: TestContext, fixture: Partial<ChatFixture> = {}) {
  const made = createFixtureClient({
    me: alice,
    channels: [
      {
        name: 'general',
        unread: 2,
        members: [alice, bob, zoe, emile],
        messages: [
          { author: bob, text: 'old news @alice', mentions: [alice] },
          {
            author: bob,
            body: {
              type: 'file',
              uploadId: 'u1',
              name: 'notes.pdf',
              size: 2048,
              contentType: 'application/pdf',
              url: 'api/v1/uploads/u1/content?expires=1&signature=abcdefghijklmnop',
            },
          },
          { author: bob, text: 'hey @channel', mentionsChannel: true },
        ],
      },
      { name: 'random', messages: [] },
    ],
    ...fixture,
  });
  t.after(() => made.close());
  return made;
}

test('fixture messages carry file bodies, mentions and previews, their links resolved as a server’s are', async (t) => {
  const fixture = start(t);
  const room = fixture.client.channel('channel-general');
  const [first, file, everyone] = room.$messages.get();
  assert.deepEqual(first?.mentions, [alice.id]);
  assert.equal(everyone?.mentionsChannel, true);
  assert.equal(
    file?.body?.type === 'file' && file.body.url,
    'https://fixture.invalid/api/v1/uploads/u1/content?expires=1&signature=abcdefghijklmnop',
  );

  const preview = {
    url: 'https://example.com/a',
    title: 'A page',
    description: 'What it says',
    imageUrl: null,
    siteName: 'Example',
  };
  const stop = room.$messages.listen(() => {});
  fixture.preview('general', first!.id, preview);
  await settled();
  assert.deepEqual(room.$messages.get()[0]?.preview, preview);
  fixture.preview('general', first!.id, null);
  await settled();
  assert.equal(room.$messages.get()[0]?.preview, null);
  stop();
});

test('unread mentions: counted from the fixture, by mention frames once per message, cleared by reading', async (t) => {
  const fixture = start(t);
  const { client } = fixture;
  const stopList = client.$channels.listen(() => {});
  const general = () => client.$channels.get().find((c) => c.name === 'general')!;
  assert.equal(general().unreadMentionCount, 1, 'of the two unread messages, one mentions @channel');

  const heard: Message[] = [];
  const stopHearing = client.onMention((message) => heard.push(message));
  const mention = fixture.receive('random', { author: bob, text: '@alice look', mentions: [alice], id: 'm-look' });
  fixture.receive('random', { author: bob, text: '@alice look', mentions: [alice], id: 'm-look' }); // once more
  fixture.receive('random', { author: alice, text: 'me, @alice', mentions: [alice] }); // my own
  fixture.receive('random', { author: bob, text: 'not you' });
  await settled();
  const random = client.$channels.get().find((c) => c.name === 'random')!;
  assert.equal(random.unreadMentionCount, 1);
  assert.equal(random.unreadCount, 3, 'each event counts as unread; the mention frame adds no unread message');
  assert.deepEqual(
    heard.map((m) => m.id),
    [mention.id],
  );

  client.channel('channel-random').markRead();
  assert.equal(client.$channels.get().find((c) => c.name === 'random')?.unreadMentionCount, 0);

  const stopKeeping = client.channel('channel-general').keepRead();
  await settled();
  assert.equal(general().unreadMentionCount, 0);
  fixture.receive('general', { author: bob, text: '@alice while open', mentions: [alice] });
  await settled();
  assert.equal(general().unreadMentionCount, 0, 'a channel kept read counts no mention');
  assert.equal(heard.length, 2, 'but its mention is still heard, for notifications');

  stopKeeping();
  stopHearing();
  fixture.receive('general', { author: bob, text: '@alice unheard', mentions: [alice] });
  await settled();
  assert.equal(general().unreadMentionCount, 1);
  assert.equal(heard.length, 2, 'a stopped listener hears nothing');
  stopList();
});

test('isMentioned: by id or @channel, never for your own message, never signed out', () => {
  const message = (fields: Partial<Message>): Message => ({
    id: 'm',
    channelId: 'c',
    seq: 1,
    clientMessageId: 'c1',
    author: bob,
    body: { type: 'text', text: 'hi' },
    parentId: null,
    replyCount: 0,
    lastReplyAt: null,
    reactions: [],
    createdAt: '2025-01-06T09:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    ...fields,
  });
  assert.equal(isMentioned(message({ mentions: [alice.id] }), alice), true);
  assert.equal(isMentioned(message({ mentionsChannel: true }), alice), true);
  assert.equal(isMentioned(message({ mentions: [zoe.id] }), alice), false);
  assert.equal(isMentioned(message({}), alice), false);
  assert.equal(isMentioned(message({ author: alice, mentions: [alice.id], mentionsChannel: true }), alice), false);
  assert.equal(isMentioned(message({ mentions: [alice.id] }), null), false);
});

test('a fake upload reports progress in quarters and resolves; sendFiles sends the text, then it', async (t) => {
  const fixture = start(t);
  const room = fixture.client.channel('channel-general');
  const stop = room.$messages.listen(() => {});
  const progress: number[] = [];
  const file = new File(['%PDF-1.4 fake'], 'slides.pdf', { type: 'application/pdf' });
  const upload = await room.upload(file, { onProgress: (loaded, total) => progress.push(loaded / total) });
  assert.deepEqual(progress, [0.25, 0.5, 0.75, 1]);
  assert.equal(upload.name, 'slides.pdf');
  assert.equal(upload.contentType, 'application/pdf');
  assert.equal(upload.size, file.size);
  assert.match(upload.url, /^https:\/\/fixture\.invalid\/api\/v1\/uploads\/upload-1\/content\?/);

  const overall: number[] = [];
  const png = new Blob([new Uint8Array(40)], { type: 'image/png' });
  const sent = room.sendFiles([file, png], {
    text: 'two files',
    onProgress: (loaded, total) => overall.push(Math.round((loaded / total) * 100) / 100),
  });
  await waitFor(() => room.$messages.get().filter((m) => m.pending).length === 3, 5_000, 'three local echoes');
  assert.equal(overall.at(-1), 1);
  assert.deepEqual(
    overall,
    [...overall].sort((a, b) => a - b),
    'progress only grows',
  );
  const echoes = room.$messages.get().filter((m) => m.pending);
  assert.deepEqual(
    echoes.map((m) => m.body?.type),
    ['text', 'file', 'image'],
  );
  const echoed = echoes[1]?.body;
  assert.ok(echoed?.type === 'file');
  assert.equal(echoed.name, 'slides.pdf');
  assert.match(echoed.url ?? '', /^https:\/\/fixture\.invalid\//, 'the echo shows the file before the server has it');

  for (let i = 0; i < 3; i++) fixture.acknowledge('general');
  const messages = await sent;
  assert.deepEqual(
    messages.map((m) => m.body?.type),
    ['text', 'file', 'image'],
  );
  const image = messages[2]?.body;
  assert.ok(image?.type === 'image');
  assert.equal(image.uploadId, 'upload-3');
  assert.equal(image.size, 40);
  assert.match(image.url ?? '', /^https:\/\/fixture\.invalid\/api\/v1\/uploads\/upload-3\/content\?/);
  stop();
});

test('a fake upload can stall until cancelled, or be refused', async (t) => {
  const fixture = start(t, { uploads: { stall: true } });
  const room = fixture.client.channel('channel-general');
  const progress: number[] = [];
  const controller = new AbortController();
  const file = new Blob(['x'.repeat(100)], { type: 'text/plain' });
  const sending = room.sendFiles([file], {
    text: 'never',
    signal: controller.signal,
    onProgress: (loaded) => progress.push(loaded),
  });
  await waitFor(() => progress.length === 2, 5_000, 'half the file');
  assert.deepEqual(progress, [25, 50]);
  controller.abort();
  await assert.rejects(sending, (error: Error) => error.name === 'AbortError');
  assert.equal(
    room.$messages.get().some((m) => m.pending),
    false,
    'nothing is sent when an upload is cancelled',
  );

  fixture.setUploads({ refuse: { code: 'payload_too_large', detail: 'Over 10 MB.' } });
  await assert.rejects(
    room.upload(file),
    (error: unknown) =>
      (error as ConfabError).name === 'ConfabError' && // the fixtures' copy (dist), not src's class
      (error as ConfabError).code === 'payload_too_large' &&
      (error as ConfabError).status === 413 &&
      (error as ConfabError).detail === 'Over 10 MB.',
  );
});

test('searchMembers finds the channel’s members by prefix, ignoring case and accents, never you', async (t) => {
  const fixture = start(t);
  const room = fixture.client.channel('channel-general');
  assert.deepEqual(
    (await room.searchMembers('')).map((u) => u.username),
    ['bob', 'zed', 'emile'],
  );
  assert.deepEqual(
    (await room.searchMembers('ZOE')).map((u) => u.username),
    ['zed'],
    'Zoë by display name, without the accent',
  );
  assert.deepEqual(
    (await room.searchMembers('Émi')).map((u) => u.username),
    ['emile'],
    'emile by username, the accent typed',
  );
  assert.deepEqual(
    (await room.searchMembers('al')).map((u) => u.username),
    [],
  );
  assert.deepEqual(
    (await room.searchMembers('', 1)).map((u) => u.username),
    ['bob'],
  );
});
