import type { AuditPage, Ban, BanPage, Channel, EventPage, Member, MemberPage, Message } from '@confab/protocol';
import { ensure, expectProblem, expectStatus, sameJson } from '../assert.js';
import type { Check } from '../check.js';
import { newClientId } from '../fixtures.js';
import { text } from './support.js';

const area = 'moderation';
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

/** Roles, bans, mutes, channel settings and the audit log (optional). */
export const moderationChecks: Check[] = [
  {
    id: 'moderation.roles',
    area,
    title:
      "the owner makes a moderator, listed with the owner by minRole=moderator, who removes a member's message and the member but not the owner; the last owner cannot step down (409)",
    required: false,
    contract:
      'confab.yaml › updateMember, listMembers (minRole), removeMember, deleteMessage; Role; EventKind member:updated',
    async run({ http, fixtures }) {
      const [owner, mod, member] = await fixtures.users(3);
      const channel = await fixtures.channel(owner!, 'public', [mod!.id, member!.id]);
      const path = `/api/v1/channels/${channel.id}/members`;
      const promoted = expectStatus(
        await http.patch<Member>(`${path}/${mod!.id}`, owner!.token, { role: 'moderator' }),
        200,
      );
      ensure(promoted.role === 'moderator', `the promoted member's role is ${promoted.role}`);
      const staff = expectStatus(await http.get<MemberPage>(`${path}?minRole=moderator`, member!.token), 200);
      const listed = staff.items.map((m) => `${m.user.id} ${m.role}`).sort();
      const expected = [`${owner!.id} owner`, `${mod!.id} moderator`].sort();
      ensure(
        listed.join() === expected.join(),
        `minRole=moderator lists ${listed.join(', ')}, not the owner and moderator`,
      );
      expectProblem(await http.patch(`${path}/${member!.id}`, mod!.token, { role: 'moderator' }), 403, 'forbidden');
      expectProblem(await http.delete(`${path}/${owner!.id}`, mod!.token), 403, 'forbidden');
      const message = await fixtures.post(member!, channel.id, 'to be removed');
      const removed = expectStatus(await http.delete<Message>(`/api/v1/messages/${message.id}`, mod!.token), 200);
      ensure(removed.deletedAt !== null && removed.body === null, 'the removed message is a tombstone');
      ensure(removed.deletedBy === mod!.id, `deletedBy is ${removed.deletedBy}, not the moderator`);
      expectStatus(await http.delete(`${path}/${member!.id}`, mod!.token), 204);
      expectProblem(await http.patch(`${path}/${owner!.id}`, owner!.token, { role: 'member' }), 409, 'conflict');
      const events = expectStatus(
        await http.get<EventPage>(`/api/v1/channels/${channel.id}/events?afterSeq=0&limit=100`, owner!.token),
        200,
      );
      const updated = events.items.find((e) => e.kind === 'member:updated');
      ensure(updated, 'no member:updated event in the log');
      const left = events.items.find((e) => e.kind === 'member:left');
      ensure(left && 'by' in left.data && left.data.by === mod!.id, 'the member:left event does not say who removed');
    },
  },
  {
    id: 'moderation.bans',
    area,
    title:
      'a banned user stops being a member, reads nothing (403 banned), cannot join or be added; the ban is listed until lifted',
    required: false,
    contract: 'confab.yaml › banMember, unbanMember, listBans; ErrorCode banned',
    async run({ http, fixtures }) {
      const [owner, troll] = await fixtures.users(2);
      const channel = await fixtures.channel(owner!, 'public', [troll!.id]);
      const bans = `/api/v1/channels/${channel.id}/bans`;
      const ban = expectStatus(
        await http.put<Ban>(`${bans}/${troll!.id}`, owner!.token, { reason: 'spam', until: inAnHour() }),
        200,
      );
      sameJson([ban.user.id, ban.bannedBy.id, ban.reason], [troll!.id, owner!.id, 'spam'], 'the ban');
      expectProblem(await http.get(`/api/v1/channels/${channel.id}`, troll!.token), 403, 'banned');
      expectProblem(await http.get(`/api/v1/channels/${channel.id}/messages`, troll!.token), 403, 'banned');
      expectProblem(await http.put(`/api/v1/channels/${channel.id}/members/me`, troll!.token), 403, 'banned');
      expectProblem(await http.put(`/api/v1/channels/${channel.id}/members/${troll!.id}`, owner!.token), 403, 'banned');
      const listed = expectStatus(await http.get<BanPage>(bans, owner!.token), 200);
      sameJson(
        listed.items.map((b) => b.user.id),
        [troll!.id],
        'the bans in force',
      );
      expectProblem(await http.get(bans, troll!.token), 403, 'banned');
      expectStatus(await http.delete(`${bans}/${troll!.id}`, owner!.token), 204);
      expectStatus(await http.put(`/api/v1/channels/${channel.id}/members/me`, troll!.token), 201);
      sameJson(expectStatus(await http.get<BanPage>(bans, owner!.token), 200).items, [], 'the bans after lifting');
    },
  },
  {
    id: 'moderation.mutes',
    area,
    title:
      'a muted member reads but cannot post (REST and socket) or react (403 muted); a read-only channel takes posts from moderators only',
    required: false,
    contract: 'confab.yaml › updateMember (mutedUntil), Channel.readOnly / mutedUntil; ErrorCode muted, read_only',
    async run({ http, fixtures, openSocket }) {
      const [owner, member] = await fixtures.users(2);
      const channel = await fixtures.channel(owner!, 'public', [member!.id]);
      const message = await fixtures.post(owner!, channel.id, 'hello');
      const until = inAnHour();
      const muted = expectStatus(
        await http.patch<Member>(`/api/v1/channels/${channel.id}/members/${member!.id}`, owner!.token, {
          mutedUntil: until,
        }),
        200,
      );
      ensure(muted.mutedUntil && Date.parse(muted.mutedUntil) === Date.parse(until), 'the member is not muted');
      const seen = expectStatus(await http.get<Channel>(`/api/v1/channels/${channel.id}`, member!.token), 200);
      ensure(seen.mutedUntil, 'the muted member does not see their mutedUntil');
      const post = { clientMessageId: newClientId(), body: text('let me speak') };
      expectProblem(await http.post(`/api/v1/channels/${channel.id}/messages`, member!.token, post), 403, 'muted');
      const thumbs = `/api/v1/messages/${message.id}/reactions/${encodeURIComponent('👍')}`;
      expectProblem(await http.put(thumbs, member!.token), 403, 'muted');
      expectStatus(await http.get(`/api/v1/channels/${channel.id}/messages`, member!.token), 200);
      const { socket } = await openSocket(member!.token);
      const ref = newClientId();
      socket.send({ type: 'send', clientMessageId: ref, channelId: channel.id, body: text('and here?') });
      const error = await socket.waitFor('error', (f) => f.ref === ref);
      ensure(error.code === 'muted', `the socket send answered ${error.code}, not muted`);
      expectStatus(
        await http.patch(`/api/v1/channels/${channel.id}/members/${member!.id}`, owner!.token, { mutedUntil: null }),
        200,
      );
      const settings = expectStatus(
        await http.patch<Channel>(`/api/v1/channels/${channel.id}`, owner!.token, { readOnly: true }),
        200,
      );
      ensure(settings.readOnly === true, 'the channel is not read-only');
      const again = { clientMessageId: newClientId(), body: text('announcement?') };
      expectProblem(await http.post(`/api/v1/channels/${channel.id}/messages`, member!.token, again), 403, 'read_only');
      await fixtures.post(owner!, channel.id, 'an announcement');
    },
  },
  {
    id: 'moderation.audit',
    area,
    title: "the audit log records each moderation action, newest first, for the channel's moderators only",
    required: false,
    contract: 'confab.yaml › listAuditLog (AuditEntry, AuditAction)',
    async run({ http, fixtures }) {
      const [owner, member, troll] = await fixtures.users(3);
      const channel = await fixtures.channel(owner!, 'public', [member!.id, troll!.id]);
      const members = `/api/v1/channels/${channel.id}/members`;
      expectStatus(await http.patch(`${members}/${member!.id}`, owner!.token, { mutedUntil: inAnHour() }), 200);
      expectStatus(
        await http.put(`/api/v1/channels/${channel.id}/bans/${troll!.id}`, owner!.token, { reason: 'x' }),
        200,
      );
      expectStatus(await http.patch(`/api/v1/channels/${channel.id}`, owner!.token, { archived: true }), 200);
      const audit = `/api/v1/channels/${channel.id}/audit`;
      expectProblem(await http.get(audit, member!.token), 403, 'forbidden');
      const first = expectStatus(await http.get<AuditPage>(`${audit}?limit=2`, owner!.token), 200);
      sameJson(
        first.items.map((e) => e.action),
        ['channel.updated', 'member.banned'],
        'the newest two entries',
      );
      sameJson(first.items[0]?.details, { archived: true }, 'what channel.updated records');
      sameJson(
        [first.items[1]?.target?.id, first.items[1]?.reason, first.items[1]?.actor.id],
        [troll!.id, 'x', owner!.id],
        'the ban entry',
      );
      ensure(first.nextCursor, 'no nextCursor after the first page of three entries');
      const rest = expectStatus(
        await http.get<AuditPage>(`${audit}?limit=2&cursor=${first.nextCursor}`, owner!.token),
        200,
      );
      sameJson(
        rest.items.map((e) => e.action),
        ['member.muted'],
        'the second page',
      );
      ensure(rest.nextCursor === null, 'a nextCursor after the last page');
    },
  },
];
