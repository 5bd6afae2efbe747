import { type AuthStatus, type ChatClient, createChatClient } from '@confab/core';
import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import '../chat-channel-list/chat-channel-list.js';
import '../chat-search/chat-search.js';
import '../chat-sign-in/chat-sign-in.js';
import '../chat-thread/chat-thread.js';
import '../chat-window/chat-window.js';
import type { Channel, User } from '@confab/core';
import type { ChatChannelSelectEvent } from '../events/chat-channel-select.js';
import type { ChatMessageJumpEvent } from '../events/chat-message-jump.js';
import type { ChatThreadCloseEvent } from '../events/chat-thread-close.js';
import type { ChatThreadOpenEvent } from '../events/chat-thread-open.js';
import { allowed } from '../shared/allowed.js';
import { avatarStyles } from '../shared/avatar.js';
import { ChatElement } from '../shared/chat-element.js';
import { chatClientContext } from '../shared/context.js';
import { LIST_PARTS } from '../shared/parts.js';
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

/**
 * The whole chat in one element: the channel sidebar (with who is signed in), the chat window, and a
 * thread panel beside it (one pane at a time below 720px). Give it `server` (and a host-app `token`), or a
 * `client`; without a token it offers the server's built-in sign-in. The client's `$auth` decides between
 * the sign-in form and the chat; signing out and in again (as anyone) starts clean, and the room keeps
 * working when it is detached and attached again or given another `client`. Focus moves to the composer
 * after signing in and after switching channels.
 *
 * @example <chat-room server="http://localhost:8787" token="…" channel="…"></chat-room>
 * @csspart layout - The grid holding the panes.
 * @csspart sidebar - The channel list (its parts are exported as `sidebar-*`… see exportparts).
 * @csspart window - The chat window.
 * @csspart thread - The thread panel.
 * @csspart message - Every message (exported from the lists inside).
 * @csspart search - The search across all channels, in the sidebar (`<chat-search>`): a hit opens its channel at it.
 * @csspart account - Who is signed in (the account menu's button with the built-in sign-in).
 * @csspart account-menu - The account menu.
 * @csspart avatar - The signed-in user's avatar.
 * @cssproperty --chat-avatar-size - Size of the signed-in user's avatar (32px).
 *
 * @tagname chat-room
 */
export class ChatRoomElement extends ChatElement {
  static override styles = [themeStyles, avatarStyles, chatRoomStyles];

  /** The server's URL; the page's own origin when empty. */
  @property() server = '';
  /** A host-app token (a JWT your backend signs); without it the built-in sign-in is shown. */
  @property() token = '';
  /** The channel shown; the first joined channel when empty. */
  @property() channel = '';
  /** Keep a built-in sign-in across reloads (in localStorage); without it every page load signs in anew. */
  @property({ type: Boolean }) remember = false;
  /** `light`, `dark` or `auto`; without it, the system's preference. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | undefined;

  @state() private thread: { channel: string; message: string } | undefined;
  @state() private pane: Pane = 'window';
  /** Why the channel shown before went away (left, removed or banned), until another one is picked. */
  @state() private notice = '';
  #ownClient: ChatClient | undefined;
  /** The own client was disconnected when the room left the document: reconnect it on return. */
  #reconnect = false;
  #returnFocus: HTMLElement | undefined;
  #lastAuth: AuthStatus | undefined;
  /** The shown channel while it is one of the joined channels (to notice leaving it). */
  #memberOf: string | undefined;
  #memberOfName = '';
  #focusComposer = false;
  readonly #auth = new StoreController<AuthStatus>(this, 'signed-out');
  readonly #me = new StoreController<User | null>(this, null);
  readonly #channels = new StoreController<Channel[]>(this, []);
  /** Gives `client` to the elements inside. */
  readonly #provider = new ContextProvider(this, { context: chatClientContext });
  readonly #account = new AccountMenu(this, () => void this.client?.logout());

  protected override willUpdate(changed: PropertyValues<this>): void {
    const external = !!this.client && this.client !== this.#ownClient;
    if (external && this.#ownClient) {
      this.#ownClient.disconnect();
      this.#ownClient = undefined;
    }
    if (!external && (!this.#ownClient || changed.has('server') || changed.has('token') || changed.has('remember'))) {
      this.#ownClient?.disconnect();
      const remember = !this.token && this.remember;
      this.#ownClient = createChatClient({
        baseUrl: this.server || globalThis.location?.origin || '',
        ...(this.token ? { token: this.token } : {}),
        ...(remember ? { remember: true as const } : {}),
      });
      this.client = this.#ownClient;
      if (remember) void this.#ownClient.resume().catch(() => null);
    }
    if (changed.has('client')) {
      this.#provider.setValue(this.client);
      this.#auth.follow(this.client?.$auth);
      this.#me.follow(this.client?.$me);
      if (changed.get('client') && !changed.has('channel')) this.#show('');
    }
    const auth = this.#auth.value;
    if (this.#lastAuth === 'signed-in' && auth !== 'signed-in') {
      this.notice = '';
      this.#show('');
    }
    if (this.#lastAuth === 'signed-out' && auth === 'signed-in') this.#focusComposer = true;
    this.#lastAuth = auth;

    this.#channels.follow(auth === 'signed-in' ? this.client?.$channels : undefined);
    const joined = this.#channels.value;
    const isJoined = joined.some((c) => c.id === this.channel);
    if (this.channel && this.#memberOf === this.channel && !isJoined) {
      // Left (or removed from) the channel shown: say so, and go on to another one.
      this.notice = this.t.noLongerMember(this.#memberOfName);
      this.#focusComposer ||= this.matches(':focus-within');
      this.#show('');
    }
    this.#memberOf = isJoined ? this.channel : undefined;
    this.#memberOfName = joined.find((c) => c.id === this.channel)?.name ?? this.#memberOfName;
    if (!this.channel && joined[0]) this.channel = joined[0].id;
  }

  protected override updated(): void {
    if (this.#focusComposer && this.channel && this.#auth.value === 'signed-in') {
      this.#focusComposer = false;
      void this.#focusWindow();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#reconnect && this.#ownClient) void this.#ownClient.connect();
    this.#reconnect = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#reconnect = !!this.#ownClient && this.#ownClient.$auth.get() === 'signed-in';
    if (this.#reconnect) this.#ownClient?.disconnect();
  }

  /** Shows a channel ('' for the first joined one) in the window, with no thread open. */
  #show(channel: string): void {
    this.channel = channel;
    this.thread = undefined;
    this.pane = 'window';
  }

  async #focusWindow(): Promise<void> {
    const win = this.renderRoot.querySelector('chat-window');
    await win?.updateComplete;
    await win?.renderRoot.querySelector('chat-composer')?.updateComplete;
    win?.focus();
  }

  #onSelect = async (e: ChatChannelSelectEvent) => {
    if (!(await allowed(e))) return;
    this.notice = '';
    this.#show(e.channelId);
    this.#focusComposer = true;
  };

  /** A hit of the search across channels: its channel is shown, anchored on the message (the window handles its own). */
  #onJump = async (e: ChatMessageJumpEvent) => {
    const win = this.renderRoot.querySelector('chat-window');
    if ((win && e.composedPath().includes(win)) || !(await allowed(e))) return;
    this.#show(e.channelId);
    await this.updateComplete;
    await win?.updateComplete;
    await win?.jumpTo(e.messageId);
  };

  #onThreadOpen = async (e: ChatThreadOpenEvent) => {
    const opener = focusedElement();
    if (!(await allowed(e))) return;
    this.#returnFocus = opener;
    this.thread = { channel: e.channelId, message: e.messageId };
    this.pane = 'thread';
    await this.updateComplete;
    const thread = this.renderRoot.querySelector('chat-thread');
    await thread?.updateComplete;
    thread?.focus();
  };

  #onThreadClose = async (e: ChatThreadCloseEvent) => {
    if (!(await allowed(e))) return;
    this.thread = undefined;
    this.pane = 'window';
    await this.updateComplete;
    const back = this.#returnFocus;
    this.#returnFocus = undefined;
    // The control that opened the thread; or its message, when the control is hidden now (a hover toolbar).
    for (const target of [
      back,
      (back?.getRootNode() as ShadowRoot | undefined)?.host,
      this.renderRoot.querySelector('chat-window'),
    ]) {
      if (!(target instanceof HTMLElement) || !target.isConnected) continue;
      target.focus();
      if (target.matches(':focus-within')) break;
    }
  };

  protected override render(): TemplateResult | typeof nothing {
    if (!this.client) return nothing;
    const t = this.t;
    const auth = this.#auth.value;
    if (auth !== 'signed-in') {
      return auth === 'resuming'
        ? html`<p class="resuming" role="status">${t.loading}</p>`
        : html`<chat-sign-in .strings=${this.strings}></chat-sign-in>`;
    }
    return html`<div
      part="layout"
      class="layout ${this.thread ? 'with-thread' : ''}"
      data-pane=${this.pane}
      @chat-channel-select=${this.#onSelect}
      @chat-message-jump=${this.#onJump}
      @chat-thread-open=${this.#onThreadOpen}
      @chat-thread-close=${this.#onThreadClose}
    >
      <chat-channel-list
        part="sidebar"
        exportparts="list: sidebar-list, channel: sidebar-channel, badge: sidebar-badge, tools: sidebar-tools"
        .strings=${this.strings}
        active=${this.channel}
      >
        <chat-search slot="footer" part="search" .client=${this.client} .strings=${this.strings}></chat-search>
        ${this.#account.render(this.#me.value, t, !this.token && this.client === this.#ownClient)}
      </chat-channel-list>
      <chat-window part="window" exportparts=${`header, title, banner, typing, leave, ${LIST_PARTS}`} .strings=${this.strings} channel=${this.channel} notice=${this.notice}>
        <button slot="header-actions" class="back" @click=${() => (this.pane = 'list')}>${t.back}</button>
      </chat-window>
      ${
        this.thread
          ? html`<chat-thread
            part="thread"
            exportparts=${LIST_PARTS}
            .strings=${this.strings}
            channel=${this.thread.channel}
            message=${this.thread.message}
          ></chat-thread>`
          : nothing
      }
    </div>`;
  }
}
