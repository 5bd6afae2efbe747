import type { EventFrame, Member, Message } from '@confab/protocol';
import { atom, onMount, type ReadableAtom } from 'nanostores';

/** What a live list needs from its room. */
export interface LiveListHost<T> {
  /** False once the user signed out. */
  alive(): boolean;
  /** Keeps the channel subscribed while the list is observed; returns the stop. */
  follow(): () => void;
  /** Reads the whole list from the server. */
  load(): Promise<T[]>;
}

/**
 * A channel's list (members, pins) loaded when first observed and kept current by the channel's events,
 * applied in order. Every change is idempotent, so those seen while a load is out are applied again to
 * what it returns, whether or not the server counted them already. Reloaded after a `resync`.
 */
export class LiveList<T> {
  readonly #items = atom<T[]>([]);
  readonly $items: ReadableAtom<T[]> = this.#items;
  #observed = false;
  #loaded = false;
  /** Changes seen while a load is out; undefined when none is. */
  #pending: Array<(items: T[]) => T[]> | undefined;
  #generation = 0;

  constructor(private readonly host: LiveListHost<T>) {
    onMount(this.#items, () => {
      this.#observed = true;
      const stop = host.follow();
      this.reload();
      return () => {
        this.#observed = false;
        this.#loaded = false;
        this.#generation++;
        this.#pending = undefined;
        stop();
      };
    });
  }

  /** Reads the list again if it is observed (first use, a `resync`). */
  reload(): void {
    if (!this.#observed || !this.host.alive()) return;
    const generation = ++this.#generation;
    this.#pending = [];
    this.host.load().then(
      (items) => {
        if (generation !== this.#generation || !this.host.alive()) return;
        const next = this.#pending!.reduce((list, change) => change(list), items);
        this.#pending = undefined;
        this.#loaded = true;
        this.#items.set(next);
      },
      () => {
        if (generation === this.#generation) this.#pending = undefined;
      },
    );
  }

  /** Loads it when observed and neither loaded nor loading (a first load failed; the socket is back). */
  loadIfUnloaded(): void {
    if (!this.#loaded && !this.#pending) this.reload();
  }

  /** Applies a change from an event or a reply. */
  change(change: (items: T[]) => T[]): void {
    this.#pending?.push(change);
    if (!this.#loaded || !this.host.alive()) return;
    const items = this.#items.get();
    const next = change(items);
    if (next !== items) this.#items.set(next);
  }

  /** Empties it for good (the user signed out). */
  dispose(): void {
    this.#generation++;
    this.#loaded = false;
    this.#pending = undefined;
    this.#items.set([]);
  }
}

/** A member as listed now, or taken off the list (`null`). */
export const memberChange =
  (userId: string, member: Member | null) =>
  (list: Member[]): Member[] => {
    const at = list.findIndex((m) => m.user.id === userId);
    if (!member) return at < 0 ? list : list.filter((_, i) => i !== at);
    return at < 0 ? [...list, member] : list.map((m, i) => (i === at ? member : m));
  };

/** A change of the member list made to the list of owners and moderators (a plain member is left off it). */
export const staffOnly =
  (change: (list: Member[]) => Member[]) =>
  (list: Member[]): Member[] => {
    const next = change(list);
    return next.some((m) => m.role === 'member') ? next.filter((m) => m.role !== 'member') : next;
  };

/** How a member event changes the member list (undefined for one that does not). */
export function memberEventChange(event: EventFrame): ((list: Member[]) => Member[]) | undefined {
  if (!('user' in event.data)) return undefined;
  const { user, role, mutedUntil } = event.data;
  switch (event.kind) {
    case 'member:joined':
      return memberChange(user.id, { user, role, joinedAt: event.at, mutedUntil: null });
    case 'member:left':
    case 'member:banned':
      return memberChange(user.id, null);
    case 'member:updated':
      return (list) => {
        const before = list.find((m) => m.user.id === user.id);
        return memberChange(user.id, { joinedAt: event.at, ...before, user, role, mutedUntil: mutedUntil ?? null })(
          list,
        );
      };
    default:
      return undefined;
  }
}

/** Pinned messages, most recently pinned first. */
const byPinned = (a: Message, b: Message) => (a.pinnedAt! < b.pinnedAt! ? 1 : a.pinnedAt! > b.pinnedAt! ? -1 : 0);

/** How a message as it is now changes the pinned list: in it while pinned and not deleted. */
export const pinChange =
  (message: Message) =>
  (list: Message[]): Message[] => {
    const pinned = !!message.pinnedAt && !message.deletedAt;
    const at = list.findIndex((m) => m.id === message.id);
    if (!pinned) return at < 0 ? list : list.filter((_, i) => i !== at);
    return [...list.filter((m) => m.id !== message.id), message].sort(byPinned);
  };
