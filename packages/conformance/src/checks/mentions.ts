import type { ChannelPage } from '@confab/protocol';
import { ensure, expectProblem, expectStatus, sameJson } from '../assert.js';
import type { Check } from '../check.js';
import type { KitUser } from '../fixtures.js';
import { newClientId } from '../fixtures.js';
import type { HttpRecorder } from '../http-recorder.js';
import { text } from './support.js';

const area = 'mentions';

const mentionCount = async (http: HttpRecorder, user: KitUser, channelId: string) =>
  expectStatus(await http.get<ChannelPage>('/api/v1/channels?scope=joined&limit=100', user.token), 200).items.find(
    (c) => c.id === channelId,
  )?.unreadMentionCount;

/** @mentions (optional). Link previews have no check: the kit cannot assume the server may reach a page it serves. */
export const mentionChecks: Check[] = [
  {
    id: 'mentions.resolved',
    area,
    title:
      "an @username of a member is in the message's mentions, a mention frame reaches the user unsubscribed, and unreadMentionCount counts it until read",
    required: false,
    contract:
      'confab.yaml › Message.mentions, Channel.unreadMentionCount; asyncapi.yaml › receiveMention (MentionFrame)',
    async run({ http, fixtures, openSocket }) {
      const [alice, bob] = await fixtures.users(2);
      const channel = await fixtures.channel(alice!, 'public', [bob!.id]);
      const { socket } = await openSocket(bob!.token);
      const sent = await fixtures.post(alice!, channel.id, `hello @${bob!.username}`);
      sameJson(sent.mentions, [bob!.id], 'the mentions of "hello @bob"');
      const frame = await socket.waitFor('mention', (f) => f.message.id === sent.id);
      ensure(frame.channelId === channel.id, `the mention frame names channel ${frame.channelId}`);
      const before = await mentionCount(http, bob!, channel.id);
      ensure(before === 1, `bob's unreadMentionCount is ${before}, not 1`);
      expectStatus(await http.put(`/api/v1/channels/${channel.id}/read`, bob!.token, { seq: sent.seq }), 200);
      const after = await mentionCount(http, bob!, channel.id);
      ensure(after === 0, `after reading, bob's unreadMentionCount is ${after}, not 0`);
    },
  },
  {
    id: 'mentions.members-only',
    area,
    title: 'a send whose mentions name a non-member is refused with 400 invalid_request',
    required: false,
    contract: 'confab.yaml › SendMessageRequest.mentions — each must be a member of the channel',
    async run({ http, fixtures }) {
      const [alice, outsider] = await fixtures.users(2);
      const channel = await fixtures.channel(alice!);
      const reply = await http.post(`/api/v1/channels/${channel.id}/messages`, alice!.token, {
        clientMessageId: newClientId(),
        body: text('hi'),
        mentions: [outsider!.id],
      });
      expectProblem(reply, 400, 'invalid_request');
    },
  },
];
