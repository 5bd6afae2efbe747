import type { LocalMessage, MessageBody } from '@confab/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ChatMessageActionEvent, type MessageAction } from '../events/chat-message-action.js';
import { ChatElement } from '../shared/chat-element.js';
import { renderMarkdown, safeUrl } from '../shared/markdown.js';
import { themeStyles } from '../shared/theme.styles.js';
import { formatTime, fullTime } from '../shared/time.js';
import { chatMessageStyles } from './chat-message.styles.js';

const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉', '😮', '😢'];

/**
 * One message: author, time, content (the safe markdown subset, images, videos), edited and deleted
 * states, reactions, the reply count, and actions (reply, react, and edit/delete for your own).
 *
 * @fires chat-message-action - A control asks for `reply`, `react`, `unreact`, `edit`, `delete`, `retry` or `discard`.
 * @csspart message - The message's frame.
 * @csspart author - The author's name.
 * @csspart time - The time it was sent.
 * @csspart body - The content.
 * @csspart link - A link in the content.
 * @csspart mention - An @mention.
 * @csspart code - Inline code.
 * @csspart code-block - A code block.
 * @csspart reactions - The reactions row.
 * @csspart reaction - One reaction button.
 * @csspart replies - The reply count that opens the thread.
 * @csspart actions - The actions toolbar.
 * @slot actions - Extra controls added to the actions toolbar.
 *
 * @tagname chat-message
 */
export class ChatMessageElement extends ChatElement {
  static override styles = [themeStyles, chatMessageStyles];

  /** The message to show. */
  @property({ attribute: false }) message: LocalMessage | undefined;
  /** The signed-in user's id (to mark your own reactions and offer edit and delete). */
  @property({ attribute: false }) me: string | undefined;
  /** Hide the reply control (inside a thread). */
  @property({ type: Boolean, attribute: 'no-replies' }) noReplies = false;
  /** Set while the message is the target of a jump. */
  @property({ type: Boolean, reflect: true }) highlighted = false;
  /** Set on your own messages. */
  @property({ type: Boolean, reflect: true }) mine = false;
  @state() private editing = false;
  @state() private picking = false;

  /** Starts editing (your own text messages). */
  edit(): void {
    if (this.#canEdit) this.editing = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('message') || changed.has('me')) this.mine = !!this.message && this.message.author.id === this.me;
  }

  get #canEdit(): boolean {
    return (
      this.mine &&
      !this.message?.deletedAt &&
      !this.message?.pending &&
      !this.message?.failed &&
      this.message?.body?.type === 'text'
    );
  }

  #ask(request: MessageAction): void {
    if (this.message) this.dispatchEvent(new ChatMessageActionEvent(this.message, request));
  }

  protected override render() {
    const m = this.message;
    if (!m) return nothing;
    const t = this.t;
    return html`<article part="message" aria-label=${`${m.author.displayName}, ${formatTime(m.createdAt, this.locale)}`}>
      <header>
        <span part="author" class="author">${m.author.displayName}</span>
        <time part="time" datetime=${m.createdAt} title=${fullTime(m.createdAt, this.locale)}>${formatTime(m.createdAt, this.locale)}</time>
        ${m.editedAt && !m.deletedAt ? html`<span class="meta">(${t.edited})</span>` : nothing}
      </header>
      ${this.editing ? this.#renderEditor(m) : this.#renderBody(m)}
      ${this.#renderStatus(m)} ${this.#renderReactions(m)}
      ${
        m.replyCount > 0 && !this.noReplies
          ? html`<button part="replies" class="replies" @click=${() => this.#ask({ action: 'reply' })}>${t.replies(m.replyCount)}</button>`
          : nothing
      }
      ${m.deletedAt || m.pending || m.failed ? nothing : this.#renderActions()}
    </article>`;
  }

  #renderBody(m: LocalMessage) {
    if (m.deletedAt || !m.body) return html`<div part="body" class="body deleted">${this.t.deleted}</div>`;
    return html`<div part="body" class="body">${renderBody(m.body)}</div>`;
  }

  #renderEditor(m: LocalMessage) {
    const text = m.body?.type === 'text' ? m.body.text : '';
    const save = () => {
      const next = this.renderRoot.querySelector('textarea')?.value.trim();
      void this.#stopEditing();
      if (next && next !== text) this.#ask({ action: 'edit', body: { type: 'text', text: next } });
    };
    return html`<div class="edit">
      <textarea
        aria-label=${this.t.edit}
        .value=${text}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            void this.#stopEditing();
          }
        }}
      ></textarea>
      <button @click=${save}>${this.t.save}</button>
      <button @click=${() => this.#stopEditing()}>${this.t.cancel}</button>
    </div>`;
  }

  /** Leaves the edit box and puts focus back on the Edit button, where editing started. */
  async #stopEditing(): Promise<void> {
    this.editing = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[data-action="edit"]')?.focus();
  }

  #renderStatus(m: LocalMessage) {
    if (m.pending) return html`<div class="status meta" role="status">${this.t.pending}</div>`;
    if (!m.failed) return nothing;
    return html`<div class="status failed" role="alert">
      ${this.t.failed} ${m.failed.detail}
      <button @click=${() => this.#ask({ action: 'retry' })}>${this.t.retry}</button>
      <button @click=${() => this.#ask({ action: 'discard' })}>${this.t.discard}</button>
    </div>`;
  }

  #renderReactions(m: LocalMessage) {
    if (!m.reactions.length && !this.picking) return nothing;
    return html`<div part="reactions" class="reactions">
      ${m.reactions.map((r) => {
        const mine = !!this.me && r.userIds.includes(this.me);
        return html`<button
          part="reaction"
          aria-pressed=${mine ? 'true' : 'false'}
          aria-label=${this.t.reactionCount(r.emoji, r.count, mine)}
          @click=${() => this.#ask(mine ? { action: 'unreact', emoji: r.emoji } : { action: 'react', emoji: r.emoji })}
        >
          ${r.emoji} ${r.count}
        </button>`;
      })}
      ${
        this.picking
          ? html`<div class="picker" role="group" aria-label=${this.t.react}>
            ${QUICK_REACTIONS.map(
              (emoji) =>
                html`<button
                  aria-label=${this.t.reactWith(emoji)}
                  @click=${() => {
                    void this.#closePicker();
                    this.#ask({ action: 'react', emoji });
                  }}
                  @keydown=${this.#pickerKeydown}
                >
                  ${emoji}
                </button>`,
            )}
          </div>`
          : nothing
      }
    </div>`;
  }

  #renderActions() {
    const t = this.t;
    return html`<div part="actions" class="actions" role="toolbar" aria-label=${t.actions}>
      ${this.noReplies ? nothing : html`<button @click=${() => this.#ask({ action: 'reply' })}>${t.reply}</button>`}
      <button aria-expanded=${this.picking ? 'true' : 'false'} @click=${this.#togglePicker}>${t.react}</button>
      ${this.#canEdit ? html`<button data-action="edit" @click=${() => this.edit()}>${t.edit}</button>` : nothing}
      ${this.mine ? html`<button @click=${() => this.#ask({ action: 'delete' })}>${t.delete}</button>` : nothing}
      <slot name="actions"></slot>
    </div>`;
  }

  #pickerKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    void this.#closePicker();
  };

  /** Closes the emoji picker and puts focus back on the button that opened it. */
  #closePicker = async () => {
    this.picking = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.actions [aria-expanded]')?.focus();
  };

  #togglePicker = async () => {
    this.picking = !this.picking;
    if (!this.picking) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.picker button')?.focus();
  };

  protected override updated(changed: PropertyValues): void {
    if (changed.has('editing') && this.editing) this.renderRoot.querySelector('textarea')?.focus();
  }
}

function renderBody(body: MessageBody) {
  switch (body.type) {
    case 'text':
      return renderMarkdown(body.text);
    case 'image': {
      const src = safeUrl(body.url);
      return src
        ? html`<img src=${src} alt=${body.alt ?? ''} width=${body.width} height=${body.height} loading="lazy" />`
        : nothing;
    }
    case 'video': {
      const src = safeUrl(body.url);
      return src ? html`<video src=${src} controls preload="metadata"></video>` : nothing;
    }
  }
}
