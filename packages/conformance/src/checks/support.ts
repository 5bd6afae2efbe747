import type { EventFrame, Message, MessageEventData, ServerFrame, TextBody, User } from '@confab/protocol';
import type { SocketRecorder } from '../socket-recorder.js';

/** A text body. */
export const text = (value: string): TextBody => ({ type: 'text', text: value });

/** 👍, URL-encoded for a path. */
export const THUMBS = encodeURIComponent('👍');

/** The `event` frames of one channel among `frames`. */
export const eventsOf = (frames: readonly ServerFrame[], channelId: string): EventFrame[] =>
  frames.filter((f): f is EventFrame => f.type === 'event' && f.channelId === channelId);

/** The `seq` of each event, in order: for `expectConsecutive`. */
export const seqsOf = (events: readonly { seq: number }[]): number[] => events.map((e) => e.seq);

/** The public profile of a user (id, username, display name, avatar), as `User` shows it to others. */
export const profileOf = (user: User): User => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  ...(user.avatarUrl === undefined ? {} : { avatarUrl: user.avatarUrl }),
});

/** The message a `message:*` event carries. */
export const messageOf = (event: EventFrame): Message => (event.data as MessageEventData).message;

/** Subscribes to one channel (resuming after `afterSeq` when given) and resolves with `subscribed.seq`. */
export async function subscribe(socket: SocketRecorder, channelId: string, afterSeq?: number): Promise<number> {
  socket.send({ type: 'subscribe', channels: [{ id: channelId, ...(afterSeq === undefined ? {} : { afterSeq }) }] });
  return (await socket.waitFor('subscribed', (f) => f.channelId === channelId)).seq;
}

/** Frames other than `presence` and `added`, which concern no subscription and may interleave anywhere. */
export const withoutNotices = (frames: readonly ServerFrame[]): ServerFrame[] =>
  frames.filter((f) => f.type !== 'presence' && f.type !== 'added');

/**
 * Reads `read` until `done` holds for its value (up to `timeoutMs`) and returns the last value read:
 * for effects of a socket frame that REST shows a moment later.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
