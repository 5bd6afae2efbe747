import { atom, type ReadableAtom } from 'nanostores';
import { type ChatApi, unwrap } from './http.js';

/** The users the signed-in user blocked: loaded at sign-in, changed at once by `block` / `unblock`. */
export class Blocks {
  readonly #blocked = atom<string[]>([]);
  readonly $blocked: ReadableAtom<string[]> = this.#blocked;
  /** Counts sign-ins and sign-outs: a reply for an earlier session is dropped. */
  #session = 0;
  /** Blocks and unblocks made while the list loads, applied again to what it returns. */
  #meanwhile: Array<[userId: string, blocked: boolean]> | undefined;

  constructor(private readonly api: ChatApi) {}

  /** Loads the list for the user who just signed in (a failure leaves it empty). */
  async load(): Promise<void> {
    const session = ++this.#session;
    const meanwhile: Array<[string, boolean]> = [];
    this.#meanwhile = meanwhile;
    try {
      const { items } = await unwrap(this.api.GET('/api/v1/me/blocks'));
      if (session !== this.#session) return;
      this.#meanwhile = undefined;
      this.#blocked.set(items.map((u) => u.id));
      for (const [userId, blocked] of meanwhile) this.#show(userId, blocked);
    } catch {
      // Not known: nobody is shown as blocked; the server still applies the blocks.
    } finally {
      if (this.#meanwhile === meanwhile) this.#meanwhile = undefined;
    }
  }

  /** Forgets the list (signed out). */
  clear(): void {
    this.#session++;
    this.#meanwhile = undefined;
    this.#blocked.set([]);
  }

  /** Blocks a user: listed at once, unlisted again if the server refuses. */
  block(userId: string): Promise<void> {
    return this.#change(userId, true);
  }

  /** Unblocks a user: unlisted at once, listed again if the server refuses. */
  unblock(userId: string): Promise<void> {
    return this.#change(userId, false);
  }

  async #change(userId: string, blocked: boolean): Promise<void> {
    const before = this.#blocked.get().includes(userId);
    this.#show(userId, blocked);
    const params = { params: { path: { userId } } };
    try {
      await unwrap(
        blocked
          ? this.api.PUT('/api/v1/me/blocks/{userId}', params)
          : this.api.DELETE('/api/v1/me/blocks/{userId}', params),
      );
    } catch (error) {
      this.#show(userId, before);
      throw error;
    }
  }

  #show(userId: string, blocked: boolean): void {
    this.#meanwhile?.push([userId, blocked]);
    const list = this.#blocked.get().filter((id) => id !== userId);
    this.#blocked.set(blocked ? [userId, ...list] : list);
  }
}
