import type { ReactiveController, ReactiveControllerHost } from 'lit';

const QUIET_MS = 800;

/**
 * Announces new messages once a burst of them is over, summarised ("3 new messages"), instead of reading
 * each one out: the host renders `text` in a polite live region.
 */
export class Announcer implements ReactiveController {
  /** What the live region says now. */
  text = '';
  #count = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly say: (count: number) => string,
  ) {
    host.addController(this);
  }

  /** `count` more messages arrived. */
  add(count: number): void {
    this.#count += count;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.text = this.say(this.#count);
      this.#count = 0;
      this.host.requestUpdate();
    }, QUIET_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#count = 0;
  }
}
