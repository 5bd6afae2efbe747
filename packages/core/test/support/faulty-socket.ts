import type { ServerFrame } from '@confab/protocol';
import WS from 'ws';

/** What to do with one incoming frame. */
export type FrameFate = 'pass' | 'hold' | 'drop';

/**
 * A real `ws` socket with a hand on the wire: incoming frames can be held back (delivered later, among
 * themselves in order, so others overtake them) or dropped, and every connection can be cut as a network failure would cut it. Nothing is faked:
 * the frames come from the real server.
 */
export class SocketFaults {
  /** Decides each incoming frame's fate; everything passes by default. */
  fate: (frame: ServerFrame) => FrameFate = () => 'pass';
  readonly #held: Array<() => void> = [];
  readonly #sockets = new Set<WS>();
  /** Hand this to `createChatClient({ WebSocket })`. */
  readonly WebSocket: typeof WebSocket;

  constructor() {
    const faults = this;
    class FaultyWebSocket extends WS {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        faults.#sockets.add(this);
        this.once('close', () => faults.#sockets.delete(this));
      }

      override emit(event: string | symbol, ...args: unknown[]): boolean {
        if (event !== 'message') return super.emit(event, ...args);
        const fate = faults.fate(JSON.parse(String(args[0])) as ServerFrame);
        if (fate === 'drop') return true;
        if (fate === 'hold') {
          faults.#held.push(() => super.emit(event, ...args));
          return true;
        }
        return super.emit(event, ...args);
      }
    }
    this.WebSocket = FaultyWebSocket as unknown as typeof WebSocket;
  }

  /** How many frames are held back. */
  get heldCount(): number {
    return this.#held.length;
  }

  /** Lets every held frame through, in the order it arrived. */
  release(): void {
    for (const deliver of this.#held.splice(0)) deliver();
  }

  /** Drops every open connection without a close handshake (as a dead network would). */
  cut(): void {
    for (const socket of this.#sockets) socket.terminate();
  }
}
