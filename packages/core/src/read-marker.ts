import type { ChatApi } from './http.js';

/** Where the user's read marker stands in a channel. */
export interface ReadState {
  /** The last `seq` the user has read (0 before reading anything, or when not a member). */
  lastReadSeq: number;
  /** Top-level messages by others after it. */
  unreadCount: number;
}

/** What a read marker needs from its room. */
export interface ReadHost {
  readonly channelId: string;
  readonly api: ChatApi;
  /** False once the user signed out. */
  alive(): boolean;
  /** The newest `seq` known for the channel, if any is. */
  head(): number | undefined;
  /** Sends a socket frame if the socket is open; returns whether it went out. */
  sendFrame(frame: { type: 'read'; channelId: string; seq: number }): boolean;
  /** Shows the channel read up to `seq` at once (`$channels`, `$info`). */
  showRead(seq: number): void;
}

const SEND_DELAY_MS = 150;
const hidden = () => globalThis.document?.visibilityState === 'hidden';

/**
 * The user's read marker in one channel: shown at once, sent to the server coalesced and one frame or
 * request at a time (the newest `seq` wins); when the network is down it waits for the next connection.
 * While kept (`keep()`) and the page is visible, every new message counts as read as it arrives.
 */
export class ReadMarker {
  #keepers = 0;
  /** A `seq` the server has not been told yet. */
  #unsent: number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sending = false;

  constructor(private readonly host: ReadHost) {}

  /** Whether new messages count as read right now. */
  get kept(): boolean {
    return this.#keepers > 0 && !hidden();
  }

  /** Marks everything known so far as read. */
  mark(): void {
    const seq = this.host.head();
    if (!this.host.alive() || seq === undefined) return;
    this.host.showRead(seq);
    if (this.#unsent === undefined || seq > this.#unsent) this.#unsent = seq;
    this.#timer ??= setTimeout(() => void this.flush(), SEND_DELAY_MS);
  }

  /** Keeps the channel read until the returned function is called. */
  keep(): () => void {
    if (this.#keepers++ === 0) globalThis.document?.addEventListener('visibilitychange', this.moved);
    this.mark();
    let kept = true;
    return () => {
      if (!kept) return;
      kept = false;
      if (--this.#keepers === 0) globalThis.document?.removeEventListener('visibilitychange', this.moved);
    };
  }

  /** The channel moved on (an event applied, its head became known, the page became visible). */
  moved = (): void => {
    if (this.kept) this.mark();
  };

  /**
   * Tells the server the newest unsent marker: over the socket when it is open, over HTTP otherwise. A
   * request the network failed keeps the marker for the next call (the client calls it on every open socket).
   */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const seq = this.#unsent;
    if (seq === undefined || this.#sending || !this.host.alive()) return;
    const { channelId, api } = this.host;
    if (!this.host.sendFrame({ type: 'read', channelId, seq })) {
      this.#sending = true;
      const reached = await api
        .PUT('/api/v1/channels/{channelId}/read', { params: { path: { channelId } }, body: { seq } })
        .then(
          () => true,
          () => false,
        );
      this.#sending = false;
      if (!reached) return;
    }
    if (this.#unsent === seq) this.#unsent = undefined;
    else void this.flush(); // a newer marker came meanwhile
  }

  /** Stops for good (the user signed out). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#unsent = undefined;
    if (this.#keepers > 0) globalThis.document?.removeEventListener('visibilitychange', this.moved);
    this.#keepers = 0;
  }
}
