import { type Channel, type ChannelInfo, can, type Me, type Message } from '@confab/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { plainText } from '../chat-search/snippet.js';
import { ChatMessageJumpEvent } from '../events/chat-message-jump.js';
import { ChatPanelCloseEvent } from '../events/chat-panel-close.js';
import { ChatElement } from '../shared/chat-element.js';
import { listStyles } from '../shared/list.styles.js';
import { plainButtonStyles } from '../shared/plain-button.styles.js';
import { RoomController } from '../shared/room-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { formatTime, fullTime } from '../shared/time.js';
import { chatPinsStyles } from './chat-pins.styles.js';

const LOADING: ChannelInfo = { status: 'loading' };

/**
 * A channel's pinned messages, most recently pinned first: each with its author, time and text. Choosing
 * one (click or Enter) asks to show it in the channel (`chat-message-jump`); whoever may pin sees Unpin.
 * Escape or the close button asks to close the panel (`chat-panel-close`).
 *
 * @fires chat-message-jump - A pinned message was chosen.
 * @fires chat-panel-close - The panel is asked to close.
 * @csspart heading - The panel's title.
 * @csspart close - The close button.
 * @csspart pin - One pinned message.
 * @csspart open - The button showing a pinned message in the channel.
 * @csspart unpin - The Unpin button.
 * @csspart empty - "No pinned messages".
 *
 * @tagname chat-pins
 */
export class ChatPinsElement extends ChatElement {
  static override styles = [themeStyles, plainButtonStyles, listStyles, chatPinsStyles];

  /** The channel id. */
  @property() channel = '';
  @state() private failed = '';
  readonly #rooms = new RoomController(this);
  readonly #pins = new StoreController<Message[]>(this, []);
  readonly #info = new StoreController<ChannelInfo>(this, LOADING);
  readonly #me = new StoreController<Me | null>(this, null);

  /** Moves focus into the panel (its first pinned message, or its close button). */
  override focus(options?: FocusOptions): void {
    const first = this.renderRoot.querySelector<HTMLElement>('[part="open"]');
    (first ?? this.renderRoot.querySelector<HTMLElement>('[part="close"]'))?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const room = this.#rooms.of(this.client, this.channel);
    this.#pins.follow(room?.$pins);
    this.#info.follow(room?.$info);
    if (changed.has('client')) this.#me.follow(this.client?.$me);
  }

  get #channel(): Channel | undefined {
    const info = this.#info.value;
    return info.status === 'ready' ? info.channel : undefined;
  }

  #unpin = async (message: Message) => {
    const room = this.#rooms.of(this.client, this.channel);
    this.failed = '';
    try {
      await room?.unpin(message.id);
    } catch (error) {
      this.failed = this.t.failedAction((error as { detail?: string }).detail ?? String(error));
    }
  };

  #keydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.dispatchEvent(new ChatPanelCloseEvent());
  };

  #pin(message: Message, unpin: boolean): TemplateResult {
    const t = this.t;
    const text = plainText(message);
    return html`<li part="pin" class="pin">
      <button part="open" class="open" @click=${() => this.dispatchEvent(new ChatMessageJumpEvent(this.channel, message.id))}>
        <span class="meta">
          <span class="author">${message.author.displayName}</span>
          <time datetime=${message.createdAt} title=${fullTime(message.createdAt, this.locale)}>${formatTime(message.createdAt, this.locale)}</time>
        </span>
        <span class="text">${text}</span>
      </button>
      ${
        unpin
          ? html`<button part="unpin" class="plain" aria-label=${t.unpinMessage(message.author.displayName)} @click=${() => this.#unpin(message)}>${t.unpin}</button>`
          : nothing
      }
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const pins = this.#pins.value;
    const unpin = can('pin', this.#channel, this.#me.value);
    return html`<section aria-labelledby="pins-heading" @keydown=${this.#keydown}>
      <div class="head">
        <h3 id="pins-heading" part="heading">${t.pinnedMessages}</h3>
        <button part="close" class="plain" aria-label=${t.closePanel(t.pinnedMessages)} @click=${() => this.dispatchEvent(new ChatPanelCloseEvent())}>✕</button>
      </div>
      ${this.failed ? html`<p class="error" role="alert">${this.failed}</p>` : nothing}
      ${
        pins.length
          ? html`<ul>${pins.map((m) => this.#pin(m, unpin))}</ul>`
          : html`<p part="empty" class="empty">${t.noPins}</p>`
      }
    </section>`;
  }
}
