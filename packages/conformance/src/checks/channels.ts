import { randomBytes } from 'node:crypto';
import type { AddedFrame, Channel, ChannelPage, Member, MemberPage } from '@confab/protocol';
import { ensure, expectProblem, expectStatus, sameJson } from '../assert.js';
import type { Check } from '../check.js';
import type { KitUser } from '../fixtures.js';
import type { HttpRecorder } from '../http-recorder.js';
import type { OpenSocket } from '../socket-recorder.js';

const area = 'channels';

const joined = async (http: HttpRecorder, user: KitUser): Promise<Channel[]> =>
  expectStatus(await http.get<ChannelPage>('/api/v1/channels?scope=joined&limit=100', user.token), 200).items;

/** Channels, direct channels, listing, paging and membership. */
export const channelChecks: Check[] = [
  {
    id: 'channels.create',
    area,
    title: 'public and private channels are created (201) with the caller as owner and memberIds invited',
    required: true,
    contract: 'confab.yaml › POST /api/v1/channels (createChannel) → 201 Channel',
    async run({ http, fixtures }) {
      const alice = await fixtures.user();
      const bob = await fixtures.user();
      const open = await fixtures.channel(alice, 'public');
      sameJson(
        [open.visibility, open.role, open.createdBy, open.memberCount],
        ['public', 'owner', alice.id, 1],
        'the public channel (visibility, role, createdBy, memberCount)',
      );
      const closed = await fixtures.channel(alice, 'private', [bob.id]);
      sameJson(
        [closed.visibility, closed.role, closed.memberCount],
        ['private', 'owner', 2],
        'the private channel (visibility, role, memberCount)',
      );
      const forBob = expectStatus(await http.get<Channel>(`/api/v1/channels/${closed.id}`, bob.token), 200);
      ensure(forBob.role === 'member', `an invited member sees role ${forBob.role}`);
    },
  },
  {
    id: 'channels.direct',
    area,
    title: 'a direct channel exists once per pair: 201, then 200 with the same channel from either side',
    required: true,
    contract: 'confab.yaml › POST /api/v1/channels (createChannel) — visibility direct → 201 | 200',
    async run({ http, fixtures }) {
      const alice = await fixtures.user();
      const bob = await fixtures.user();
      const ask = (from: KitUser, to: KitUser) =>
        http.post<Channel>('/api/v1/channels', from.token, { visibility: 'direct', userId: to.id });
      const first = expectStatus(await ask(alice, bob), 201, 'opening a direct channel');
      sameJson(
        [first.visibility, first.directWith?.id, first.memberCount],
        ['direct', bob.id, 2],
        'the direct channel (visibility, directWith, memberCount)',
      );
      const again = expectStatus(await ask(alice, bob), 200, 'opening it again');
      ensure(again.id === first.id, 'asking again made a second direct channel');
      const fromBob = expectStatus(await ask(bob, alice), 200, 'opening it from the other side');
      ensure(fromBob.id === first.id, 'the other side got another direct channel');
      ensure(fromBob.directWith?.id === alice.id, "directWith is not the caller's counterpart");
      const self = { visibility: 'direct', userId: alice.id };
      expectProblem(
        await http.post('/api/v1/channels', alice.token, self),
        400,
        'invalid_request',
        'a direct channel with oneself',
      );
      const carol = await fixtures.user();
      expectProblem(
        await http.get(`/api/v1/channels/${first.id}`, carol.token),
        404,
        'not_found',
        'an outsider reading it',
      );
    },
  },
  {
    id: 'channels.list',
    area,
    title: 'scope=joined lists my channels with read state; scope=public lists public channels only',
    required: true,
    contract: 'confab.yaml › GET /api/v1/channels (listChannels) — scope joined | public',
    async run({ http, fixtures }) {
      const alice = await fixtures.user();
      const bob = await fixtures.user();
      const open = await fixtures.channel(alice, 'public');
      const closed = await fixtures.channel(alice, 'private');
      const mine = await joined(http, alice);
      for (const id of [open.id, closed.id]) {
        const item = mine.find((c) => c.id === id);
        ensure(item, `channel ${id} is missing from the joined list`);
        ensure(item.unreadCount === 0, `a new channel lists unreadCount ${item.unreadCount}`);
        ensure(typeof item.lastReadSeq === 'number', 'a joined channel lists no lastReadSeq');
      }
      sameJson(await joined(http, bob), [], "a new user's joined list");
      const listing = expectStatus(
        await http.get<ChannelPage>('/api/v1/channels?scope=public&limit=100', bob.token),
        200,
      );
      const ids = listing.items.map((c) => c.id);
      ensure(ids.includes(open.id), 'scope=public lacks a new public channel');
      ensure(!ids.includes(closed.id), 'scope=public lists a private channel');
      ensure(listing.items.find((c) => c.id === open.id)?.role === null, 'a non-member sees a role');
    },
  },
  {
    id: 'channels.paging',
    area,
    title: 'joined channels page by cursor, most recent activity first',
    required: true,
    contract: 'confab.yaml › GET /api/v1/channels (listChannels) — cursor, limit, most recent activity first',
    async run({ http, fixtures }) {
      const alice = await fixtures.user();
      const created: Channel[] = [];
      for (let i = 0; i < 3; i++) created.push(await fixtures.channel(alice));
      await fixtures.post(alice, created[0]!.id, 'bump');
      const seen: Channel[] = [];
      let query = '?scope=joined&limit=1';
      for (let i = 0; i < 5; i++) {
        const page = expectStatus(await http.get<ChannelPage>(`/api/v1/channels${query}`, alice.token), 200);
        ensure(page.items.length <= 1, `limit=1 answered ${page.items.length} channels`);
        seen.push(...page.items);
        if (page.nextCursor === null) break;
        query = `?scope=joined&limit=1&cursor=${page.nextCursor}`;
      }
      sameJson(seen.map((c) => c.id).sort(), created.map((c) => c.id).sort(), 'the channels seen by paging');
      ensure(seen[0]?.id === created[0]!.id, 'the channel with the newest message is not listed first');
    },
  },
  {
    id: 'channels.membership',
    area,
    title: 'joining (201, again 200), listing members and leaving (204, again 404) a public channel',
    required: true,
    contract: 'confab.yaml › PUT/DELETE /api/v1/channels/{channelId}/members/{memberId}; GET …/members',
    async run({ http, fixtures }) {
      const alice = await fixtures.user();
      const bob = await fixtures.user();
      const channel = await fixtures.channel(alice, 'public');
      const member = await fixtures.join(bob, channel.id);
      sameJson([member.user.id, member.role], [bob.id, 'member'], 'the new member');
      const twice = expectStatus(await http.put<Member>(`/api/v1/channels/${channel.id}/members/me`, bob.token), 200);
      ensure(twice.user.id === bob.id, 'joining twice answered someone else');
      const members = expectStatus(
        await http.get<MemberPage>(`/api/v1/channels/${channel.id}/members`, bob.token),
        200,
      ).items;
      sameJson(
        members.map((m) => [m.user.id, m.role]),
        [
          [alice.id, 'owner'],
          [bob.id, 'member'],
        ],
        'the members, oldest first',
      );
      ensure(
        (await joined(http, bob)).some((c) => c.id === channel.id),
        'a joined channel is not in scope=joined',
      );
      const count = expectStatus(await http.get<Channel>(`/api/v1/channels/${channel.id}`, bob.token), 200);
      ensure(count.memberCount === 2, `memberCount is ${count.memberCount} with two members`);

      expectStatus(await http.delete(`/api/v1/channels/${channel.id}/members/me`, bob.token), 204, 'leaving');
      ensure(!(await joined(http, bob)).some((c) => c.id === channel.id), 'a channel left is still in scope=joined');
      const after = expectStatus(
        await http.get<MemberPage>(`/api/v1/channels/${channel.id}/members`, alice.token),
        200,
      ).items;
      sameJson(
        after.map((m) => m.user.id),
        [alice.id],
        'the members after leaving',
      );
      const again = await http.delete(`/api/v1/channels/${channel.id}/members/me`, bob.token);
      expectProblem(again, 404, 'not_found', 'leaving twice');
    },
  },
  {
    id: 'channels.owner-only',
    area,
    title: 'only the owner renames, deletes the channel or removes others (403 forbidden otherwise)',
    required: true,
    contract: 'confab.yaml › PATCH/DELETE /api/v1/channels/{channelId}; DELETE …/members/{memberId} (owner only)',
    async run({ http, fixtures }) {
      const alice = await fixtures.user();
      const bob = await fixtures.user();
      const carol = await fixtures.user();
      const channel = await fixtures.channel(alice, 'public');
      await fixtures.join(bob, channel.id);
      await fixtures.join(carol, channel.id);
      const path = `/api/v1/channels/${channel.id}`;
      expectProblem(await http.patch(path, bob.token, { name: 'mine' }), 403, 'forbidden', 'a member renaming');
      expectProblem(await http.delete(path, bob.token), 403, 'forbidden', 'a member deleting');
      expectProblem(
        await http.delete(`${path}/members/${carol.id}`, bob.token),
        403,
        'forbidden',
        'a member removing another',
      );

      const newName = `${channel.name}-renamed`;
      const renamed = expectStatus(
        await http.patch<Channel>(path, alice.token, { name: newName, topic: 'new topic' }),
        200,
      );
      sameJson([renamed.name, renamed.topic], [newName, 'new topic'], 'the renamed channel');
      expectStatus(await http.delete(`${path}/members/${carol.id}`, alice.token), 204, 'the owner removing a member');
      expectStatus(await http.delete(path, alice.token), 204, 'the owner deleting');
      expectProblem(await http.get(path, alice.token), 404, 'not_found', 'reading a deleted channel');
      expectProblem(await http.get(`${path}/messages`, bob.token), 404, 'not_found', 'paging a deleted channel');
    },
  },
  {
    id: 'channels.unique-names',
    area,
    title:
      'public and private names are unique per visibility ignoring case: create and rename answer 409 name_taken, even in a race',
    required: true,
    contract: 'confab.yaml › POST /api/v1/channels, PATCH /api/v1/channels/{channelId} → 409 NameTaken (name_taken)',
    async run({ http, fixtures }) {
      const alice = await fixtures.user();
      const bob = await fixtures.user();
      const name = `Kit-Name-${randomBytes(4).toString('hex')}`;
      const create = (user: KitUser, visibility: string, channelName = name) =>
        http.post<Channel>('/api/v1/channels', user.token, { name: channelName, visibility });
      const first = expectStatus(await create(alice, 'public'), 201, 'creating a public channel');
      const taken = expectProblem(await create(bob, 'public', ` ${name.toUpperCase()} `), 409, 'name_taken');
      ensure(taken.detail.includes(name), `the detail "${taken.detail}" does not name the channel`);
      const other = expectStatus(await create(bob, 'private'), 201, 'the same name, private');
      expectProblem(await create(alice, 'private', name.toLowerCase()), 409, 'name_taken', 'a second private one');

      const spare = expectStatus(await create(alice, 'public', `${name}-spare`), 201, 'another public channel');
      const rename = (id: string, user: KitUser, body: object) =>
        http.patch<Channel>(`/api/v1/channels/${id}`, user.token, body);
      expectProblem(await rename(spare.id, alice, { name: name.toLowerCase() }), 409, 'name_taken', 'a rename');
      const recased = expectStatus(await rename(first.id, alice, { name: name.toLowerCase() }), 200, 'a new case');
      ensure(recased.name === name.toLowerCase(), `renamed to "${recased.name}"`);
      expectStatus(await rename(other.id, bob, { topic: 'only the topic' }), 200, 'changing only the topic');

      const raced = `${name}-race`;
      const replies = await Promise.all(Array.from({ length: 6 }, () => create(alice, 'public', raced)));
      for (const reply of replies) expectStatus(reply, [201, 409], 'one of six concurrent creates');
      const created = replies.filter((r) => r.status === 201);
      ensure(created.length === 1, `${created.length} of six concurrent creates of one name succeeded`);
      for (const reply of replies.filter((r) => r.status === 409)) expectProblem(reply, 409, 'name_taken');

      expectStatus(await http.delete(`/api/v1/channels/${spare.id}`, alice.token), 204, 'deleting one');
      expectStatus(await create(bob, 'public', `${name}-SPARE`), 201, 'the name of a deleted channel');
    },
  },
  {
    id: 'channels.added',
    area,
    title:
      "becoming a member (a direct channel opened, added by a member, a join) sends added to each of the user's sockets",
    required: true,
    contract: 'asyncapi.yaml › receiveAdded (AddedFrame — the channel as the new member sees it)',
    async run({ http, fixtures, openSocket }) {
      const [alice, bob, carol] = await fixtures.users(3);
      const bobs: OpenSocket[] = [await openSocket(bob!.token), await openSocket(bob!.token)];
      const outsider = await openSocket(carol!.token);
      const addedFrames = async (channelId: string): Promise<Channel[]> => {
        const frames: AddedFrame[] = [];
        for (const { socket } of bobs) frames.push(await socket.waitFor('added', (f) => f.channel.id === channelId));
        return frames.map((f) => f.channel);
      };

      const direct = expectStatus(
        await http.post<Channel>('/api/v1/channels', alice!.token, { visibility: 'direct', userId: bob!.id }),
        201,
        'opening a direct channel',
      );
      for (const seen of await addedFrames(direct.id)) {
        sameJson(
          [seen.visibility, seen.role, seen.directWith?.id, seen.unreadCount, seen.lastReadSeq],
          ['direct', 'member', alice!.id, 0, 0],
          'the direct channel in added (visibility, role, directWith, unreadCount, lastReadSeq)',
        );
      }
      const closed = await fixtures.channel(alice!, 'private');
      expectStatus(await http.put<Member>(`/api/v1/channels/${closed.id}/members/${bob!.id}`, alice!.token), 201);
      for (const seen of await addedFrames(closed.id)) {
        sameJson(
          [seen.visibility, seen.role, seen.memberCount],
          ['private', 'member', 2],
          'the private channel in added',
        );
      }
      const open = await fixtures.channel(alice!, 'public');
      await fixtures.join(bob!, open.id);
      for (const seen of await addedFrames(open.id))
        ensure(seen.role === 'member', `a join sent added with role ${seen.role}`);

      await outsider.socket.roundTrip();
      const stray = outsider.socket.frames.find((f) => f.type === 'added');
      ensure(!stray, `a user who was added to nothing got ${JSON.stringify(stray)}`);
    },
  },
];
