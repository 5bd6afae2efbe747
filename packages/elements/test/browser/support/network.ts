/**
 * A network that a test can cut and restore, for `createChatClient({ fetch, WebSocket })`: offline,
 * requests fail as a browser's do (a `TypeError`), open sockets drop, and new sockets fail to connect.
 */
export class SwitchableNetwork {
  #online = true;
  readonly #sockets = new Set<WebSocket>();

  get online(): boolean {
    return this.#online;
  }

  readonly fetch: typeof fetch = (input, init) =>
    this.#online ? globalThis.fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));

  readonly WebSocket: typeof WebSocket = (() => {
    const network = this;
    return class SwitchableWebSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        if (!network.#online) {
          this.close();
          return;
        }
        network.#sockets.add(this);
        this.addEventListener('close', () => network.#sockets.delete(this));
      }
    };
  })();

  /** Cuts the network: the browser says so, and every open socket drops. */
  goOffline(): void {
    this.#online = false;
    window.dispatchEvent(new Event('offline'));
    for (const socket of this.#sockets) socket.close(4000, 'network down');
  }

  /** Restores the network; the browser says so. */
  goOnline(): void {
    this.#online = true;
    window.dispatchEvent(new Event('online'));
  }
}
