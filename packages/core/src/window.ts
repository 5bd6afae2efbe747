import type { Message } from '@confab/protocol';

/** A loaded stretch of a feed: messages ascending by `seq`, and whether more exist either side. */
export interface MessageWindow {
  items: Message[];
  hasOlder: boolean;
  hasNewer: boolean;
}

export const emptyWindow: MessageWindow = { items: [], hasOlder: false, hasNewer: false };

/** Merges messages into a sorted list: a known id is replaced, a new one inserted by `seq`. */
export function upsert(items: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(items.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** Replaces a message the window holds; a message it does not hold is left out. */
export function replace(window: MessageWindow, message: Message): MessageWindow {
  const index = window.items.findIndex((m) => m.id === message.id);
  if (index < 0) return window;
  const items = window.items.slice();
  items[index] = message;
  return { ...window, items };
}

/**
 * Adds a newly created message: only when the window reaches the newest end (otherwise it will
 * come with `loadNewer`).
 */
export function append(window: MessageWindow, message: Message): MessageWindow {
  if (window.hasNewer) return window;
  return { ...window, items: upsert(window.items, [message]) };
}

/** Keeps at most `max` messages, dropping from the end away from `keep`. */
export function bound(window: MessageWindow, max: number, keep: 'newest' | 'oldest'): MessageWindow {
  const extra = window.items.length - max;
  if (extra <= 0) return window;
  return keep === 'newest'
    ? { ...window, items: window.items.slice(extra), hasOlder: true }
    : { ...window, items: window.items.slice(0, max), hasNewer: true };
}
