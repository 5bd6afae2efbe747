import type { EventFrame } from '@confab/protocol';

/**
 * Puts one channel's events from the bus back in `seq` order. Processes commit a channel's events in order
 * but publish them on their own, so two of them may arrive swapped; an event ahead of its predecessor waits
 * up to `waitMs` for it, and is then passed on anyway (the hub reads what is really missing from the log).
 * Events older than the next expected one (repeats) pass straight through: subscriptions drop them by `seq`.
 */
export class EventOrder {
  #next: number | undefined;
  readonly #held = new Map<number, EventFrame>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deliver: (frame: EventFrame) => void,
    private readonly waitMs: number,
  ) {}

  push(frame: EventFrame): void {
    if (this.#next !== undefined && frame.seq > this.#next) {
      this.#held.set(frame.seq, frame);
      this.#timer ??= setTimeout(() => this.#release(), this.waitMs).unref();
      return;
    }
    if (this.#next === undefined || frame.seq === this.#next) this.#next = frame.seq + 1;
    this.deliver(frame);
    for (let held = this.#held.get(this.#next); held; held = this.#held.get(this.#next)) {
      this.#held.delete(held.seq);
      this.#next = held.seq + 1;
      this.deliver(held);
    }
    if (this.#held.size === 0) this.close();
  }

  /** Stops waiting; what is held is dropped (the channel has no subscriptions left). */
  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#held.clear();
  }

  /** The wait is over: passes on what is held, in order, past the gap. */
  #release(): void {
    this.#timer = undefined;
    const frames = [...this.#held.values()].sort((a, b) => a.seq - b.seq);
    this.#held.clear();
    for (const frame of frames) {
      this.#next = frame.seq + 1;
      this.deliver(frame);
    }
  }
}
