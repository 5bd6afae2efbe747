import type { LocalMessage } from '@confab/core';
import type { MessageFeed } from './chat-message-list.component.js';

/** One row of the list: a message, with what shows above it. */
export interface Row {
  message: LocalMessage;
  /** A day separator above the message (the first message of a day): its label. */
  day: string | undefined;
  /** The "New messages" divider is above it. */
  unread: boolean;
  /** Grouped under the previous message: same author, within five minutes, same day, nothing between. */
  continued: boolean;
}

/** How close two messages of one author must be to share a header. */
export const GROUP_MS = 5 * 60_000;

/** The first message of `messages` someone else wrote after `seq`: where the "New messages" divider goes. */
export function firstUnread(messages: readonly LocalMessage[], seq: number | undefined, me: string | undefined) {
  if (seq === undefined) return undefined;
  return messages.find((m) => m.seq > seq && m.author.id !== me && !m.pending && !m.failed);
}

/** The rows for `messages`: day separators, the divider above `unreadId`, and grouping. */
export function buildRows(
  messages: readonly LocalMessage[],
  unreadId: string | undefined,
  dayLabel: (date: Date) => string,
): Row[] {
  let previous: LocalMessage | undefined;
  let previousAt = 0;
  let previousDay = '';
  return messages.map((message) => {
    const at = Date.parse(message.createdAt);
    const date = new Date(at);
    const key = date.toDateString();
    const day = key === previousDay ? undefined : dayLabel(date);
    const unread = message.id === unreadId;
    const continued =
      !!previous &&
      !day &&
      !unread &&
      previous.author.id === message.author.id &&
      previous.replyCount === 0 &&
      at >= previousAt &&
      at - previousAt < GROUP_MS;
    previous = message;
    previousAt = at;
    previousDay = key;
    return { message, day, unread, continued };
  });
}

/**
 * Labels days as people say them: "Today", "Yesterday", else the date in the element's locale (with the
 * weekday; with the year when it is not this year's).
 */
export function dayLabeller(
  locale: string | undefined,
  words: { today: string; yesterday: string },
  now = new Date(),
): (date: Date) => string {
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const today = startOf(now);
  const thisYear = new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric' });
  const otherYear = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  return (date) => {
    const days = Math.round((today - startOf(date)) / 86_400_000);
    if (days === 0) return words.today;
    if (days === 1) return words.yesterday;
    return (date.getFullYear() === now.getFullYear() ? thisYear : otherYear).format(date);
  };
}

/** What a feed gained at its end since its last message was `previousLastId` (nothing when it was replaced). */
export function arrived(messages: readonly LocalMessage[], previousLastId: string | undefined): LocalMessage[] {
  if (!previousLastId || messages.at(-1)?.id === previousLastId) return [];
  const at = messages.findIndex((m) => m.id === previousLastId);
  return at < 0 ? [] : messages.slice(at + 1);
}

/** Loads the newest messages when the bounded window had let go of them: one page, however far back it was. */
export async function loadNewest(feed: MessageFeed): Promise<void> {
  if (feed.$hasNewer?.get() && feed.loadLatest) await feed.loadLatest();
}

/**
 * Loads what opening a feed needs before it is shown: the newest page (when the bounded window had let go
 * of it), then older pages back to the first message after `unreadAfterSeq` — only when that is at most
 * `seekBack` events behind the newest, so that opening stays a few requests; further back, the feed opens
 * at the newest messages. Stops as soon as `current()` says the feed is no longer shown.
 */
export async function loadForOpening(
  feed: MessageFeed,
  unreadAfterSeq: number | undefined,
  seekBack: number,
  current: () => boolean,
): Promise<void> {
  await loadNewest(feed);
  const newest = feed.$messages.get().at(-1)?.seq;
  if (!current() || unreadAfterSeq === undefined || newest === undefined || newest - unreadAfterSeq > seekBack) return;
  const oldest = () => feed.$messages.get()[0]?.seq ?? 0;
  for (let from = oldest(); current() && feed.$hasOlder.get() && from > unreadAfterSeq + 1; ) {
    await feed.loadOlder();
    if (oldest() >= from) return; // nothing older came
    from = oldest();
  }
}
