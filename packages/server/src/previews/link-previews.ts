import type { LinkPreview, Message } from '@confab/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { ChatRepository } from '../repository/repository.js';
import type { Publish } from '../services/publish.js';
import { fetchPage, type Resolve } from './fetch-page.js';
import { firstLink } from './first-link.js';
import { previewFromHtml } from './html-meta.js';
import type { AddressPolicy } from './safe-address.js';

/** What the background previewer needs. */
export interface LinkPreviewsOptions {
  repo: ChatRepository;
  publish: Publish;
  policy: AddressPolicy;
  log: FastifyBaseLogger;
  /** Fetches at once. */
  concurrency?: number;
  /** Messages waiting for a fetch at most; past it, new ones get no preview. */
  maxQueued?: number;
  /** The whole fetch of one page, redirects included (ms). */
  deadlineMs?: number;
  resolve?: Resolve;
}

/**
 * Adds link previews to text messages in the background: after a message with an http(s) link is stored
 * (or edited to a different first link), its first link is fetched ({@link fetchPage}) and the preview
 * stored with a `message:updated` event — unless the message was deleted, edited to another link or had
 * its preview removed meanwhile. Best effort: failures are logged at debug level and leave no preview, and
 * jobs still queued when the process stops are forgotten (not resumed after a restart).
 */
export class LinkPreviews {
  readonly #queue = new Map<string, string>();
  readonly #active = new Set<Promise<void>>();
  readonly #stop = new AbortController();
  readonly #concurrency: number;
  readonly #maxQueued: number;

  constructor(private readonly options: LinkPreviewsOptions) {
    this.#concurrency = options.concurrency ?? 4;
    this.#maxQueued = options.maxQueued ?? 256;
  }

  /** Queues a fetch for the message's first link, unless it has none or already shows its preview. */
  consider(message: Message): void {
    const link = firstLink(message.body);
    if (!link || message.preview?.url === link || this.#stop.signal.aborted) return;
    if (!this.#queue.has(message.id) && this.#queue.size >= this.#maxQueued) {
      this.options.log.debug({ messageId: message.id }, 'link preview queue full; skipped');
      return;
    }
    this.#queue.delete(message.id); // an edit's newer link goes to the back with the newest
    this.#queue.set(message.id, link);
    this.#next();
  }

  /** Drops the queue, stops the fetches in flight and waits for them to end. */
  async close(): Promise<void> {
    this.#stop.abort();
    this.#queue.clear();
    await Promise.allSettled([...this.#active]);
  }

  #next(): void {
    while (this.#active.size < this.#concurrency && this.#queue.size > 0) {
      const [messageId, link] = this.#queue.entries().next().value as [string, string];
      this.#queue.delete(messageId);
      const job = this.#run(messageId, link).finally(() => {
        this.#active.delete(job);
        this.#next();
      });
      this.#active.add(job);
    }
  }

  async #run(messageId: string, link: string): Promise<void> {
    const { repo, publish, policy, log } = this.options;
    try {
      const page = await fetchPage(link, {
        policy,
        signal: this.#stop.signal,
        ...(this.options.deadlineMs ? { deadlineMs: this.options.deadlineMs } : {}),
        ...(this.options.resolve ? { resolve: this.options.resolve } : {}),
      });
      const preview: LinkPreview | undefined = previewFromHtml(page.html, link, page.url);
      if (!preview || this.#stop.signal.aborted) return;
      const { events } = await repo.setPreview(messageId, preview, (message) => firstLink(message.body) === link);
      await publish(events);
    } catch (error) {
      log.debug({ messageId, err: error }, 'no link preview');
    }
  }
}
