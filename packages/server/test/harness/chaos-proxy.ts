import { createServer, type Server, Socket } from 'node:net';

/** What the proxy can do to a connection. */
export type LinkFault = 'drop' | 'stall' | 'reset';

/** One client connection and its upstream twin. */
class Link {
  #stalled = false;
  readonly #blocked = new Set<Socket>();

  constructor(
    readonly client: Socket,
    readonly upstream: Socket,
  ) {
    this.#pipe(client, upstream);
    this.#pipe(upstream, client);
  }

  get stalled(): boolean {
    return this.#stalled;
  }

  /** Stops forwarding in both directions (bytes wait in the kernel's buffers) until `resume`. */
  stall(): void {
    this.#stalled = true;
    this.client.pause();
    this.upstream.pause();
  }

  resume(): void {
    this.#stalled = false;
    for (const socket of [this.client, this.upstream]) if (!this.#blocked.has(socket)) socket.resume();
  }

  /** Closes both sides at once, as a dead network path or a crashed middlebox would. */
  drop(): void {
    this.client.destroy();
    this.upstream.destroy();
  }

  /** Aborts both sides with a TCP RST. */
  reset(): void {
    for (const socket of [this.client, this.upstream]) {
      if (socket.destroyed) continue;
      if (socket.readyState === 'opening') socket.destroy();
      else socket.resetAndDestroy();
    }
  }

  /** Forwards `from` to `to`, honouring back-pressure and stalls. */
  #pipe(from: Socket, to: Socket): void {
    from.on('data', (chunk: Buffer) => {
      if (to.write(chunk)) return;
      this.#blocked.add(from);
      from.pause();
      to.once('drain', () => {
        this.#blocked.delete(from);
        if (!this.#stalled) from.resume();
      });
    });
    from.on('end', () => to.end());
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  }
}

/**
 * A loopback TCP proxy in front of a server whose port may go dark (restarts): every connection is forwarded
 * byte for byte to `127.0.0.1:targetPort` until a fault is injected into it. A connection made while the server
 * is down is closed, as a refused connection would be.
 */
export class ChaosProxy {
  readonly #links = new Set<Link>();
  #server: Server | undefined;
  #port = 0;

  constructor(private readonly targetPort: number) {}

  /** Where clients connect: `http://127.0.0.1:PORT`. */
  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Connections currently forwarded. */
  get linkCount(): number {
    return this.#links.size;
  }

  async start(): Promise<void> {
    const server = createServer({ pauseOnConnect: true }, (client) => this.#accept(client));
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the proxy has no TCP address');
    this.#port = address.port;
  }

  /**
   * Injects a fault into up to `count` connections chosen by `choose` (an index in [0, n)). A stall lasts
   * `stallMs`; resolves once it is over. Returns how many connections were hit.
   */
  async inject(fault: LinkFault, count: number, choose: (n: number) => number, stallMs = 0): Promise<number> {
    const pool = [...this.#links].filter((l) => !l.stalled);
    const hit: Link[] = [];
    while (hit.length < count && pool.length) hit.push(...pool.splice(choose(pool.length), 1));
    for (const link of hit) {
      if (fault === 'drop') link.drop();
      else if (fault === 'reset') link.reset();
      else link.stall();
    }
    if (fault === 'stall' && hit.length) {
      await new Promise((resolve) => setTimeout(resolve, stallMs));
      for (const link of hit) link.resume();
    }
    return hit.length;
  }

  /** Ends every connection and stops listening. */
  async close(): Promise<void> {
    for (const link of this.#links) link.drop();
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #accept(client: Socket): void {
    if (!this.#server) return void client.destroy();
    const upstream = new Socket();
    const link = new Link(client, upstream);
    this.#links.add(link);
    client.once('close', () => this.#links.delete(link));
    upstream.connect(this.targetPort, '127.0.0.1', () => {
      if (!link.stalled) client.resume();
    });
  }
}
