import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ChatEditLastEvent } from '../events/chat-edit-last.js';
import { ChatMessageSendEvent } from '../events/chat-message-send.js';
import { ChatElement } from '../shared/chat-element.js';
import { themeStyles } from '../shared/theme.styles.js';
import { chatComposerStyles } from './chat-composer.styles.js';

/**
 * Where messages are written: Enter sends, Shift+Enter adds a line, ArrowUp in an empty composer edits
 * your last message, Escape clears the draft. Tells the channel you are typing (throttled).
 *
 * @fires chat-message-send - Before sending; cancel it to send the message yourself.
 * @fires chat-edit-last - ArrowUp in an empty composer.
 * @csspart form - The composer's frame.
 * @csspart input - The text area.
 * @csspart send - The send button.
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
  @query('textarea') private textarea!: HTMLTextAreaElement;

  /** Moves focus into the text area. */
  override focus(): void {
    this.textarea?.focus();
  }

  #send(): void {
    const text = this.textarea.value.trim();
    if (!text || this.disabledReason || !this.client || !this.channel) return;
    const body = { type: 'text' as const, text };
    this.textarea.value = '';
    if (!this.dispatchEvent(new ChatMessageSendEvent(body, this.parentId))) return;
    const room = this.client.channel(this.channel);
    void room.send(body, this.parentId ? { parentId: this.parentId } : {}).catch(() => {}); // a failure shows on the echo
  }

  #submit = (e: Event) => {
    e.preventDefault();
    this.#send();
  };

  #keydown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.#send();
    } else if (e.key === 'ArrowUp' && !this.textarea.value) {
      if (!this.dispatchEvent(new ChatEditLastEvent())) e.preventDefault();
    } else if (e.key === 'Escape' && this.textarea.value) {
      e.stopPropagation();
      this.textarea.value = '';
    }
  };

  #input = () => {
    if (this.textarea.value && this.client && this.channel) this.client.channel(this.channel).typing();
  };

  protected override render() {
    const t = this.t;
    const disabled = !!this.disabledReason;
    return html`<form part="form" @submit=${this.#submit}>
        <textarea
          part="input"
          rows="1"
          aria-label=${t.message}
          aria-describedby="hint"
          placeholder=${t.message}
          ?disabled=${disabled}
          @keydown=${this.#keydown}
          @input=${this.#input}
        ></textarea>
        <span id="hint" class="visually-hidden">${disabled ? this.disabledReason : t.sendHint}</span>
        <button part="send" type="submit" ?disabled=${disabled}>${t.send}</button>
      </form>
      ${disabled ? html`<div part="reason" class="reason">${this.disabledReason}</div>` : nothing}`;
  }
}
