import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Follows a nanostore while the host is connected: the host re-renders on every change, and the
 * store is observed (so it loads and subscribes) only while the element is in the document.
 */
export class StoreController<T> implements ReactiveController {
  #store: ReadableAtom<T> | undefined;
  #stop: (() => void) | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fallback: T,
  ) {
    host.addController(this);
  }

  /** The store's value, or the fallback while there is no store. */
  get value(): T {
    return this.#store ? this.#store.get() : this.fallback;
  }

  /** Follows another store (or none). */
  follow(store: ReadableAtom<T> | undefined): void {
    if (store === this.#store) return;
    this.#stop?.();
    this.#stop = undefined;
    this.#store = store;
    if (this.#connected) this.#listen();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#listen();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop?.();
    this.#stop = undefined;
  }

  #listen(): void {
    if (this.#store && !this.#stop) this.#stop = this.#store.listen(() => this.host.requestUpdate());
  }
}
