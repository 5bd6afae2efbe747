import type { Channel } from '@confab/protocol';
import { atom, onMount, type ReadableAtom } from 'nanostores';
import { ConfabError } from './errors.js';
import { type ChatApi, unwrap } from './http.js';

/** A channel as the user may see it: still loading, found, or not there (missing, or not theirs to see). */
export type ChannelInfo = { status: 'loading' } | { status: 'ready'; channel: Channel } | { status: 'not_found' };

/** What a channel's info needs from its room. */
export interface InfoHost {
  readonly channelId: string;
  readonly api: ChatApi;
  /** False once the user signed out. */
  alive(): boolean;
  /** The channel as `$channels` lists it (joined), if it does. */
  listed(): Channel | undefined;
  /** The channel was found: its `lastSeq` tells the room where it stands. */
  found(channel: Channel): void;
}

const LOADING: ChannelInfo = { status: 'loading' };

/**
 * One channel's `$info`: loaded when first observed, taken from `$channels` while the user has joined it
 * (so counts and names stay current), fetched otherwise (a public channel to join, one just left).
 */
export class ChannelInfoStore {
  readonly #info = atom<ChannelInfo>(LOADING);
  readonly $info: ReadableAtom<ChannelInfo> = this.#info;
  #mounted = false;
  #fetching = false;

  constructor(private readonly host: InfoHost) {
    onMount(this.#info, () => {
      this.#mounted = true;
      this.sync();
      return () => {
        this.#mounted = false;
      };
    });
  }

  /** Follows `$channels` while observed (and fetches again after a failure, on the next open socket). */
  sync(): void {
    if (!this.host.alive() || !this.#mounted) return;
    const listed = this.host.listed();
    const info = this.#info.get();
    if (listed) this.set(listed);
    else if (info.status === 'loading' || (info.status === 'ready' && info.channel.role !== null)) void this.#fetch();
  }

  /** The channel as the server just returned it (a join). */
  set(channel: Channel): void {
    const info = this.#info.get();
    if (info.status === 'ready' && info.channel === channel) return;
    this.#info.set({ status: 'ready', channel });
    this.host.found(channel);
  }

  /** Changes a channel `$channels` does not list (an update event, the read marker). */
  patch(fields: Partial<Channel>): void {
    const info = this.#info.get();
    if (info.status === 'ready' && !this.host.listed())
      this.#info.set({ status: 'ready', channel: { ...info.channel, ...fields } });
  }

  /** Forgets it (the user signed out). */
  dispose(): void {
    this.#info.set(LOADING);
  }

  async #fetch(): Promise<void> {
    if (this.#fetching) return;
    this.#fetching = true;
    const { api, channelId } = this.host;
    try {
      const channel = await unwrap(api.GET('/api/v1/channels/{channelId}', { params: { path: { channelId } } }));
      if (this.host.alive() && !this.host.listed()) this.set(channel);
    } catch (error) {
      const missing = error instanceof ConfabError && (error.status === 403 || error.status === 404);
      if (missing && this.host.alive()) this.#info.set({ status: 'not_found' });
    } finally {
      this.#fetching = false;
    }
  }
}
