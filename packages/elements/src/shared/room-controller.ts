import type { AuthStatus, ChannelRoom, ChatClient } from '@confab/core';
import type { ReactiveControllerHost } from 'lit';
import { StoreController } from './store-controller.js';

/**
 * A channel's room for an element, only while someone is signed in: nothing while signed out (so no room
 * is made, and loaded, for nobody), and the client's fresh room after signing in again (a sign-out drops
 * the rooms of the user who left). The host re-renders when the sign-in state changes.
 */
export class RoomController {
  readonly #auth: StoreController<AuthStatus>;

  constructor(host: ReactiveControllerHost) {
    this.#auth = new StoreController<AuthStatus>(host, 'signed-out');
  }

  /** The room of `channel` on `client` now, if someone is signed in; call it from `willUpdate`. */
  of(client: ChatClient | undefined, channel: string): ChannelRoom | undefined {
    this.#auth.follow(client?.$auth);
    return client && channel && this.#auth.value === 'signed-in' ? client.channel(channel) : undefined;
  }
}
