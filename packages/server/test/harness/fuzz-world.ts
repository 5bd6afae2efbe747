import { randomUUID } from 'node:crypto';
import { createCheckContext, type KitUser } from '@confab/conformance';
import type { Channel, Message } from '@confab/protocol';
import fc from 'fast-check';
import type { Hints } from './fuzz-schema.js';

/** The fuzzing user's corner of a server: real channels, messages and another user to point requests at. */
export interface FuzzWorld {
  me: KitUser;
  other: KitUser;
  /** Public, private (both owned by `me`, with `other` in them) and direct, in that order. */
  channels: Channel[];
  /** A message by `me`, a reply to it, and a message by `other`, all in the public channel. */
  messages: Message[];
  /** Arbitraries for path parameters, by name: real ids most of the time. */
  pathValues: Record<string, fc.Arbitrary<string>>;
  /** Arbitraries for body properties that name real things. */
  hints: Hints;
}

const EMOJI = ['👍', '🎉', ':ok:', ':+1:'];

/** Creates the users (once) and the channels and messages (again after valid requests deleted them). */
export async function buildWorld(baseUrl: string, users?: { me: KitUser; other: KitUser }): Promise<FuzzWorld> {
  const { fixtures } = createCheckContext(baseUrl).context;
  const me = users?.me ?? (await fixtures.user('Fuzz'));
  const other = users?.other ?? (await fixtures.user('Other'));
  const open = await fixtures.channel(me, 'public', [other.id]);
  const closed = await fixtures.channel(me, 'private', [other.id]);
  const direct = await fixtures.http.post<Channel>('/api/v1/channels', me.token, {
    visibility: 'direct',
    userId: other.id,
  });
  const mine = await fixtures.post(me, open.id, 'fuzz target');
  const reply = await fixtures.post(me, open.id, 'a reply', mine.id);
  const theirs = await fixtures.post(other, open.id, 'not yours');
  const channels = [open, closed, direct.body];
  const messages = [mine, reply, theirs];
  const ids = (items: { id: string }[]) => fc.constantFrom(...items.map((i) => i.id));
  return {
    me,
    other,
    channels,
    messages,
    pathValues: {
      channelId: ids(channels),
      messageId: ids(messages),
      userId: fc.constantFrom(me.id, other.id),
      memberId: fc.constantFrom('me', other.id),
      emoji: fc.constantFrom(...EMOJI),
    },
    hints: {
      userId: fc.constant(other.id),
      memberIds: fc.constant([other.id]),
      parentId: ids(messages.slice(0, 1)),
      around: ids(messages.slice(0, 1)),
      currentPassword: fc.constant(me.password),
      channelId: ids(channels),
      id: ids(channels),
      clientMessageId: fc.constant(null).map(() => randomUUID()),
      refreshToken: fc.constant('not-a-real-refresh-token'),
      seq: fc.integer({ min: 0, max: 20 }),
      afterSeq: fc.integer({ min: 0, max: 20 }),
    },
  };
}
