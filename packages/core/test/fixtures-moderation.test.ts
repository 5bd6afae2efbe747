import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { createFixtureClient, fixtureUser } from '../src/fixtures.js';
import { type ConfabError, can, postBlocker } from '../src/index.js';
import { until } from './support/wait-for.js';

const alice = fixtureUser('alice');
const bob = fixtureUser('bob');
const carol = fixtureUser('carol');
const dan = fixtureUser('dan');

/** A channel Alice moderates, with roles, a mute, a ban, an audit log, reports, a pin and a block. */
function moderated(t: TestContext, search: 'results' | 'loading' | 'error' = 'results') {
  const fixture = createFixtureClient({
    me: alice,
    blocked: [dan],
    search,
    channels: [
      {
        name: 'general',
        role: 'moderator',
        roles: { bob: 'owner' },
        muted: { carol: '2099-01-01T00:00:00.000Z' },
        bans: [{ user: dan, reason: 'spam', by: bob }],
        audit: [{ action: 'member.banned', actor: bob, target: dan, reason: 'spam' }],
        reports: [{ message: 1, reporter: carol, reason: 'rude' }],
        messages: [
          { author: bob, text: 'The release café opens on Thursday', pinned: { by: bob } },
          { author: carol, text: 'Release notes are late again' },
          { author: bob, text: 'Lunch?' },
        ],
      },
      { name: 'design', messages: [{ author: carol, text: 'A release of the icons' }] },
    ],
  });
  t.after(() => fixture.close());
  return fixture;
}

test('a fixture answers members with roles and mutes, bans, the audit log, reports and blocks', async (t) => {
  const { client, channelId } = moderated(t);
  const room = client.channel(channelId('general'));
  const stop = room.$members.listen(() => {});
  t.after(stop);
  const members = await until(room.$members, (m) => m.length === 3, 2000, 'the members');
  assert.deepEqual(
    members.map((m) => [m.user.username, m.role, m.mutedUntil ?? null]),
    [
      ['alice', 'moderator', null],
      ['bob', 'owner', null],
      ['carol', 'member', '2099-01-01T00:00:00.000Z'],
    ],
  );
  assert.deepEqual(
    (await room.bans()).items.map((b) => [b.user.id, b.reason, b.bannedBy.id]),
    [[dan.id, 'spam', bob.id]],
  );
  assert.equal((await room.auditLog()).items[0]?.action, 'member.banned');
  const reports = await room.reports();
  assert.equal(
    reports.items[0]?.message.body?.type === 'text' && reports.items[0].message.body.text,
    'Release notes are late again',
  );
  assert.deepEqual(await until(client.$blocked, (b) => b.length === 1), [dan.id]);
});

test('moderation through a fixture changes its stores as a server would (events included)', async (t) => {
  const { client, channelId } = moderated(t);
  const room = client.channel(channelId('general'));
  t.after(room.$members.listen(() => {}));
  t.after(room.$pins.listen(() => {}));
  await until(room.$members, (m) => m.length === 3);
  await until(room.$pins, (p) => p.length === 1);

  await room.mute(bob.id, '2099-02-01T00:00:00.000Z');
  assert.equal(room.$members.get().find((m) => m.user.id === bob.id)?.mutedUntil, '2099-02-01T00:00:00.000Z');
  await room.ban(carol.id, { reason: 'again' });
  assert.deepEqual(
    room.$members.get().map((m) => m.user.id),
    [alice.id, bob.id],
  );
  assert.equal((await room.auditLog()).items[0]?.action, 'member.banned');
  const third = room.$messages.get()[2]!;
  await room.pin(third.id);
  assert.deepEqual(
    room.$pins.get().map((m) => m.id),
    [third.id, room.$messages.get()[0]!.id],
    'the newest pin first',
  );
  assert.ok(room.$messages.get()[2]!.pinnedAt, 'the message shows as pinned');
  await room.unpin(third.id);
  assert.equal(room.$pins.get().length, 1);
  const updated = await room.update({ readOnly: true });
  assert.equal(updated.readOnly, true);
  const listed = client.$channels.get().find((c) => c.id === channelId('general'));
  assert.equal(listed?.readOnly, true);
  assert.equal(postBlocker(listed, client.$me.get()), null, 'a moderator still posts in a read-only channel');
  assert.equal(can('post', listed, client.$me.get()), true);
  await client.unblock(dan.id);
  assert.deepEqual(client.$blocked.get(), []);
});

test('a fixture searches its messages, with highlights, across channels or in one, page by page', async (t) => {
  const { client, channelId } = moderated(t);
  const all = await client.search('release', { limit: 2 });
  assert.equal(all.items.length, 2);
  assert.ok(all.nextCursor);
  const rest = await client.search('release', { limit: 2, before: all.nextCursor! });
  const hits = [...all.items, ...rest.items];
  assert.equal(hits.length, 3);
  assert.equal(rest.nextCursor, null);
  for (const hit of hits) {
    const marked = hit.highlights.map((h) => hit.snippet.slice(h.start, h.end).toLowerCase());
    assert.deepEqual(marked, ['release']);
  }
  const one = await client.channel(channelId('general')).search('cafe');
  assert.deepEqual(
    one.items.map((h) => h.snippet.slice(h.highlights[0]!.start, h.highlights[0]!.end)),
    ['café'],
    'accents ignored',
  );
});

test('a fixture search can fail', async (t) => {
  const { client } = moderated(t, 'error');
  await assert.rejects(client.search('release'), (error: ConfabError) => error.code === 'unavailable');
});
