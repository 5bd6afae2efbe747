import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useHarness } from './support/harness.js';
import { memoryStorage } from './support/memory-storage.js';
import { createChannel, registerUser } from './support/rest.js';

const h = await useHarness();
const url = h.server.url;

test('drafts are per channel and per thread, kept in storage for the next client of the same user only', async () => {
  const alice = await registerUser(url, 'alice');
  const bob = await registerUser(url, 'bob');
  const general = await createChannel(url, alice, [bob]);
  const random = await createChannel(url, alice, [bob]);
  const draftStorage = memoryStorage();

  const first = await h.signIn(alice, { draftStorage });
  const channelDraft = first.channel(general.id).draft();
  const texts: string[] = [];
  const stop = channelDraft.$text.subscribe((text) => texts.push(text));
  channelDraft.set('for #general');
  first.channel(general.id).draft('parent-1').set('for a thread');
  assert.equal(first.channel(general.id).draft(), channelDraft, 'the same draft for the same channel');
  assert.equal(first.channel(random.id).draft().$text.get(), '', 'another channel has its own draft');
  assert.equal(first.channel(general.id).draft('parent-2').$text.get(), '', 'another thread has its own draft');
  assert.deepEqual(texts, ['', 'for #general']);
  stop();

  const reloaded = await h.signIn(alice, { draftStorage });
  assert.equal(reloaded.channel(general.id).draft().$text.get(), 'for #general', 'it survives a new client');
  assert.equal(reloaded.channel(general.id).draft('parent-1').$text.get(), 'for a thread');
  reloaded.channel(general.id).draft('parent-1').clear();
  assert.equal((await h.signIn(alice, { draftStorage })).channel(general.id).draft('parent-1').$text.get(), '');

  const other = await h.signIn(bob, { draftStorage });
  assert.equal(other.channel(general.id).draft().$text.get(), '', "bob does not get alice's draft");

  await reloaded.logout();
  assert.equal(reloaded.channel(general.id).draft().$text.get(), '');
  assert.equal(
    (await h.signIn(alice, { draftStorage })).channel(general.id).draft().$text.get(),
    '',
    'signing out cleared them',
  );
});

test('without a storage, drafts live in memory for as long as the client', async () => {
  const alice = await registerUser(url, 'alice');
  const channelId = (await createChannel(url, alice)).id;
  const client = await h.signIn(alice);
  client.channel(channelId).draft().set('kept in memory');
  assert.equal(client.channel(channelId).draft().$text.get(), 'kept in memory');
  assert.equal((await h.signIn(alice)).channel(channelId).draft().$text.get(), '');
});
