import type { ChannelRoom, Message, User } from '@confab/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import '../chat-composer/chat-composer.js';
import '../chat-message/chat-message.js';
import '../chat-message-list/chat-message-list.js';
import type { ChatMessageActionEvent } from '../events/chat-message-action.js';
import { ChatThreadCloseEvent } from '../events/chat-thread-close.js';
import { allowed } from '../shared/allowed.js';
import { ChatElement } from '../shared/chat-element.js';
import { runAction } from '../shared/message-actions.js';
import { ModerationController } from '../shared/moderation.js';
import { paneStyles } from '../shared/pane.styles.js';
import { PanelController } from '../shared/panel-controller.js';
import { LIST_PARTS, MESSAGE_PARTS } from '../shared/parts.js';
import { plainButtonStyles } from '../shared/plain-button.styles.js';
import { RoomController } from '../shared/room-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { chatThreadStyles } from './chat-thread.styles.js';

/**
 * A thread: the message it answers (kept current: edits, reactions, the reply count), its replies (paged like a channel), and a composer for replies.
 * Escape or the close button asks to close it.
 *
 * @fires chat-thread-close - The close button or Escape.
 * @csspart header - The header bar.
 * @csspart parent - The message the thread answers.
 * @csspart close - The close button.
 *
 * @tagname chat-thread
 */
export class ChatThreadElement extends ChatElement {
  static override styles = [themeStyles, plainButtonStyles, paneStyles, chatThreadStyles];

  /** The channel id. */
  @property() channel = '';
  /** The id of the message the thread answers. */
  @property() message = '';
  readonly #me = new StoreController<User | null>(this, null);
  readonly #parent = new StoreController<Message | undefined>(this, undefined);
  readonly #rooms = new RoomController(this);
  readonly #panel = new PanelController(this, () => new ChatThreadCloseEvent());
  readonly #moderation = new ModerationController(this);
  #room: ChannelRoom | undefined;

  /** Moves focus into the thread (its close button). */
  override focus(options?: FocusOptions): void {
    this.#panel.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.#me.follow(this.client?.$me);
    const room = this.#rooms.of(this.client, this.channel);
    this.#moderation.follow(this.client, room);
    if (room !== this.#room || changed.has('message')) {
      this.#room = room;
      this.#parent.follow(room && this.message ? room.thread(this.message).$parent : undefined);
    }
  }

  #onAction = async (event: ChatMessageActionEvent) => {
    if ((await allowed(event)) && this.#room) runAction(this.#room, event);
  };

  protected override render(): TemplateResult | typeof nothing {
    const t = this.t;
    if (!this.#room || !this.message) return nothing;
    const feed = this.#room.thread(this.message);
    const me = this.#me.value?.id;
    const viewer = this.#me.value ?? undefined;
    const parent = this.#parent.value;
    return html`<div class="bar" part="header">
        <h2 id="title">${t.thread}</h2>
        ${this.#panel.closeButton(t.closeThread)}
      </div>
      <div part="parent" class="parent" @chat-message-action=${this.#onAction}>
        ${parent ? html`<chat-message exportparts=${MESSAGE_PARTS} .message=${parent} .me=${me} .viewer=${viewer} .moderation=${this.#moderation.value} .strings=${this.strings} no-replies></chat-message>` : nothing}
      </div>
      <chat-message-list
        exportparts=${LIST_PARTS}
        .feed=${feed}
        .me=${me}
        .viewer=${viewer}
        .moderation=${this.#moderation.value}
        .strings=${this.strings}
        label=${t.thread}
        no-replies
        @chat-message-action=${this.#onAction}
      ></chat-message-list>
      <chat-composer .client=${this.client} .strings=${this.strings} channel=${this.channel} parent-id=${this.message}></chat-composer>`;
  }
}
