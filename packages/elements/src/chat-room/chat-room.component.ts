import { type ChatClient, createChatClient } from '@confab/core';
import { provide } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../chat-channel-list/chat-channel-list.js';
import '../chat-sign-in/chat-sign-in.js';
import '../chat-thread/chat-thread.js';
import '../chat-window/chat-window.js';
import type { Channel, User } from '@confab/core';
import type { ChatChannelSelectEvent } from '../events/chat-channel-select.js';
import type { ChatThreadCloseEvent } from '../events/chat-thread-close.js';
import type { ChatThreadOpenEvent } from '../events/chat-thread-open.js';
import { avatarStyles } from '../shared/avatar.js';
import { ChatElement } from '../shared/chat-element.js';
import { chatClientContext } from '../shared/context.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { AccountMenu } from './account-menu.js';
import { chatRoomStyles } from './chat-room.styles.js';

type Pane = 'list' | 'window' | 'thread';

/** The focused element, looking into shadow roots (the control that opened a thread gets focus back). */
function focusedElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/** The page's localStorage, if it may use one (sandboxed frames may not). */
function localStorageOrNone(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The whole chat in one element: the channel sidebar, the chat window, and a thread panel beside it
 * (one pane at a time on narrow widths). Give it `server` (and a host-app `token`), or a `client`; without
 * a token it offers the server's built-in sign-in.
 *
 * @example <chat-room server="http://localhost:8787" token="…" channel="…"></chat-room>
 * @csspart layout - The grid holding the panes.
 * @csspart sidebar - The channel list (its parts are exported as `sidebar-*`… see exportparts).
 * @csspart window - The chat window.
 * @csspart thread - The thread panel.
 * @csspart message - Every message (exported from the lists inside).
 *
 * @tagname chat-room
 */
export class ChatRoomElement extends ChatElement {
  static override styles = [themeStyles, avatarStyles, chatRoomStyles];

  /** The server's URL; the page's own origin when empty. */
  @property() server = '';
  /** A host-app token (a JWT your backend signs); without it the built-in sign-in is shown. */
  @property() token = '';
  /** The channel to open first. */
  @property() channel = '';
  /** Keep a built-in sign-in across reloads (in localStorage); without it every page load signs in anew. */
  @property({ type: Boolean }) remember = false;
  /** `light`, `dark` or `auto`; without it, the system's preference. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;

  @provide({ context: chatClientContext })
  @property({ attribute: false })
  override client: ChatClient | undefined;

  @state() private thread: { channel: string; message: string } | undefined;
  @state() private pane: Pane = 'window';
  @state() private resuming = false;
  #ownClient: ChatClient | undefined;
  #returnFocus: HTMLElement | undefined;
  readonly #me = new StoreController<User | null>(this, null);
  readonly #channels = new StoreController<Channel[]>(this, []);
  readonly #account = new AccountMenu(this, () => void this.#signOut());

  protected override willUpdate(changed: PropertyValues<this>): void {
    const ownsClient = !this.client || this.client === this.#ownClient;
    if ((changed.has('server') || changed.has('token') || changed.has('remember')) && ownsClient) {
      this.#ownClient?.disconnect();
      const baseUrl = this.server || globalThis.location?.origin || '';
      const remember = !this.token && this.remember ? localStorageOrNone() : undefined;
      this.#ownClient = createChatClient({
        baseUrl,
        ...(this.token ? { token: this.token } : {}),
        ...(remember ? { remember } : {}),
      });
      this.client = this.#ownClient;
      if (remember) this.#resume(this.#ownClient);
    }
    if (changed.has('client')) this.#me.follow(this.client?.$me);
    const signedIn = !!this.token || !!this.#me.value || (!!this.client && this.client !== this.#ownClient);
    this.#channels.follow(signedIn ? this.client?.$channels : undefined);
    if (!this.channel && this.#channels.value[0]) this.channel = this.#channels.value[0].id;
  }

  /** Signs back in with a remembered session; the sign-in form waits until that is settled. */
  #resume(client: ChatClient): void {
    this.resuming = true;
    void client
      .resume()
      .catch(() => null)
      .finally(() => {
        if (this.client === client) this.resuming = false;
      });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#ownClient?.disconnect();
  }

  #onSelect = (e: ChatChannelSelectEvent) => {
    this.channel = e.channelId;
    this.thread = undefined;
    this.pane = 'window';
  };

  #onThreadOpen = async (e: ChatThreadOpenEvent) => {
    if (e.defaultPrevented) return;
    this.#returnFocus = focusedElement();
    this.thread = { channel: e.channelId, message: e.messageId };
    this.pane = 'thread';
    await this.updateComplete;
    const thread = this.renderRoot.querySelector('chat-thread');
    await thread?.updateComplete;
    thread?.focus();
  };

  #onThreadClose = async (e: ChatThreadCloseEvent) => {
    if (e.defaultPrevented) return;
    this.thread = undefined;
    this.pane = 'window';
    await this.updateComplete;
    const back = this.#returnFocus;
    this.#returnFocus = undefined;
    if (back?.isConnected) back.focus();
    else this.renderRoot.querySelector('chat-window')?.focus();
  };

  #signOut = async () => {
    await this.client?.logout();
    this.channel = '';
    this.thread = undefined;
  };

  protected override render() {
    if (!this.client) return nothing;
    const t = this.t;
    if (!this.token && !this.#me.value) {
      return this.resuming
        ? html`<p class="resuming" role="status">${t.loading}</p>`
        : html`<chat-sign-in .strings=${this.strings}></chat-sign-in>`;
    }
    return html`<div
      part="layout"
      class="layout ${this.thread ? 'with-thread' : ''}"
      data-pane=${this.pane}
      @chat-channel-select=${this.#onSelect}
      @chat-thread-open=${this.#onThreadOpen}
      @chat-thread-close=${this.#onThreadClose}
    >
      <chat-channel-list
        part="sidebar"
        exportparts="list: sidebar-list, channel: sidebar-channel, badge: sidebar-badge, tools: sidebar-tools"
        .strings=${this.strings}
        active=${this.channel}
      >
        ${this.#account.render(this.#me.value, t, !this.token && this.client === this.#ownClient)}
      </chat-channel-list>
      <chat-window part="window" exportparts="header, title, banner, typing, list, new-messages, message, author, time, body, link, mention, code, code-block, reactions, reaction, replies, actions" .strings=${this.strings} channel=${this.channel}>
        <button slot="header-actions" class="back" @click=${() => (this.pane = 'list')}>${t.back}</button>
      </chat-window>
      ${
        this.thread
          ? html`<chat-thread
            part="thread"
            exportparts="message, author, time, body, link, mention, code, code-block, reactions, reaction, replies, actions"
            .strings=${this.strings}
            channel=${this.thread.channel}
            message=${this.thread.message}
          ></chat-thread>`
          : nothing
      }
    </div>`;
  }
}
