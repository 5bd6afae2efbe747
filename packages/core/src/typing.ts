import type { User } from '@confab/protocol';
import { atom, type ReadableAtom } from 'nanostores';

/** Who is typing in a channel: each `typing` frame shows its user for as long as it says, or until they post. */
export class TypingUsers {
  readonly #users = atom<User[]>([]);
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly $users: ReadableAtom<User[]> = this.#users;

  /** Shows `user` typing for `forMs` (again from now if they already are). */
  show(user: User, forMs: number): void {
    clearTimeout(this.#timers.get(user.id));
    this.#timers.set(
      user.id,
      setTimeout(() => this.stop(user.id), forMs),
    );
    if (!this.#users.get().some((u) => u.id === user.id)) this.#users.set([...this.#users.get(), user]);
  }

  /** The user stopped typing (they posted, or their time ran out). */
  stop(userId: string): void {
    clearTimeout(this.#timers.get(userId));
    this.#timers.delete(userId);
    if (this.#users.get().some((u) => u.id === userId))
      this.#users.set(this.#users.get().filter((u) => u.id !== userId));
  }

  /** Nobody is typing any more; no timer is left running. */
  clear(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#users.set([]);
  }
}
