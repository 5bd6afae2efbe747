// Roles and moderation (issue 14) on SQLite and PostgreSQL: roles and the outrank rule, the last owner,
// mutes over REST and the socket, bans (reads, joins, adds, and the banned user's sockets), channel
// settings, moderators' deletions, `@channel`, administrators (CONFAB_ADMINS and the host-token claim), the
// audit log, and the events a client that reconnects recovers from the log.
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { type TestContext, test } from 'node:test';
import { type CheckContext, expectProblem, expectStatus, type KitUser, newClientId } from '@confab/conformance';
import type {
  AuditPage,
  AuthSession,
  BanPage,
  Channel,
  ChannelPage,
  EventPage,
  Me,
  Member,
  MemberEventData,
  Message,
} from '@confab/protocol';
import type { ServerConfig } from '../src/index.js';
import { kitFor } from './support/kit.js';
import { adminUrl, postgresReachable, testDatabase } from './support/postgres.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const ADMIN = `admin_${randomBytes(4).toString('hex')}`;
const limits: Partial<ServerConfig> = { sendRate: 1000, writeRate: 1000, admins: [ADMIN] };
const text = (value: string) => ({ type: 'text' as const, text: value });
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

/** A host-app token for `sub`, HS256 with the deployment's secret, with any extra claims. */
function hostToken(secret: string, sub: string, extra: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub, name: sub, iat: now, exp: now + 600, ...extra })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** Registers (or signs in) a user with a chosen username. */
async function userNamed(kit: CheckContext, username: string): Promise<KitUser> {
  const password = `pw-${username}`;
  let reply = await kit.http.post<AuthSession>('/api/v1/auth/register', undefined, { username, password });
  if (reply.status === 409)
    reply = await kit.http.post<AuthSession>('/api/v1/auth/login', undefined, { username, password });
  const session = expectStatus(reply, [200, 201]);
  return { ...session.user, password, token: session.accessToken, refreshToken: session.refreshToken };
}

/** The scenarios, each against a server of `start`. */
async function scenarios(t: TestContext, server: TestServer): Promise<void> {
  await t.test(
    'roles: owners change roles, moderators do not; a member is acted on only by someone who outranks them',
    async (t) => {
      const { http, fixtures } = kitFor(server.url, t);
      const [owner, coOwner, mod, mod2, member] = await fixtures.users(5);
      const channel = await fixtures.channel(owner!, 'private', [coOwner!.id, mod!.id, mod2!.id, member!.id]);
      const member$ = (id: string) => `/api/v1/channels/${channel.id}/members/${id}`;
      expectStatus(await http.patch(member$(coOwner!.id), owner!.token, { role: 'owner' }), 200);
      for (const m of [mod!, mod2!])
        expectStatus(await http.patch(member$(m.id), owner!.token, { role: 'moderator' }), 200);
      // moderators mute and remove members, not each other nor owners, and change no roles
      expectProblem(await http.patch(member$(member!.id), mod!.token, { role: 'moderator' }), 403, 'forbidden');
      expectProblem(await http.patch(member$(mod2!.id), mod!.token, { mutedUntil: inAnHour() }), 403, 'forbidden');
      expectProblem(await http.patch(member$(mod!.id), mod!.token, { mutedUntil: inAnHour() }), 403, 'forbidden');
      expectProblem(await http.delete(member$(owner!.id), mod!.token), 403, 'forbidden');
      expectProblem(
        await http.put(`/api/v1/channels/${channel.id}/bans/${mod2!.id}`, mod!.token, {}),
        403,
        'forbidden',
      );
      expectStatus(await http.patch(member$(member!.id), mod!.token, { mutedUntil: inAnHour() }), 200);
      // an owner does not act on another owner; stepping down is one's own to do
      expectProblem(await http.patch(member$(coOwner!.id), owner!.token, { role: 'member' }), 403, 'forbidden');
      const stepped = expectStatus(
        await http.patch<Member>(member$(coOwner!.id), coOwner!.token, { role: 'member' }),
        200,
      );
      assert.equal(stepped.role, 'member');
      // the last owner cannot step down, and nothing changed
      expectProblem(await http.patch(member$(owner!.id), owner!.token, { role: 'moderator' }), 409, 'conflict');
      const members = expectStatus(
        await http.get<{ items: Member[] }>(`/api/v1/channels/${channel.id}/members`, owner!.token),
        200,
      );
      assert.deepEqual(
        members.items.filter((m) => m.role === 'owner').map((m) => m.user.id),
        [owner!.id],
      );
      // `minRole` lists the staff alone (for role badges in a large channel)
      const listed = async (minRole: string) =>
        expectStatus(
          await http.get<{ items: Member[] }>(`/api/v1/channels/${channel.id}/members?minRole=${minRole}`, mod!.token),
          200,
        )
          .items.map((m) => `${m.user.id} ${m.role}`)
          .sort();
      const staff = [`${owner!.id} owner`, `${mod!.id} moderator`, `${mod2!.id} moderator`].sort();
      assert.deepEqual(await listed('moderator'), staff, 'owners and moderators');
      assert.deepEqual(await listed('owner'), [`${owner!.id} owner`], 'owners');
      assert.equal((await listed('member')).length, 5, 'everyone');
      expectProblem(
        await http.get(`/api/v1/channels/${channel.id}/members?minRole=admin`, mod!.token),
        400,
        'invalid_request',
      );
      // a moderator removes a member (not themself as someone else would: leaving is `me`)
      expectStatus(await http.delete(member$(member!.id), mod!.token), 204);
      expectStatus(await http.delete(member$('me'), mod2!.token), 204);
    },
  );

  await t.test(
    'the events of role changes, mutes, bans and removals are in the log, for a client that reconnects',
    async (t) => {
      const { http, fixtures, openSocket } = kitFor(server.url, t);
      const [owner, mod, member, troll] = await fixtures.users(4);
      const channel = await fixtures.channel(owner!, 'public', [mod!.id, member!.id, troll!.id]);
      const head = expectStatus(await http.get<Channel>(`/api/v1/channels/${channel.id}`, owner!.token), 200).lastSeq;
      const path = `/api/v1/channels/${channel.id}`;
      const until = inAnHour();
      expectStatus(await http.patch(`${path}/members/${mod!.id}`, owner!.token, { role: 'moderator' }), 200);
      expectStatus(await http.patch(`${path}/members/${member!.id}`, mod!.token, { mutedUntil: until }), 200);
      expectStatus(await http.patch(`${path}/members/${member!.id}`, mod!.token, { mutedUntil: null }), 200);
      expectStatus(await http.put(`${path}/bans/${troll!.id}`, mod!.token, { reason: 'spam', until }), 200);
      expectStatus(await http.delete(`${path}/bans/${troll!.id}`, mod!.token), 204);
      expectStatus(await http.delete(`${path}/members/${member!.id}`, mod!.token), 204);
      const page = expectStatus(
        await http.get<EventPage>(`${path}/events?afterSeq=${head}&limit=50`, owner!.token),
        200,
      );
      const shapes = page.items.map((e) => {
        const data = e.data as MemberEventData;
        return [
          e.kind,
          data.user.id,
          data.role,
          data.mutedUntil === undefined ? '-' : data.mutedUntil && 'set',
          data.by,
        ];
      });
      assert.deepEqual(shapes, [
        ['member:updated', mod!.id, 'moderator', null, owner!.id],
        ['member:updated', member!.id, 'member', 'set', mod!.id],
        ['member:updated', member!.id, 'member', null, mod!.id],
        ['member:banned', troll!.id, 'member', '-', mod!.id],
        ['member:unbanned', troll!.id, 'member', '-', mod!.id],
        ['member:left', member!.id, 'member', '-', mod!.id],
      ]);
      assert.equal(
        Date.parse((page.items[3]!.data as MemberEventData).until ?? ''),
        Date.parse(until),
        'the ban until',
      );
      // a socket that resubscribes after `head` gets the same events replayed
      const { socket } = await openSocket(owner!.token);
      socket.send({ type: 'subscribe', channels: [{ id: channel.id, afterSeq: head }] });
      await socket.waitFor('subscribed', (f) => f.channelId === channel.id);
      const replayed = socket.frames.filter((f) => f.type === 'event' && f.channelId === channel.id);
      assert.deepEqual(
        replayed.map((f) => f.type === 'event' && f.kind),
        page.items.map((e) => e.kind),
      );
    },
  );

  await t.test(
    'a ban: no reads (403 banned), no join, no add; its sockets stop hearing the channel at once',
    async (t) => {
      const { http, fixtures, openSocket } = kitFor(server.url, t);
      const [owner, troll, outsider] = await fixtures.users(3);
      const open = await fixtures.channel(owner!, 'public', [troll!.id]);
      const closed = await fixtures.channel(owner!, 'private', [troll!.id]);
      const lobby = await fixtures.channel(owner!, 'public', [troll!.id]);
      const { socket } = await openSocket(troll!.token);
      socket.send({ type: 'subscribe', channels: [open, closed, lobby].map((c) => ({ id: c.id })) });
      await socket.waitFor('subscribed', (f) => f.channelId === lobby.id);
      for (const channel of [open, closed]) {
        const ban = `/api/v1/channels/${channel.id}/bans/${troll!.id}`;
        expectStatus(await http.put(ban, owner!.token, { reason: 'trolling' }), 200);
        const banned = await socket.waitFor('event', (f) => f.channelId === channel.id && f.kind === 'member:banned');
        assert.equal((banned.data as MemberEventData).user.id, troll!.id);
        const ended = await socket.waitFor('unsubscribed', (f) => f.channelId === channel.id);
        assert.equal(ended.reason, 'removed');
      }
      const mark = socket.frames.length;
      for (const channel of [open, closed]) await fixtures.post(owner!, channel.id, 'after the ban');
      const barrier = await fixtures.post(owner!, lobby.id, 'barrier');
      await socket.waitFor('event', (f) => f.channelId === lobby.id && f.seq === barrier.seq);
      assert.deepEqual(
        socket.frames.slice(mark).filter((f) => 'channelId' in f && f.channelId !== lobby.id),
        [],
        'frames of the channels after the ban',
      );
      socket.send({ type: 'subscribe', channels: [{ id: open.id }] });
      assert.equal((await socket.waitFor('error', (f) => f.channelId === open.id)).code, 'banned');
      for (const channel of [open, closed]) {
        const path = `/api/v1/channels/${channel.id}`;
        expectProblem(await http.get(path, troll!.token), 403, 'banned');
        expectProblem(await http.get(`${path}/messages`, troll!.token), 403, 'banned');
        expectProblem(await http.put(`${path}/members/me`, troll!.token), 403, 'banned');
        expectProblem(await http.put(`${path}/members/${troll!.id}`, owner!.token), 403, 'banned');
        const message = (await fixtures.history(owner!, channel.id)).at(-1)!;
        expectProblem(await http.get(`/api/v1/messages/${message.id}`, troll!.token), 403, 'banned');
      }
      expectProblem(await http.get(`/api/v1/channels/${closed.id}`, outsider!.token), 404, 'not_found');
      const joined = expectStatus(await http.get<ChannelPage>('/api/v1/channels?limit=100', troll!.token), 200);
      assert.deepEqual(
        joined.items.map((c) => c.id),
        [lobby.id],
        'the banned user is a member of the lobby only',
      );
      // lifted: the user may join the public channel again, and be added to the private one
      for (const channel of [open, closed])
        expectStatus(await http.delete(`/api/v1/channels/${channel.id}/bans/${troll!.id}`, owner!.token), 204);
      expectStatus(await http.put(`/api/v1/channels/${open.id}/members/me`, troll!.token), 201);
      expectStatus(await http.put(`/api/v1/channels/${closed.id}/members/${troll!.id}`, owner!.token), 201);
    },
  );

  await t.test('a removal by a moderator ends the member’s subscription to a public channel too', async (t) => {
    const { http, fixtures, openSocket } = kitFor(server.url, t);
    const [owner, member] = await fixtures.users(2);
    const channel = await fixtures.channel(owner!, 'public', [member!.id]);
    const { socket } = await openSocket(member!.token);
    socket.send({ type: 'subscribe', channels: [{ id: channel.id }] });
    await socket.waitFor('subscribed', (f) => f.channelId === channel.id);
    expectStatus(await http.delete(`/api/v1/channels/${channel.id}/members/${member!.id}`, owner!.token), 204);
    const left = await socket.waitFor('event', (f) => f.kind === 'member:left');
    assert.equal((left.data as MemberEventData).by, owner!.id);
    assert.equal((await socket.waitFor('unsubscribed', (f) => f.channelId === channel.id)).reason, 'removed');
  });

  await t.test('bans in force are listed newest first, a page at a time, to moderators only', async (t) => {
    const { http, fixtures } = kitFor(server.url, t);
    const [owner, member, ...trolls] = await fixtures.users(5);
    const channel = await fixtures.channel(owner!, 'public', [member!.id]);
    for (const troll of trolls)
      expectStatus(await http.put(`/api/v1/channels/${channel.id}/bans/${troll.id}`, owner!.token, {}), 200);
    const bans = `/api/v1/channels/${channel.id}/bans`;
    expectProblem(await http.get(bans, member!.token), 403, 'forbidden');
    const first = expectStatus(await http.get<BanPage>(`${bans}?limit=2`, owner!.token), 200);
    assert.ok(first.nextCursor);
    const rest = expectStatus(await http.get<BanPage>(`${bans}?limit=2&cursor=${first.nextCursor}`, owner!.token), 200);
    assert.equal(rest.nextCursor, null);
    assert.deepEqual(
      [...first.items, ...rest.items].map((b) => b.user.id),
      [...trolls].reverse().map((u) => u.id),
    );
    expectProblem(await http.get(`${bans}?cursor=bogus`, owner!.token), 400, 'invalid_request');
  });

  await t.test(
    'a muted member reads but does not post, edit, react or type, over REST or the socket, until unmuted',
    async (t) => {
      const { http, fixtures, openSocket } = kitFor(server.url, t);
      const [owner, member] = await fixtures.users(2);
      const channel = await fixtures.channel(owner!, 'public', [member!.id]);
      const own = await fixtures.post(member!, channel.id, 'before the mute');
      const member$ = `/api/v1/channels/${channel.id}/members/${member!.id}`;
      const until = inAnHour();
      const muted = expectStatus(await http.patch<Member>(member$, owner!.token, { mutedUntil: until }), 200);
      assert.equal(Date.parse(muted.mutedUntil ?? ''), Date.parse(until));
      const seen = expectStatus(await http.get<Channel>(`/api/v1/channels/${channel.id}`, member!.token), 200);
      assert.equal(Date.parse(seen.mutedUntil ?? ''), Date.parse(until), "the channel shows the viewer's mute");
      const send = () => ({ clientMessageId: newClientId(), body: text('speaking') });
      expectProblem(await http.post(`/api/v1/channels/${channel.id}/messages`, member!.token, send()), 403, 'muted');
      expectProblem(
        await http.patch(`/api/v1/messages/${own.id}`, member!.token, { body: text('edited') }),
        403,
        'muted',
      );
      expectProblem(await http.put(`/api/v1/messages/${own.id}/reactions/%F0%9F%91%8D`, member!.token), 403, 'muted');
      expectStatus(await http.get(`/api/v1/channels/${channel.id}/messages`, member!.token), 200);
      const { socket } = await openSocket(member!.token);
      const listener = (await openSocket(owner!.token)).socket;
      listener.send({ type: 'subscribe', channels: [{ id: channel.id }] });
      await listener.waitFor('subscribed', (f) => f.channelId === channel.id);
      const ref = newClientId();
      socket.send({ type: 'send', channelId: channel.id, clientMessageId: ref, body: text('over the socket') });
      assert.equal((await socket.waitFor('error', (f) => f.ref === ref)).code, 'muted');
      socket.send({ type: 'typing', channelId: channel.id });
      assert.equal((await socket.waitFor('error', (f) => f.ref === 'typing')).code, 'muted');
      assert.equal((await fixtures.history(owner!, channel.id)).length, 1, 'nothing was stored');
      expectStatus(await http.patch(member$, owner!.token, { mutedUntil: null }), 200);
      const again = newClientId();
      socket.send({ type: 'send', channelId: channel.id, clientMessageId: again, body: text('free again') });
      await socket.waitFor('ack', (f) => f.clientMessageId === again);
      socket.send({ type: 'typing', channelId: channel.id });
      await listener.waitFor('typing', (f) => f.user.id === member!.id);
      assert.equal(
        listener.frames.filter((f) => f.type === 'typing').length,
        1,
        'the owner heard the member type once: after the mute, not during it',
      );
    },
  );

  await t.test(
    'settings: read-only takes posts from moderators only; archived from nobody; members see the flags',
    async (t) => {
      const { http, fixtures } = kitFor(server.url, t);
      const [owner, mod, member] = await fixtures.users(3);
      const channel = await fixtures.channel(owner!, 'public', [mod!.id, member!.id]);
      const path = `/api/v1/channels/${channel.id}`;
      const mine = await fixtures.post(member!, channel.id, 'mine');
      expectStatus(await http.patch(`${path}/members/${mod!.id}`, owner!.token, { role: 'moderator' }), 200);
      expectProblem(await http.patch(path, mod!.token, { readOnly: true }), 403, 'forbidden');
      const set = expectStatus(
        await http.patch<Channel>(path, owner!.token, { readOnly: true, membersCanPin: true }),
        200,
      );
      assert.deepEqual([set.readOnly, set.archived, set.membersCanPin], [true, false, true]);
      const post = (user: KitUser) =>
        http.post(`${path}/messages`, user.token, { clientMessageId: newClientId(), body: text('x') });
      expectProblem(await post(member!), 403, 'read_only');
      expectStatus(await post(mod!), 201);
      expectStatus(await http.patch(`/api/v1/messages/${mine.id}`, member!.token, { body: text('edit is fine') }), 200);
      expectStatus(await http.patch(path, owner!.token, { readOnly: false, archived: true }), 200);
      expectProblem(await post(owner!), 403, 'read_only');
      expectProblem(
        await http.patch(`/api/v1/messages/${mine.id}`, member!.token, { body: text('no') }),
        403,
        'read_only',
      );
      expectProblem(
        await http.put(`/api/v1/messages/${mine.id}/reactions/%F0%9F%91%8D`, owner!.token),
        403,
        'read_only',
      );
      expectStatus(await http.get(`${path}/messages`, member!.token), 200);
      expectStatus(await http.patch(path, owner!.token, { archived: false }), 200);
      expectStatus(await post(member!), 201);
      const audit = expectStatus(await http.get<AuditPage>(`${path}/audit`, owner!.token), 200);
      assert.deepEqual(
        audit.items.filter((e) => e.action === 'channel.updated').map((e) => e.details),
        [{ archived: false }, { readOnly: false, archived: true }, { readOnly: true, membersCanPin: true }],
      );
    },
  );

  await t.test("moderators delete anyone's message (deletedBy, audited); authors still delete their own", async (t) => {
    const { http, fixtures } = kitFor(server.url, t);
    const [owner, mod, member] = await fixtures.users(3);
    const channel = await fixtures.channel(owner!, 'public', [mod!.id, member!.id]);
    expectStatus(
      await http.patch(`/api/v1/channels/${channel.id}/members/${mod!.id}`, owner!.token, { role: 'moderator' }),
      200,
    );
    const theirs = await fixtures.post(member!, channel.id, 'rude');
    const own = await fixtures.post(member!, channel.id, 'oops');
    const byMod = await fixtures.post(mod!, channel.id, 'a moderator speaks');
    expectProblem(await http.delete(`/api/v1/messages/${byMod.id}`, member!.token), 403, 'forbidden');
    const removed = expectStatus(await http.delete<Message>(`/api/v1/messages/${theirs.id}`, mod!.token), 200);
    assert.deepEqual([removed.body, removed.deletedBy], [null, mod!.id]);
    const deleted = expectStatus(await http.delete<Message>(`/api/v1/messages/${own.id}`, member!.token), 200);
    assert.equal(deleted.deletedBy, member!.id);
    const audit = expectStatus(await http.get<AuditPage>(`/api/v1/channels/${channel.id}/audit`, mod!.token), 200);
    assert.deepEqual(
      audit.items.map((e) => [e.action, e.actor.id, e.target?.id, e.messageId]),
      [
        ['message.deleted', mod!.id, member!.id, theirs.id],
        ['member.role_changed', owner!.id, mod!.id, null],
      ],
      "the author's own deletion is not in the audit log",
    );
  });

  await t.test('@channel is for owners and moderators; from a member it is plain text', async (t) => {
    const { http, fixtures } = kitFor(server.url, t);
    const [owner, mod, member] = await fixtures.users(3);
    const channel = await fixtures.channel(owner!, 'public', [mod!.id, member!.id]);
    expectStatus(
      await http.patch(`/api/v1/channels/${channel.id}/members/${mod!.id}`, owner!.token, { role: 'moderator' }),
      200,
    );
    const said = async (user: KitUser) => (await fixtures.post(user, channel.id, 'hear ye @channel')).mentionsChannel;
    assert.deepEqual([await said(owner!), await said(mod!), await said(member!)], [true, true, false]);
    const page = expectStatus(await http.get<ChannelPage>('/api/v1/channels?limit=100', member!.token), 200);
    assert.equal(page.items.find((c) => c.id === channel.id)?.unreadMentionCount, 2);
  });

  await t.test(
    'administrators: CONFAB_ADMINS and the confab_admin claim; they moderate any channel but direct ones',
    async (t) => {
      const kit = kitFor(server.url, t);
      const { http, fixtures, openSocket } = kit;
      const [owner, member, other] = await fixtures.users(3);
      const closed = await fixtures.channel(owner!, 'private', [member!.id]);
      const direct = expectStatus(
        await http.post<Channel>('/api/v1/channels', owner!.token, { visibility: 'direct', userId: other!.id }),
        201,
      );
      const listed = await userNamed(kit, ADMIN);
      const claimed = hostToken(server.jwtSecret, `host-admin-${randomBytes(3).toString('hex')}`, {
        confab_admin: true,
      });
      const plainHost = hostToken(server.jwtSecret, `host-user-${randomBytes(3).toString('hex')}`, {
        confab_admin: 'yes',
      });
      assert.equal(expectStatus(await http.get<Me>('/api/v1/me', listed.token), 200).admin, true);
      assert.equal(expectStatus(await http.get<Me>('/api/v1/me', claimed), 200).admin, true);
      assert.equal(expectStatus(await http.get<Me>('/api/v1/me', plainHost), 200).admin, false);
      assert.equal(expectStatus(await http.get<Me>('/api/v1/me', member!.token), 200).admin, false);
      expectProblem(await http.get(`/api/v1/channels/${closed.id}/audit`, plainHost), 404, 'not_found');
      for (const token of [listed.token, claimed]) {
        const path = `/api/v1/channels/${closed.id}`;
        expectStatus(await http.get(`${path}/messages`, token), 200);
        expectStatus(await http.patch(`${path}/members/${member!.id}`, token, { mutedUntil: inAnHour() }), 200);
        expectStatus(await http.get(`${path}/bans`, token), 200);
        expectStatus(await http.get(`${path}/audit`, token), 200);
        expectProblem(await http.get(`/api/v1/channels/${direct.id}`, token), 404, 'not_found');
      }
      // an administrator outranks an owner, who cannot act on them
      expectStatus(await http.put(`/api/v1/channels/${closed.id}/members/${listed.id}`, owner!.token), 201);
      expectProblem(
        await http.delete(`/api/v1/channels/${closed.id}/members/${listed.id}`, owner!.token),
        403,
        'forbidden',
      );
      const claimedId = expectStatus(await http.get<Me>('/api/v1/me', claimed), 200).id;
      expectStatus(
        await http.patch(`/api/v1/channels/${closed.id}/members/${owner!.id}`, claimed, { role: 'moderator' }),
        409,
      );
      expectStatus(
        await http.put(`/api/v1/channels/${closed.id}/bans/${owner!.id}`, claimed, { reason: 'admin says' }),
        200,
      );
      // the claim holds on the socket too (the ticket remembers it)
      const { socket } = await openSocket(claimed);
      socket.send({ type: 'subscribe', channels: [{ id: closed.id }] });
      await socket.waitFor('subscribed', (f) => f.channelId === closed.id);
      const audit = expectStatus(await http.get<AuditPage>(`/api/v1/channels/${closed.id}/audit`, listed.token), 200);
      assert.equal(audit.items[0]?.action, 'member.banned');
      assert.equal(audit.items[0]?.actor.id, claimedId);
    },
  );
}

test('moderation on SQLite', async (t) => {
  const server = await startTestServer(limits, t);
  await scenarios(t, server);
});

const pgReachable = await postgresReachable();

test('moderation on PostgreSQL', { skip: !pgReachable && `PostgreSQL is not reachable at ${adminUrl}` }, async (t) => {
  const database = await testDatabase(t);
  await scenarios(t, await database.start(limits));
});
