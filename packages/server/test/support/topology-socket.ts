import WebSocket from 'ws';

/** What a listening socket saw of one channel's event stream. */
export interface StreamRecord {
  /** The head `seq` when the subscription began (from `subscribed`). */
  startSeq: number;
  /** The last event `seq` taken in order. */
  lastSeq: number;
  /** Events received. */
  received: number;
  /** Events that broke the order: a duplicate, a gap or a step back (the first few). */
  problems: string[];
}

/**
 * A bare listener on the socket protocol, cheap enough to open hundreds: it redeems a ticket, subscribes to
 * one channel from its head and checks that every event arrives once, in `seq` order, with no gap.
 */
export class ListeningSocket {
  readonly record: StreamRecord = { startSeq: -1, lastSeq: -1, received: 0, problems: [] };
  #ws: WebSocket | undefined;
  #closed = false;
  #pinger: NodeJS.Timeout | undefined;

  constructor(
    readonly name: string,
    readonly channelId: string,
  ) {}

  /** Opens the socket at `baseUrl` with `ticket` and resolves once subscribed (the head is known). */
  open(baseUrl: string, ticket: string, timeoutMs = 15_000): Promise<void> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`;
    const ws = new WebSocket(url, { handshakeTimeout: timeoutMs });
    this.#ws = ws;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: not subscribed within ${timeoutMs} ms`)),
        timeoutMs,
      );
      ws.on('error', (error) => reject(new Error(`${this.name}: ${error.message}`)));
      ws.on('close', (code, reason) => {
        clearInterval(this.#pinger);
        if (!this.#closed) this.#problem(`closed by the server with ${code} ${reason}`);
        reject(new Error(`${this.name}: closed (${code}) before it was subscribed`));
      });
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as { type: string; channelId?: string; seq?: number };
        if (frame.type === 'hello') {
          const { heartbeatMs } = frame as { heartbeatMs?: number };
          this.#pinger = setInterval(() => ws.send('{"type":"ping"}'), (heartbeatMs ?? 25_000) / 2);
          ws.send(JSON.stringify({ type: 'subscribe', channels: [{ id: this.channelId }] }));
        } else if (frame.type === 'subscribed' && frame.channelId === this.channelId) {
          this.record.startSeq = this.record.lastSeq = frame.seq!;
          clearTimeout(timer);
          resolve();
        } else if (frame.type === 'event' && frame.channelId === this.channelId) this.#event(frame.seq!);
        else if (frame.type === 'error' || frame.type === 'resync') this.#problem(`a ${frame.type} frame: ${data}`);
      });
    });
  }

  #event(seq: number): void {
    const record = this.record;
    record.received++;
    if (record.startSeq < 0) this.#problem(`event ${seq} before subscribed`);
    else if (seq === record.lastSeq + 1) record.lastSeq = seq;
    else if (seq <= record.lastSeq) this.#problem(`event ${seq} again or late, after ${record.lastSeq}`);
    else {
      this.#problem(`event ${seq} after ${record.lastSeq}: a gap`);
      record.lastSeq = seq;
    }
  }

  #problem(what: string): void {
    if (this.record.problems.length < 5) this.record.problems.push(`${this.name}: ${what}`);
  }

  close(): void {
    this.#closed = true;
    clearInterval(this.#pinger);
    this.#ws?.terminate();
  }
}
