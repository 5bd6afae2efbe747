import { atom, computed, type ReadableAtom } from 'nanostores';
import type { SessionMemory } from './session.js';

/** Unsent text of one channel or one thread. */
export interface Draft {
  /** The text so far ('' when there is none). */
  readonly $text: ReadableAtom<string>;
  /** Replaces the text (an empty text clears it). */
  set(text: string): void;
  /** Forgets the text (after sending it, say). */
  clear(): void;
}

/**
 * The signed-in user's drafts, per channel and thread. With a storage they are kept there, one entry per
 * server and user, so they survive a reload; without one, in memory for as long as the client lives.
 */
export class Drafts {
  readonly #texts = atom<Record<string, string>>({});
  #user: string | undefined;

  constructor(
    private readonly storage: SessionMemory | undefined,
    /** The storage key of a user's drafts. */
    private readonly keyOf: (userId: string) => string,
  ) {}

  /** The signed-in user changed (or became known): shows theirs. */
  follow(userId: string | undefined): void {
    if (userId === this.#user) return;
    const before = this.#user;
    this.#user = userId;
    const kept = this.#read();
    // Text typed before the user was known (a host-app token before the socket said who) is theirs.
    this.#texts.set(userId && before === undefined ? { ...kept, ...this.#texts.get() } : kept);
  }

  /** The draft of one channel (`parentId` omitted) or thread; `alive` turns it inert after a sign-out. */
  draft(channelId: string, parentId: string | undefined, alive: () => boolean): Draft {
    const key = `${channelId}|${parentId ?? ''}`;
    return {
      $text: computed(this.#texts, (texts) => texts[key] ?? ''),
      set: (text) => {
        if (alive()) this.#write(key, text);
      },
      clear: () => {
        if (alive()) this.#write(key, '');
      },
    };
  }

  /** Forgets every draft of the signed-in user (signing out). */
  clear(): void {
    if (this.#user) this.#attempt(() => this.storage?.removeItem(this.keyOf(this.#user!)));
    this.#texts.set({});
  }

  #write(key: string, text: string): void {
    // Another tab of the same user may have changed other drafts since: start from what is stored.
    const texts = { ...this.#texts.get(), ...this.#read(), [key]: text };
    if (!text) delete texts[key];
    this.#texts.set(texts);
    if (this.#user) this.#attempt(() => this.storage?.setItem(this.keyOf(this.#user!), JSON.stringify(texts)));
  }

  #read(): Record<string, string> {
    if (!this.#user) return {};
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(this.keyOf(this.#user)) ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  /** Storage may be full or refused (private mode): drafts then live in memory only. */
  #attempt(act: () => void): void {
    try {
      act();
    } catch {}
  }
}
