import type { Message, MessageBody } from '@confab/protocol';
import { atom, type ReadableAtom } from 'nanostores';
import { ConfabError } from './errors.js';

/** A send that the server has not acknowledged yet. */
export interface OutboxEntry {
  clientMessageId: string;
  channelId: string;
  parentId: string | null;
  body: MessageBody;
  /** Users it mentions besides the `@username`s in its text. */
  mentions?: string[];
  createdAt: string;
  /** Set when the server refused it for good; `retry` or `discard` it. */
  failed?: { code: ConfabError['code']; detail: string; status?: number | undefined };
}

/** Where pending sends survive a reload. */
export interface OutboxStore {
  load(): Promise<OutboxEntry[]>;
  save(entries: OutboxEntry[]): Promise<void>;
}

/** Keeps nothing across reloads (Node, or browsers without IndexedDB). */
export const memoryStore = (): OutboxStore => ({ load: async () => [], save: async () => {} });

/** Keeps the outbox in IndexedDB under `key` (one list per server and user). */
export function indexedDbStore(key: string): OutboxStore {
  const open = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('confab', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('outbox');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const run = <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest) =>
    open.then(
      (db) =>
        new Promise<T>((resolve, reject) => {
          const tx = db.transaction('outbox', mode);
          const request = act(tx.objectStore('outbox'));
          tx.oncomplete = () => resolve(request.result as T);
          tx.onerror = () => reject(tx.error);
        }),
    );
  return {
    load: async () => (await run<OutboxEntry[] | undefined>('readonly', (s) => s.get(key))) ?? [],
    save: async (entries) => void (await run('readwrite', (s) => s.put(entries, key))),
  };
}

const toError = (failed: NonNullable<OutboxEntry['failed']>) =>
  new ConfabError(failed.code, failed.detail, failed.status);

/**
 * Sends in order, exactly once: each entry keeps its `clientMessageId` through every retry, so the
 * server stores it once however often it is transmitted (after a lost ack, a reconnect or a reload).
 */
export class Outbox {
  readonly #entries = atom<OutboxEntry[]>([]);
  readonly $entries: ReadableAtom<OutboxEntry[]> = this.#entries;
  readonly #waiting = new Map<string, { resolve: (m: Message) => void; reject: (e: ConfabError) => void }>();
  #store: OutboxStore = memoryStore();
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Puts an entry on the wire; false when there is no open socket (it waits for the next flush). */
    private readonly transmit: (entry: OutboxEntry) => boolean,
  ) {}

  /** Switches to another store (a user signed in) and takes over what it kept. */
  async use(store: OutboxStore): Promise<void> {
    this.#store = store;
    const kept = await store.load().catch(() => []);
    if (this.#store !== store) return; // signed out (or in as someone else) meanwhile
    const known = new Set(this.#entries.get().map((e) => e.clientMessageId));
    this.#set([...kept.filter((e) => !known.has(e.clientMessageId)), ...this.#entries.get()]);
    this.flush();
  }

  /**
   * Lets go of the user's store (signing out): what it keeps stays there for their next sign-in, which
   * also settles the sends still waiting.
   */
  detach(): void {
    this.#store = memoryStore();
    this.#entries.set([]);
  }

  send(entry: OutboxEntry): Promise<Message> {
    const settled = new Promise<Message>((resolve, reject) =>
      this.#waiting.set(entry.clientMessageId, { resolve, reject }),
    );
    this.#set([...this.#entries.get(), entry]);
    this.transmit(entry);
    return settled;
  }

  /** Transmits every entry that has not failed, in order (on every open socket). */
  flush(): void {
    for (const entry of this.#entries.get()) if (!entry.failed && !this.transmit(entry)) return;
  }

  /** The server stored it (an ack, the HTTP reply, or the event, whichever came first). */
  settle(message: Message): void {
    const id = message.clientMessageId;
    if (!this.#entries.get().some((e) => e.clientMessageId === id)) return;
    this.#set(this.#entries.get().filter((e) => e.clientMessageId !== id));
    this.#waiting.get(id)?.resolve(message);
    this.#waiting.delete(id);
  }

  /** The server refused it: retry later when that may help, otherwise mark it failed. */
  refuse(clientMessageId: string, error: ConfabError): void {
    if (error.retryable) {
      // One retry for a burst of refusals: a flush sends every entry, so a flush per refusal would multiply them.
      this.#retry ??= setTimeout(
        () => {
          this.#retry = undefined;
          this.flush();
        },
        (error.retryAfter ?? 1) * 1000,
      );
      return;
    }
    const failed = { code: error.code, detail: error.detail, status: error.status };
    this.#set(this.#entries.get().map((e) => (e.clientMessageId === clientMessageId ? { ...e, failed } : e)));
    this.#waiting.get(clientMessageId)?.reject(error);
    this.#waiting.delete(clientMessageId);
  }

  retry(clientMessageId: string): Promise<Message> {
    const entry = this.#entries.get().find((e) => e.clientMessageId === clientMessageId);
    if (!entry) return Promise.reject(new ConfabError('not_found', 'No such pending message.'));
    this.#set(this.#entries.get().filter((e) => e !== entry));
    const { failed: _, ...fresh } = entry;
    return this.send(fresh);
  }

  discard(clientMessageId: string): void {
    const entry = this.#entries.get().find((e) => e.clientMessageId === clientMessageId);
    if (!entry) return;
    this.#set(this.#entries.get().filter((e) => e !== entry));
    this.#waiting
      .get(clientMessageId)
      ?.reject(entry.failed ? toError(entry.failed) : new ConfabError('conflict', 'Discarded.'));
    this.#waiting.delete(clientMessageId);
  }

  #set(entries: OutboxEntry[]): void {
    this.#entries.set(entries);
    void this.#store.save(entries).catch(() => {});
  }
}
