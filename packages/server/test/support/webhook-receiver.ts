import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventKind } from '@confab/protocol';

/** A delivery as the receiver got it: the raw body and headers, and what it answered. */
export interface Delivery {
  eventId: string;
  signature: string;
  raw: string;
  event: { id: string; channelId: string; seq: number; kind: EventKind; at: string; data: unknown };
  status: number;
}

/**
 * Decides the answer to a delivery (a status), possibly after a while; the `n`th delivery of its id is `tries`.
 * `hungUp` settles when the sender closes the connection before the answer (it timed out, or it died).
 */
export type Answer = (event: Delivery['event'], tries: number, hungUp: Promise<void>) => number | Promise<number>;

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * A host app's webhook endpoint on loopback: it records every delivery, answers as `answer` says (200 by
 * default), and dedupes what it accepted by `Confab-Event-Id`, as the README tells a receiver to.
 */
export class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  answer: Answer = () => 200;
  readonly #tries = new Map<string, number>();

  private constructor(
    readonly url: string,
    private readonly server: Server,
  ) {}

  static async start(path = '/hooks/confab'): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | undefined;
    const server = createServer((request, response) => {
      const hungUp = new Promise<void>((resolve) => response.once('close', resolve));
      void (async () => {
        const raw = await readBody(request);
        const event = JSON.parse(raw) as Delivery['event'];
        const eventId = String(request.headers['confab-event-id'] ?? '');
        const tries = (receiver!.#tries.get(eventId) ?? 0) + 1;
        receiver!.#tries.set(eventId, tries);
        const status = await receiver!.answer(event, tries, hungUp);
        receiver!.deliveries.push({
          eventId,
          signature: String(request.headers['confab-signature'] ?? ''),
          raw,
          event,
          status,
        });
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
      })().catch(() => response.writeHead(400).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new WebhookReceiver(`http://127.0.0.1:${port}${path}`, server);
    return receiver;
  }

  /** What it accepted (answered 2xx), each event id once, in the order it first arrived. */
  accepted(): Delivery[] {
    const seen = new Set<string>();
    return this.deliveries.filter((d) => d.status < 300 && !seen.has(d.eventId) && seen.add(d.eventId));
  }

  /** Accepted deliveries of an id it had accepted before: what at-least-once costs. */
  duplicates(): number {
    return this.deliveries.filter((d) => d.status < 300).length - this.accepted().length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
