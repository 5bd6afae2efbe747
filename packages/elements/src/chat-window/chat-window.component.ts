import type { Channel, ConnectionStatus, Scope, User } from '@confab/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import '../chat-composer/chat-composer.js';
import '../chat-message-list/chat-message-list.js';
import type { ChatMessageListElement } from '../chat-message-list/chat-message-list.component.js';
import type { ChatMessageActionEvent } from '../events/chat-message-action.js';
import { ChatThreadOpenEvent } from '../events/chat-thread-open.js';
import { ChatElement } from '../shared/chat-element.js';
import { runAction } from '../shared/message-actions.js';
import { paneStyles } from '../shared/pane.styles.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { chatWindowStyles } from './chat-window.styles.js';

/**
 * One channel: a header (name, members, who is online), the message list, who is typing, and the
 * composer, with banners for connecting, reconnecting and offline, and states for loading, empty
 * channels and channels the user may not read or post in.
 *
 * @fires chat-thread-open - A message's replies are asked for.
 * @csspart header - The header bar.
 * @csspart title - The channel's name.
 * @csspart banner - The connection banner.
 * @csspart typing - The typing indicator.
 * @slot header-actions - Controls at the end of the header.
 * @slot empty - Shown in an empty channel.
 *
 * @tagname chat-window
 */
export class ChatWindowElement extends ChatElement {
  static override styles = [themeStyles, paneStyles, chatWindowStyles];

  /** The channel id. */
  @property() channel = '';
  @state() private info: Channel | undefined;
  @state() private problem: 'not_found' | undefined;
  @query('chat-message-list') private list!: ChatMessageListElement;

  readonly #connection = new StoreController<ConnectionStatus>(this, 'idle');
  readonly #me = new StoreController<User | null>(this, null);
  readonly #typing = new StoreController<User[]>(this, []);
  readonly #presence = new StoreController<Record<string, string[]>>(this, {});
  readonly #channels = new StoreController<Channel[]>(this, []);
  readonly #scopes = new StoreController<Scope[]>(this, []);
  #stopReading: (() => void) | undefined;
  #readTimer: ReturnType<typeof setTimeout> | undefined;

  /** Scrolls to a message (loading its page if needed) and highlights it. */
  async jumpTo(messageId: string): Promise<void> {
    if (!this.client || !this.channel) return;
    await this.client.channel(this.channel).jumpTo(messageId);
    await this.updateComplete;
    await this.list.reveal(messageId);
  }

  /** Moves focus to the composer. */
  override focus(): void {
    this.renderRoot.querySelector('chat-composer')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.client;
    if (changed.has('client')) {
      this.#connection.follow(client?.$connection);
      this.#me.follow(client?.$me);
      this.#presence.follow(client?.$presence);
      this.#channels.follow(client?.$channels);
      this.#scopes.follow(client?.$scopes);
    }
    if (changed.has('client') || changed.has('channel')) {
      const room = client && this.channel ? client.channel(this.channel) : undefined;
      this.#typing.follow(room?.$typing);
      this.#stopReading?.();
      this.#stopReading = room?.$messages.listen(() => this.#markReadSoon());
      this.#markReadSoon();
      void this.#load();
    }
    const joined = this.#channels.value.find((c) => c.id === this.channel);
    if (joined && joined !== this.info) this.info = joined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopReading?.();
    this.#stopReading = undefined;
    clearTimeout(this.#readTimer);
  }

  /** Marks the channel read shortly after new messages arrive while the window is shown and the page visible. */
  #markReadSoon(): void {
    clearTimeout(this.#readTimer);
    this.#readTimer = setTimeout(() => {
      if (this.isConnected && this.client && this.channel && globalThis.document?.visibilityState !== 'hidden') {
        this.client.channel(this.channel).markRead();
      }
    }, 500);
  }

  async #load(): Promise<void> {
    const { client, channel } = this;
    this.problem = undefined;
    this.info = undefined;
    if (!client || !channel) return;
    const found = await client.getChannel(channel).catch(() => undefined);
    if (channel !== this.channel) return;
    if (found) this.info = found;
    else this.problem = 'not_found';
  }

  async #join(): Promise<void> {
    if (!this.client) return;
    this.info = await this.client.joinChannel(this.channel);
  }

  #onAction = (event: ChatMessageActionEvent) => {
    if (event.defaultPrevented || !this.client) return;
    if (event.request.action === 'reply') {
      this.dispatchEvent(new ChatThreadOpenEvent(this.channel, event.message.id));
      return;
    }
    runAction(this.client.channel(this.channel), event);
  };

  #banner() {
    const t = this.t;
    const status = this.#connection.value;
    const text =
      status === 'reconnecting'
        ? t.reconnecting
        : status === 'offline'
          ? t.offline
          : status === 'closed'
            ? t.closed
            : status === 'connecting'
              ? t.connecting
              : '';
    return text ? html`<div part="banner" class="banner" role="status">${text}</div>` : nothing;
  }

  protected override render() {
    const t = this.t;
    if (!this.client || !this.channel) return html`<div class="notice">${t.pickChannel}</div>`;
    if (this.problem) return html`${this.#banner()}<div class="notice" role="alert">${t.noPermission}</div>`;
    const room = this.client.channel(this.channel);
    const info = this.info;
    const me = this.#me.value;
    const online = this.#presence.value[this.channel]?.length ?? 0;
    const typing = this.#typing.value.map((u) => u.displayName);
    const reason =
      !this.#scopes.value.includes('chat:write') && this.#scopes.value.length
        ? t.readOnly
        : info && !info.role
          ? t.joinToPost
          : '';
    return html`<header part="header">
        <div class="grow">
          <h2 part="title">${info ? (info.visibility === 'direct' ? `@${info.name}` : `# ${info.name}`) : t.loading}</h2>
          ${
            info
              ? html`<span class="meta">${t.members(info.memberCount)} · ${t.online(online)}${info.topic ? ` · ${info.topic}` : ''}</span>`
              : nothing
          }
        </div>
        ${info && !info.role && info.visibility === 'public' ? html`<button class="plain" @click=${this.#join}>${t.join}</button>` : nothing}
        <slot name="header-actions"></slot>
      </header>
      ${this.#banner()}
      <chat-message-list
        exportparts="list, new-messages, message, author, time, body, link, mention, code, code-block, reactions, reaction, replies, actions"
        .feed=${room}
        .me=${me?.id}
        .strings=${this.strings}
        label=${info ? info.name : t.loading}
        @chat-message-action=${this.#onAction}
        ><slot name="empty" slot="empty">${t.empty}</slot></chat-message-list
      >
      <div part="typing" class="typing" aria-live="polite">${typing.length ? t.typing(typing) : ''}</div>
      <chat-composer
        .client=${this.client}
        .strings=${this.strings}
        channel=${this.channel}
        disabled-reason=${reason}
        @chat-edit-last=${async () => (await this.list.lastOwnMessage())?.edit()}
      ></chat-composer>`;
  }
}
