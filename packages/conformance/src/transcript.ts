/** The longest body or frame text an exchange keeps; the report should stay readable. */
export const MAX_TEXT = 600;

/** One HTTP request and its reply. */
export interface HttpExchange {
  kind: 'http';
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** The request body as sent (truncated), when there was one. */
  request?: string;
  status: number;
  contentType: string | null;
  /** The reply body (truncated), when there was one. */
  reply?: string;
}

/** One socket frame, sent or received. */
export interface FrameExchange {
  kind: 'frame';
  direction: 'sent' | 'received';
  /** Which socket of the check (1, 2, …). */
  socket: number;
  text: string;
}

/** A socket opened, refused or closed. */
export interface SocketExchange {
  kind: 'socket';
  socket: number;
  event: string;
}

/** Something the check sent or saw. */
export type Exchange = HttpExchange | FrameExchange | SocketExchange;

/** Cuts `text` to {@link MAX_TEXT} characters, saying how much was left out. */
export function truncate(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** The exchanges of one check, in the order they happened. */
export class Transcript {
  readonly exchanges: Exchange[] = [];
  #sockets = 0;

  record(exchange: Exchange): void {
    this.exchanges.push(exchange);
  }

  /** A number for the next socket of this check. */
  nextSocket(): number {
    this.#sockets += 1;
    return this.#sockets;
  }

  /** The last `count` exchanges. */
  tail(count: number): Exchange[] {
    return this.exchanges.slice(-count);
  }
}
