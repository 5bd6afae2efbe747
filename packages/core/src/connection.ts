import type { ClientFrame, HelloFrame, ServerFrame } from '@confab/protocol';
import { atom, type ReadableAtom } from 'nanostores';
import { WebSocket as ReconnectingWebSocket } from 'partysocket';
import type { Reviver } from './urls.js';

/** Where the socket stands. */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'offline' | 'closed';

export interface ConnectionOptions {
  /** `ws(s)://host/api/v1/ws?ticket=…` with a fresh ticket, for every attempt. */
  url: () => Promise<string>;
  WebSocket?: typeof WebSocket | undefined;
  onFrame: (frame: ServerFrame) => void;
  /** Called after each `hello`: the moment to (re)subscribe and flush the outbox. */
  onOpen: (hello: HelloFrame) => void;
  /** How frames are read (content links made absolute). */
  reviver: Reviver;
}

const SERVER_RESTARTING = 1012;
const MAX_DELAY_MS = 10_000;

/**
 * One reconnecting socket (partysocket): exponential backoff with jitter, a fresh ticket per attempt,
 * a heartbeat that notices a dead connection within two periods, and the browser's online/offline events.
 */
export class Connection {
  readonly #status = atom<ConnectionStatus>('idle');
  readonly $status: ReadableAtom<ConnectionStatus> = this.#status;
  #socket: ReconnectingWebSocket | undefined;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #lastHeard = 0;

  constructor(private readonly options: ConnectionOptions) {}

  get isOpen(): boolean {
    return this.#status.get() === 'open';
  }

  open(): void {
    if (this.#socket) return;
    this.#status.set('connecting');
    const socket = new ReconnectingWebSocket(() => this.#nextUrl(), undefined, {
      WebSocket: this.options.WebSocket,
      minReconnectionDelay: 500,
      maxReconnectionDelay: MAX_DELAY_MS,
      reconnectionDelayGrowFactor: 2,
      maxEnqueuedMessages: 0,
      shouldReconnectOnClose: (event) => event.code !== SERVER_RESTARTING,
    });
    socket.addEventListener('message', (event) => {
      if (this.#socket === socket) this.#receive(event.data);
    });
    socket.addEventListener('close', (event) => {
      this.#stopHeartbeat();
      if (this.#socket !== socket) return;
      this.#status.set(globalThis.navigator?.onLine === false ? 'offline' : 'reconnecting');
      if (event.code === SERVER_RESTARTING) socket.reconnect(); // a draining server: go elsewhere at once
    });
    this.#socket = socket;
    globalThis.addEventListener?.('online', this.#online);
    globalThis.addEventListener?.('offline', this.#offline);
  }

  close(): void {
    const socket = this.#socket;
    this.#socket = undefined;
    this.#stopHeartbeat();
    globalThis.removeEventListener?.('online', this.#online);
    globalThis.removeEventListener?.('offline', this.#offline);
    socket?.close(1000, 'client closed');
    this.#status.set('closed');
  }

  /** After `close()`: back to `idle`, so that the next need opens the socket again (fixtures show another status). */
  reset(status: ConnectionStatus = 'idle'): void {
    if (!this.#socket) this.#status.set(status);
  }

  /** Sends a frame if the socket is open; returns whether it went out. */
  send(frame: ClientFrame): boolean {
    if (!this.isOpen || !this.#socket) return false;
    this.#socket.send(JSON.stringify(frame));
    return true;
  }

  /** Drops the current connection and starts over (a dead link, or the network came back). */
  reconnect(): void {
    this.#stopHeartbeat();
    if (this.#socket) this.#status.set('reconnecting');
    this.#socket?.reconnect();
  }

  async #nextUrl(): Promise<string> {
    const retries = this.#socket?.retryCount ?? 0;
    if (retries > 1)
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(MAX_DELAY_MS, 250 * 2 ** retries)));
    return this.options.url();
  }

  #receive(data: unknown): void {
    this.#lastHeard = Date.now();
    let frame: ServerFrame;
    try {
      frame = JSON.parse(String(data), this.options.reviver) as ServerFrame;
    } catch {
      return;
    }
    if (frame.type === 'hello') {
      this.#status.set('open');
      this.#startHeartbeat(frame.heartbeatMs);
      this.options.onOpen(frame);
    }
    this.options.onFrame(frame);
  }

  #startHeartbeat(periodMs: number): void {
    this.#stopHeartbeat();
    this.#heartbeat = setInterval(() => {
      if (Date.now() - this.#lastHeard > 2 * periodMs) return this.reconnect();
      this.send({ type: 'ping' });
    }, periodMs / 2);
  }

  #stopHeartbeat(): void {
    clearInterval(this.#heartbeat);
  }

  #online = () => this.reconnect();
  #offline = () => this.#status.set('offline');
}
