import type { Visibility } from '@confab/protocol';
import type { Session } from './session.js';

/** One socket's interest in one channel: the last `seq` it was sent, and its delivery queue. */
export class Subscription {
  /** The newest `seq` this socket has been sent; -1 until the catch-up has run. */
  lastSeq = -1;
  #queue: Promise<void> = Promise.resolve();
  closed = false;

  constructor(
    readonly session: Session,
    readonly channelId: string,
    readonly visibility: Visibility,
  ) {}

  /** Runs deliveries one after another, so frames leave in the order they were queued. */
  enqueue(task: () => Promise<void>): void {
    this.#queue = this.#queue
      .then(() => (this.closed ? undefined : task()))
      .catch((error: unknown) => this.session.fail(error));
  }
}
