import type { ChannelRoom, Draft } from '@confab/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ChatEditLastEvent } from '../events/chat-edit-last.js';
import { ChatMessageSendEvent } from '../events/chat-message-send.js';
import { ChatElement } from '../shared/chat-element.js';
import { RoomController } from '../shared/room-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { chatComposerStyles } from './chat-composer.styles.js';

/** How close to the limit (in characters) the counter appears. */
const COUNT_FROM = 500;

/**
 * Where messages are written: Enter sends, Shift+Enter adds a line, ArrowUp in an empty composer edits
 * your last message, Escape clears the draft. The text is the channel's (or thread's) draft, kept per
 * channel and thread and across reloads. Near `max-length` a counter shows what is left; past it the
 * composer says so and does not send. Its direction follows the text (`dir="auto"`; empty, the page's). Tells the
 * channel you are typing (throttled).
 *
 * @fires chat-message-send - Before sending; cancel it to send the message yourself.
 * @fires chat-edit-last - ArrowUp in an empty composer.
 * @csspart form - The composer's frame.
 * @csspart input - The text area.
 * @csspart send - The send button.
 * @csspart counter - Characters left, near the limit.
 * @csspart error - Why the message was not sent (too long).
 * @csspart reason - Why posting is not possible, when it is not.
 *
 * @tagname chat-composer
 */
export class ChatComposerElement extends ChatElement {
  static override styles = [themeStyles, chatComposerStyles];

  /** The channel to post in. */
  @property() channel = '';
  /** Post replies to this message (a thread's composer). */
  @property({ attribute: 'parent-id' }) parentId: string | null = null;
  /** When set, the composer is disabled and shows this reason. */
  @property({ attribute: 'disabled-reason' }) disabledReason = '';
  /** The longest message the server takes, in characters (the reference server's limit by default). */
  @property({ type: Number, attribute: 'max-length' }) maxLength = 4000;
  /** A send was refused for being too long (until the text changes). */
  @state() private refused = false;
  readonly #text = new StoreController<string>(this, '');
  readonly #rooms = new RoomController(this);
  #room: ChannelRoom | undefined;
  #draft: Draft | undefined;

  get #textarea(): HTMLTextAreaElement {
    return this.renderRoot.querySelector('textarea')!;
  }

  /** Moves focus into the text area. */
  override focus(): void {
    this.#textarea?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const room = this.#rooms.of(this.client, this.channel);
    if (room !== this.#room || changed.has('parentId')) {
      this.#room = room;
      this.#draft = room?.draft(this.parentId ?? undefined);
      this.#text.follow(this.#draft?.$text);
      this.refused = false;
    }
  }

  #send(): void {
    const text = this.#textarea.value.trim();
    const room = this.#room;
    if (!text || this.disabledReason || !room) return;
    if ([...text].length > this.maxLength) {
      this.refused = true;
      return;
    }
    const body = { type: 'text' as const, text };
    this.#setText('');
    if (!this.dispatchEvent(new ChatMessageSendEvent(body, this.parentId))) return;
    void room.send(body, this.parentId ? { parentId: this.parentId } : {}).catch(() => {}); // a failure shows on the echo
  }

  #setText(text: string): void {
    this.#textarea.value = text;
    this.#draft?.set(text);
    this.refused = false;
  }

  #submit = (e: Event) => {
    e.preventDefault();
    this.#send();
  };

  #keydown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.#send();
    } else if (e.key === 'ArrowUp' && !this.#textarea.value) {
      if (this.dispatchEvent(new ChatEditLastEvent())) e.preventDefault();
    } else if (e.key === 'Escape' && this.#textarea.value) {
      e.stopPropagation();
      this.#setText('');
    }
  };

  #input = () => {
    this.#draft?.set(this.#textarea.value);
    this.refused = false;
    if (this.#textarea.value) this.#room?.typing();
  };

  protected override render(): TemplateResult {
    const t = this.t;
    const disabled = !!this.disabledReason;
    const left = this.maxLength - [...this.#text.value.trim()].length;
    const over = left < 0;
    const count = left > COUNT_FROM ? '' : over ? t.tooLong(-left, this.maxLength) : t.charactersLeft(left);
    return html`<form part="form" @submit=${this.#submit}>
        <textarea
          part="input"
          rows="1"
          dir=${this.#text.value ? 'auto' : nothing}
          aria-label=${t.message}
          aria-describedby="hint counter"
          aria-invalid=${over ? 'true' : 'false'}
          placeholder=${t.message}
          .value=${live(this.#text.value)}
          ?disabled=${disabled}
          @keydown=${this.#keydown}
          @input=${this.#input}
        ></textarea>
        <span id="hint" class="visually-hidden">${disabled ? this.disabledReason : t.sendHint}</span>
        <span part="counter" id="counter" class="counter ${over ? 'over' : ''}" title=${count}
          ><span aria-hidden="true">${count ? left : ''}</span><span class="visually-hidden">${count}</span></span
        >
        <button part="send" type="submit" ?disabled=${disabled}>${t.send}</button>
      </form>
      ${this.refused && over ? html`<div part="error" class="error" role="alert">${count}</div>` : nothing}
      ${disabled ? html`<div part="reason" class="reason">${this.disabledReason}</div>` : nothing}`;
  }
}
