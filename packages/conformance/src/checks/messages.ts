import type { Message, MessageBody, MessagePage } from '@confab/protocol';
import { ensure, expectProblem, expectStatus, sameJson } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import { newClientId } from '../fixtures.js';
import { eventsOf, messageOf, subscribe, THUMBS, text } from './support.js';

/** Two users in a public channel owned by the first. */
async function room({ fixtures }: CheckContext) {
  const alice = await fixtures.user();
  const bob = await fixtures.user();
  const channel = await fixtures.channel(alice, 'public');
  await fixtures.join(bob, channel.id);
  return { alice, bob, channel };
}

/** Sending (idempotent by `clientMessageId`), bodies, edits and tombstones. */
export const messageChecks: Check[] = [
  {
    id: 'messages.idempotent-send',
    area: 'messages',
    title: 'a send is idempotent by clientMessageId: 201, then 200 with the same message, stored once',
    required: true,
    contract: 'confab.yaml › POST /api/v1/channels/{channelId}/messages (sendMessage) — idempotent by clientMessageId',
    async run(context) {
      const { http, fixtures } = context;
      const { alice, channel } = await room(context);
      const request = { clientMessageId: newClientId(), body: text('only once') };
      const path = `/api/v1/channels/${channel.id}/messages`;
      const first = expectStatus(await http.post<Message>(path, alice.token, request), 201, 'the first send');
      ensure(first.clientMessageId === request.clientMessageId, 'the message lost its clientMessageId');
      ensure(first.author.id === alice.id, 'the author is not the sender');
      const retry = expectStatus(await http.post<Message>(path, alice.token, request), 200, 'the retry');
      sameJson([retry.id, retry.seq], [first.id, first.seq], 'the retry (id, seq)');
      const history = await fixtures.history(alice, channel.id);
      sameJson(
        history.map((m) => m.id),
        [first.id],
        'the history after a retry',
      );
    },
  },
  {
    id: 'messages.idempotent-concurrent',
    area: 'messages',
    title: 'concurrent sends with one clientMessageId store one message (one 201, the rest 200)',
    required: true,
    contract: 'confab.yaml › sendMessage — idempotent by clientMessageId; DESIGN: unique key on clientMessageId',
    async run(context) {
      const { http, fixtures } = context;
      const { alice, channel } = await room(context);
      const request = { clientMessageId: newClientId(), body: text('racing') };
      const path = `/api/v1/channels/${channel.id}/messages`;
      const replies = await Promise.all(
        Array.from({ length: 6 }, () => http.post<Message>(path, alice.token, request)),
      );
      sameJson(
        replies.map((r) => r.status).sort(),
        [200, 200, 200, 200, 200, 201],
        'the statuses of six concurrent sends',
      );
      ensure(new Set(replies.map((r) => r.body.id)).size === 1, 'concurrent sends answered different messages');
      const stored = (await fixtures.history(alice, channel.id)).length;
      ensure(stored === 1, `${stored} messages stored by six sends of one clientMessageId`);
    },
  },
  {
    id: 'messages.socket-send',
    area: 'messages',
    title: 'a socket send is acked; a resend acks the same message, which is stored and broadcast once',
    required: true,
    contract: 'asyncapi.yaml › sendMessage → ack; Sending — idempotent by clientMessageId',
    async run({ http, fixtures, openSocket }) {
      const alice = await fixtures.user();
      const channel = await fixtures.channel(alice);
      const { socket } = await openSocket(alice.token);
      await subscribe(socket, channel.id);
      const clientMessageId = newClientId();
      const frame = { type: 'send', clientMessageId, channelId: channel.id, body: text('once') };
      socket.send(frame);
      const ack = await socket.waitFor('ack', (f) => f.clientMessageId === clientMessageId);
      socket.send(frame);
      const again = await socket.waitFor('ack', (f) => f.clientMessageId === clientMessageId);
      sameJson([again.message.id, again.message.seq], [ack.message.id, ack.message.seq], 'the second ack (id, seq)');
      const viaRest = await http.post<Message>(`/api/v1/channels/${channel.id}/messages`, alice.token, {
        clientMessageId,
        body: frame.body,
      });
      ensure(expectStatus(viaRest, 200, 'the same send over REST').id === ack.message.id, 'REST stored a second copy');

      const other = newClientId();
      socket.send({ ...frame, clientMessageId: other });
      await socket.waitFor('event', (f) => f.kind === 'message:created' && messageOf(f).clientMessageId === other);
      const created = eventsOf(socket.frames, channel.id).filter(
        (e) => e.kind === 'message:created' && messageOf(e).clientMessageId === clientMessageId,
      );
      ensure(created.length === 1, `message:created came ${created.length} times for one message`);
      ensure(created[0]!.seq === ack.message.seq, 'the event seq differs from the acked message seq');
      sameJson(
        (await fixtures.history(alice, channel.id)).map((m) => m.clientMessageId),
        [clientMessageId, other],
        'the history (clientMessageIds)',
      );
    },
  },
  {
    id: 'messages.bodies',
    area: 'messages',
    title: 'text, image and video bodies are stored and read back exactly as sent',
    required: true,
    contract: 'confab.yaml › MessageBody (TextBody, ImageBody, VideoBody); GET /api/v1/messages/{messageId}',
    async run(context) {
      const { http, fixtures } = context;
      const { alice, channel } = await room(context);
      const bodies: MessageBody[] = [
        text('Hello **world** with `code` and @mention'),
        { type: 'image', url: 'https://example.com/cat.png', width: 640, height: 480, alt: 'a cat' },
        { type: 'video', url: 'http://example.com/clip.mp4' },
      ];
      for (const body of bodies) {
        const sent = await fixtures.post(alice, channel.id, body);
        sameJson(sent.body, body, `the stored ${body.type} body`);
        const read = expectStatus(await http.get<Message>(`/api/v1/messages/${sent.id}`, alice.token), 200);
        sameJson(read.body, body, `the ${body.type} body read back`);
      }
      const history = await fixtures.history(alice, channel.id);
      sameJson(
        history.map((m) => m.body),
        bodies,
        'the bodies in the history',
      );
    },
  },
  {
    id: 'messages.edit-delete',
    area: 'messages',
    title: 'only the author edits or deletes; delete leaves a tombstone (body null) that cannot be edited (409)',
    required: true,
    contract: 'confab.yaml › PATCH/DELETE /api/v1/messages/{messageId} (editMessage, deleteMessage) — tombstones',
    async run(context) {
      const { http, fixtures } = context;
      const { alice, bob, channel } = await room(context);
      const message = await fixtures.post(alice, channel.id, 'first draft');
      const path = `/api/v1/messages/${message.id}`;
      const edit = { body: text('second draft') };
      expectProblem(await http.patch(path, bob.token, edit), 403, 'forbidden', 'another member editing');
      expectProblem(await http.delete(path, bob.token), 403, 'forbidden', 'another member deleting');
      const edited = expectStatus(await http.patch<Message>(path, alice.token, edit), 200, 'the author editing');
      sameJson(edited.body, edit.body, 'the edited body');
      ensure(edited.editedAt, 'an edited message has no editedAt');
      ensure(edited.seq === message.seq, `editing changed the message seq from ${message.seq} to ${edited.seq}`);

      const tombstone = expectStatus(await http.delete<Message>(path, alice.token), 200, 'the author deleting');
      sameJson([tombstone.id, tombstone.body], [message.id, null], 'the tombstone (id, body)');
      ensure(tombstone.deletedAt, 'a tombstone has no deletedAt');
      expectProblem(await http.patch(path, alice.token, edit), 409, 'conflict', 'editing a tombstone');
      const read = expectStatus(await http.get<Message>(path, bob.token), 200, 'reading a tombstone');
      ensure(read.body === null, 'a tombstone read back has a body');
      sameJson(
        (await fixtures.history(bob, channel.id)).map((m) => [m.id, m.body]),
        [[message.id, null]],
        'the history keeps the tombstone',
      );
    },
  },
];

/** Thread replies. */
export const threadChecks: Check[] = [
  {
    id: 'threads.replies',
    area: 'threads',
    title: 'replies count on the parent, page separately, stay out of the channel page and are one level deep',
    required: true,
    contract: 'confab.yaml › GET /api/v1/messages/{messageId}/replies (listReplies); Message.parentId, replyCount',
    async run(context) {
      const { http, fixtures } = context;
      const { alice, bob, channel } = await room(context);
      const parent = await fixtures.post(alice, channel.id, 'start a thread');
      const first = await fixtures.post(bob, channel.id, 'reply one', parent.id);
      const second = await fixtures.post(alice, channel.id, 'reply two', parent.id);
      ensure(first.parentId === parent.id, 'a reply lost its parentId');

      const updated = expectStatus(await http.get<Message>(`/api/v1/messages/${parent.id}`, bob.token), 200);
      ensure(updated.replyCount === 2, `the parent's replyCount is ${updated.replyCount} after two replies`);
      ensure(updated.lastReplyAt === second.createdAt, "the parent's lastReplyAt is not the last reply's createdAt");
      const replies = expectStatus(
        await http.get<MessagePage>(`/api/v1/messages/${parent.id}/replies`, bob.token),
        200,
      );
      sameJson(
        replies.items.map((m) => m.id),
        [first.id, second.id],
        'the replies, oldest first',
      );
      sameJson([replies.prevCursor, replies.nextCursor], [null, null], 'the cursors of a complete replies page');
      sameJson(
        (await fixtures.history(bob, channel.id)).map((m) => m.id),
        [parent.id],
        'the channel page (replies belong to the thread only)',
      );
      const nested = { clientMessageId: newClientId(), body: text('too deep'), parentId: first.id };
      const deep = await http.post(`/api/v1/channels/${channel.id}/messages`, bob.token, nested);
      expectProblem(deep, 400, 'invalid_request', 'a reply to a reply');
      const elsewhere = await fixtures.channel(alice);
      const stray = { clientMessageId: newClientId(), body: text('wrong room'), parentId: parent.id };
      const strayReply = await http.post(`/api/v1/channels/${elsewhere.id}/messages`, alice.token, stray);
      expectStatus(strayReply, [400, 404], 'a reply to a parent in another channel');
    },
  },
];

/** Reactions. */
export const reactionChecks: Check[] = [
  {
    id: 'reactions.add-remove',
    area: 'reactions',
    title: 'reactions are added and removed idempotently, counted per emoji with the users',
    required: true,
    contract: 'confab.yaml › PUT/DELETE /api/v1/messages/{messageId}/reactions/{emoji}; Reaction; Emoji',
    async run(context) {
      const { http, fixtures } = context;
      const { alice, bob, channel } = await room(context);
      const message = await fixtures.post(alice, channel.id, 'react to me');
      const path = (emoji: string) => `/api/v1/messages/${message.id}/reactions/${emoji}`;
      const summary = (m: Message) => m.reactions.map((r) => [r.emoji, r.count, [...r.userIds].sort()]);

      const once = expectStatus(await http.put<Message>(path(THUMBS), alice.token), 200);
      sameJson(summary(once), [['👍', 1, [alice.id]]], 'after one reaction');
      const twice = expectStatus(await http.put<Message>(path(THUMBS), alice.token), 200);
      sameJson(summary(twice), [['👍', 1, [alice.id]]], 'after the same reaction twice');
      const both = expectStatus(await http.put<Message>(path(THUMBS), bob.token), 200);
      sameJson(summary(both), [['👍', 2, [alice.id, bob.id].sort()]], 'after a second user reacts');
      const shortcode = expectStatus(await http.put<Message>(path(':tada:'), bob.token), 200);
      ensure(shortcode.reactions.length === 2, `a :shortcode: reaction gives ${shortcode.reactions.length} reactions`);

      const removed = expectStatus(await http.delete<Message>(path(THUMBS), alice.token), 200);
      sameJson(
        summary(removed).find((r) => r[0] === '👍'),
        ['👍', 1, [bob.id]],
        'after taking a reaction back',
      );
      const again = expectStatus(await http.delete<Message>(path(THUMBS), alice.token), 200);
      sameJson(summary(again), summary(removed), 'after taking it back twice');
      expectProblem(await http.put(path('not-an-emoji'), alice.token), 400, 'invalid_request', 'a word as emoji');
    },
  },
  {
    id: 'reactions.tombstone',
    area: 'reactions',
    title: 'a tombstone has no reactions and takes none (409 conflict)',
    required: true,
    contract: 'confab.yaml › PUT /api/v1/messages/{messageId}/reactions/{emoji} → 409',
    async run(context) {
      const { http, fixtures } = context;
      const { alice, bob, channel } = await room(context);
      const message = await fixtures.post(alice, channel.id, 'soon gone');
      expectStatus(await http.put(`/api/v1/messages/${message.id}/reactions/${THUMBS}`, bob.token), 200);
      const tombstone = expectStatus(await http.delete<Message>(`/api/v1/messages/${message.id}`, alice.token), 200);
      sameJson(tombstone.reactions, [], "a tombstone's reactions");
      const late = await http.put(`/api/v1/messages/${message.id}/reactions/${THUMBS}`, bob.token);
      expectProblem(late, 409, 'conflict', 'reacting to a tombstone');
      const removal = await http.delete(`/api/v1/messages/${message.id}/reactions/${THUMBS}`, bob.token);
      expectStatus(removal, [200, 404], 'taking a reaction back from a tombstone');
    },
  },
];
