import type { LocalMessage } from '@confab/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ReadableAtom } from 'nanostores';
import '../chat-message/chat-message.js';
import type { ChatMessageElement } from '../chat-message/chat-message.component.js';
import { ChatElement } from '../shared/chat-element.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { chatMessageListStyles } from './chat-message-list.styles.js';
import { RowHeights, visibleRange } from './row-heights.js';

/** What the list shows: a channel's messages or a thread's replies. */
export interface MessageFeed {
  $messages: ReadableAtom<LocalMessage[]>;
  $hasOlder: ReadableAtom<boolean>;
  $loading: ReadableAtom<boolean>;
  loadOlder(): Promise<boolean>;
}

const NEAR_EDGE_PX = 120;
const OVERSCAN_PX = 800;
const ANCHOR_MS = 400;
const ANNOUNCE_AFTER_MS = 800;
const FIRST_ROWS = 30;
const MESSAGE_PARTS =
  'message, author, time, body, link, mention, code, code-block, reactions, reaction, replies, actions';

/**
 * A windowed, accessible list of messages (`role="log"`): only the rows near the viewport are in the
 * DOM however long the history, older pages load on scrolling up without moving what the reader looks
 * at, new messages are followed only when the reader is at the bottom (otherwise a "N new messages"
 * pill), and a burst of new messages is announced once, summarised.
 *
 * @csspart list - The scrolling log.
 * @csspart new-messages - The "N new messages" button.
 * @slot empty - Shown when there are no messages.
 *
 * @tagname chat-message-list
 */
export class ChatMessageListElement extends ChatElement {
  static override styles = [themeStyles, chatMessageListStyles];

  /** The feed to show. */
  @property({ attribute: false }) feed: MessageFeed | undefined;
  /** The signed-in user's id. */
  @property({ attribute: false }) me: string | undefined;
  /** Accessible name of the log. */
  @property() label = '';
  /** Inside a thread: no reply controls. */
  @property({ type: Boolean, attribute: 'no-replies' }) noReplies = false;
  @state() private unseen = 0;
  @state() private announcement = '';
  @state() private highlighted: string | undefined;
  @state() private range: [number, number] = [0, 0];
  @query('.scroller') private scroller!: HTMLElement;

  readonly #messages = new StoreController<LocalMessage[]>(this, []);
  readonly #hasOlder = new StoreController(this, false);
  readonly #loading = new StoreController(this, false);
  readonly #heights = new RowHeights();
  readonly #observed = new Set<Element>();
  readonly #resizes = new ResizeObserver((entries) => {
    let changed = false;
    for (const entry of entries) {
      const id = (entry.target as ChatMessageElement).message?.id;
      const height = entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
      if (id) changed = this.#heights.set(id, height) || changed;
    }
    // Re-render on the next frame, not inside the observer's own delivery (which would loop).
    if (changed && !this.#frame) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.requestUpdate();
      });
    }
  });
  #atBottom = true;
  /** Row offsets and total height, computed once per update (the messages or measured heights changed). */
  #layout: { tops: number[]; total: number } = { tops: [], total: 0 };
  #frame = 0;
  #anchor: { id: string; top: number; until: number } | undefined;
  #lastId: string | undefined;
  #firstId: string | undefined;
  #pendingAnnounce = 0;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  /** Scrolls to a loaded message and highlights it for a moment. */
  async reveal(messageId: string): Promise<void> {
    if (!(await this.#bringIntoView(messageId, 'center'))) return;
    this.highlighted = messageId;
    setTimeout(() => {
      if (this.highlighted === messageId) this.highlighted = undefined;
    }, 2500);
  }

  /** The newest message of yours that can be edited, scrolled into view. */
  async lastOwnMessage(): Promise<ChatMessageElement | undefined> {
    const own = this.#messages.value.findLast(
      (m) => m.author.id === this.me && !m.deletedAt && !m.pending && !m.failed,
    );
    return own && this.#bringIntoView(own.id, 'nearest');
  }

  /** Scrolls to the newest message and follows new ones again. */
  scrollToLatest = (): void => {
    this.#atBottom = true;
    this.unseen = 0;
    this.#stickToBottom();
    this.requestUpdate();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizes.disconnect();
    this.#observed.clear();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('feed')) {
      this.#messages.follow(this.feed?.$messages);
      this.#hasOlder.follow(this.feed?.$hasOlder);
      this.#loading.follow(this.feed?.$loading);
      this.#atBottom = true;
      this.unseen = 0;
      this.#lastId = this.#firstId = undefined;
    }
    const messages = this.#messages.value;
    const first = messages[0]?.id;
    const last = messages.at(-1)?.id;
    if (first !== this.#firstId && this.#firstId && messages.some((m) => m.id === this.#firstId)) {
      const anchor = this.#visibleAnchor();
      if (anchor) this.#anchor = { ...anchor, until: Date.now() + ANCHOR_MS };
    }
    if (last !== this.#lastId && this.#lastId) {
      const added = messages.length - 1 - messages.findIndex((m) => m.id === this.#lastId);
      if (added > 0 && added < messages.length)
        this.#noteNew(messages.slice(-added).filter((m) => m.author.id !== this.me).length);
    }
    this.#firstId = first;
    this.#lastId = last;
    this.#layout = this.#heights.offsets(messages.map((m) => m.id));
    this.#updateRange();
  }

  protected override updated(): void {
    for (const row of this.#rows()) {
      if (this.#observed.has(row)) continue;
      this.#observed.add(row);
      this.#resizes.observe(row);
    }
    for (const row of this.#observed) {
      if (row.isConnected) continue;
      this.#observed.delete(row);
      this.#resizes.unobserve(row);
    }
    const before = this.scroller?.scrollTop;
    if (this.#anchor && Date.now() < this.#anchor.until) this.#restore(this.#anchor);
    else if (this.#atBottom) this.#stickToBottom();
    if (this.scroller?.scrollTop !== before) this.#updateRange(); // the correction moved the viewport
  }

  /** Renders the rows that cover the viewport (and some overscan). */
  #updateRange(): void {
    const s = this.scroller;
    if (!s) return;
    const { tops, total } = this.#layout;
    const next = visibleRange(tops, total, s.scrollTop, s.clientHeight || 600, OVERSCAN_PX);
    if (next[0] !== this.range[0] || next[1] !== this.range[1]) this.range = next;
  }

  async #bringIntoView(messageId: string, block: ScrollLogicalPosition): Promise<ChatMessageElement | undefined> {
    const index = this.#messages.value.findIndex((m) => m.id === messageId);
    if (index < 0 || !this.scroller) return undefined;
    this.#atBottom = false;
    this.scroller.scrollTop = Math.max(0, (this.#layout.tops[index] ?? 0) - this.scroller.clientHeight / 3);
    this.#updateRange();
    await this.updateComplete;
    const row = this.#rows().find((r) => r.message?.id === messageId);
    row?.scrollIntoView({ block });
    return row;
  }

  #stickToBottom(): void {
    if (this.scroller) this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  #rows(): ChatMessageElement[] {
    return [...this.renderRoot.querySelectorAll('chat-message')];
  }

  /** The first message row at least partly visible, and where it is relative to the top of the log. */
  #visibleAnchor(): { id: string; top: number } | undefined {
    const top = this.scroller?.getBoundingClientRect().top ?? 0;
    const row = this.#rows().find((r) => r.getBoundingClientRect().bottom > top);
    return row?.message ? { id: row.message.id, top: row.getBoundingClientRect().top - top } : undefined;
  }

  /** Puts the anchor row back where the reader saw it. */
  #restore(anchor: { id: string; top: number }): void {
    const row = this.#rows().find((r) => r.message?.id === anchor.id);
    if (!row) {
      const index = this.#messages.value.findIndex((m) => m.id === anchor.id);
      if (index >= 0) this.scroller.scrollTop = (this.#layout.tops[index] ?? 0) - anchor.top;
      return;
    }
    const drift = row.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top - anchor.top;
    if (Math.abs(drift) > 0.5) this.scroller.scrollTop += drift;
  }

  #noteNew(fromOthers: number): void {
    if (!this.#atBottom) this.unseen += fromOthers;
    if (fromOthers === 0) return;
    this.#pendingAnnounce += fromOthers;
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      this.announcement = this.t.newMessages(this.#pendingAnnounce);
      this.#pendingAnnounce = 0;
    }, ANNOUNCE_AFTER_MS);
  }

  #onScroll = () => {
    const s = this.scroller;
    this.#atBottom = s.scrollHeight - s.scrollTop - s.clientHeight < 24;
    if (this.#atBottom) this.unseen = 0;
    this.#updateRange();
    if (s.scrollTop < NEAR_EDGE_PX && this.#hasOlder.value && !this.#loading.value && this.feed) {
      void this.feed.loadOlder().catch(() => {});
    }
  };

  protected override render() {
    const messages = this.#messages.value;
    const t = this.t;
    const { tops, total } = this.#layout;
    // Until the viewport has been measured, only the newest rows: the list opens at the bottom.
    const end = this.range[1] ? Math.min(this.range[1], messages.length) : messages.length;
    const start = this.range[1] ? Math.min(this.range[0], end) : Math.max(0, end - FIRST_ROWS);
    const loadingOlder = this.#hasOlder.value && this.#loading.value;
    const beginning = !this.#hasOlder.value && messages.length > 0 && !this.noReplies;
    // Neither edge note may move the log: "loading" floats over it, "beginning" scrolls with the rows.
    return html`${loadingOlder ? html`<div class="edge loading" role="status">${t.loadingOlder}</div>` : nothing}
      ${messages.length || this.#loading.value ? nothing : html`<div class="empty"><slot name="empty">${t.empty}</slot></div>`}
      <div part="list" class="scroller" role="log" aria-live="off" aria-label=${this.label} tabindex="0" @scroll=${this.#onScroll}>
        ${beginning ? html`<div class="edge" role="status">${t.beginning}</div>` : nothing}
        <div style="height: ${tops[start] ?? 0}px" aria-hidden="true"></div>
        ${repeat(
          messages.slice(start, end),
          (m) => m.id,
          (m) =>
            html`<chat-message
              exportparts=${MESSAGE_PARTS}
              .message=${m}
              .me=${this.me}
              .strings=${this.strings}
              ?no-replies=${this.noReplies}
              ?highlighted=${m.id === this.highlighted}
            ></chat-message>`,
        )}
        <div style="height: ${total - (tops[end] ?? total)}px" aria-hidden="true"></div>
      </div>
      ${
        this.unseen > 0
          ? html`<button part="new-messages" class="pill" aria-label=${t.jumpToLatest} @click=${this.scrollToLatest}>
            ${t.newMessages(this.unseen)} ↓
          </button>`
          : nothing
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}
