import type { LocalMessage, User } from '@confab/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ReadableAtom } from 'nanostores';
import '../chat-message/chat-message.js';
import type { ChatMessageElement } from '../chat-message/chat-message.component.js';
import { ChatElement } from '../shared/chat-element.js';
import type { MessageModeration } from '../shared/moderation.js';
import { MESSAGE_PARTS } from '../shared/parts.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { Announcer } from './announcer.js';
import { chatMessageListStyles } from './chat-message-list.styles.js';
import { ListKeyboard } from './list-keyboard.js';
import { RowLayout, remapRange } from './row-layout.js';
import { arrived, buildRows, dayLabeller, firstUnread, loadForOpening, loadNewest, type Row } from './rows.js';
import { ScrollKeeper } from './scroll-keeper.js';

/** What the list shows: a channel's messages or a thread's replies. */
export interface MessageFeed {
  $messages: ReadableAtom<LocalMessage[]>;
  $hasOlder: ReadableAtom<boolean>;
  $loading: ReadableAtom<boolean>;
  loadOlder(): Promise<boolean>;
  /** Set while the loaded messages stop short of the newest (a long history is held in a bounded window). */
  $hasNewer?: ReadableAtom<boolean>;
  /** Loads the page after the loaded messages; resolves whether still newer ones exist. */
  loadNewer?(): Promise<boolean>;
  /** Loads the newest page in one request (given with `$hasNewer`). */
  loadLatest?(): Promise<void>;
}

const NEAR_EDGE_PX = 120;
const AT_END_PX = 24;
const OVERSCAN_PX = 800;
const FIRST_ROWS = 30;
/** How far back (in events) opening seeks the first unread message; further back, it opens at the newest. */
const SEEK_BACK = 500;

/**
 * A windowed, accessible list of messages (`role="log"`), grouped by author and day. Only the rows near the
 * viewport are in the DOM however long the history; older and newer pages load as the reader scrolls, and
 * nothing the reader looks at moves while they do. It opens at the newest message — or, with
 * `unreadAfterSeq`, at the first unread one under a "New messages" divider — follows new messages only at
 * the bottom (otherwise a "N new messages" button, which is there whenever the reader is away from the
 * bottom), and announces a burst of new messages once, summarised.
 *
 * Keyboard: the list is one tab stop (its current message); ArrowUp/ArrowDown move between messages,
 * PageUp/PageDown by a screen, Home to the first loaded message, End to the newest (loading it); Tab moves
 * into the focused message's controls.
 *
 * @csspart list - The scrolling log.
 * @csspart new-messages - The "N new messages" / "Jump to the latest messages" button.
 * @csspart day - A day separator.
 * @csspart new-divider - The "New messages" divider above the first unread message.
 * @csspart empty - The "No messages yet" note.
 * @cssproperty --chat-divider - Colour of the "New messages" divider (the danger colour).
 * @slot empty - Shown instead of the built-in note when there are no messages.
 *
 * @tagname chat-message-list
 */
export class ChatMessageListElement extends ChatElement {
  static override styles = [themeStyles, chatMessageListStyles];

  /** The feed to show. */
  @property({ attribute: false }) feed: MessageFeed | undefined;
  /** The signed-in user's id. */
  @property({ attribute: false }) me: string | undefined;
  /** The signed-in user, reading (messages that mention them are highlighted). */
  @property({ attribute: false }) viewer: User | undefined;
  /** Roles, blocked users and the viewer's powers in the channel, passed on to every message. */
  @property({ attribute: false }) moderation: MessageModeration | undefined;
  /** Accessible name of the log. */
  @property() label = '';
  /** Inside a thread: no reply controls. */
  @property({ type: Boolean, attribute: 'no-replies' }) noReplies = false;
  /**
   * The last `seq` the reader had read when the feed was opened: the "New messages" divider goes above
   * the first later message from someone else, and the list opens there instead of at the bottom.
   */
  @property({ type: Number, attribute: 'unread-after-seq' }) unreadAfterSeq: number | undefined;
  @state() private unseen = 0;
  @state() private highlighted: string | undefined;
  @state() private range: [number, number] = [0, 0];
  @state() private following = true;
  @state() private loadingEdge: 'older' | 'newer' | undefined;
  @state() private seeking = false;
  @state() private emptySlotted = false;
  @state() private current: string | undefined;

  readonly #messages = new StoreController<LocalMessage[]>(this, []);
  readonly #hasOlder = new StoreController(this, false);
  readonly #hasNewer = new StoreController(this, false);
  readonly #loading = new StoreController(this, false);
  #edgeLoad = Promise.resolve(false);
  readonly #layout = new RowLayout(() => this.#resized());
  readonly #announcer = new Announcer(this, (n) => this.t.newMessages(n));
  readonly #keeper = new ScrollKeeper(
    () => this.#scroller ?? undefined,
    (id) => this.#rowElement(id),
    () => this.#estimateFirstVisible(),
  );
  readonly #keys = new ListKeyboard({
    rows: () => this.#rows,
    scroller: () => this.#scroller ?? undefined,
    tabStop: () => this.#tabStop,
    setCurrent: (id) => {
      this.current = id;
    },
    rowElement: (id) => this.#rowElement(id),
    show: (id, block) => this.#show(id, block),
    load: (edge) => this.#load(edge),
    toNewest: () => this.scrollToNewest(),
    firstVisibleIndex: () => this.#firstVisibleIndex(),
    tops: () => this.#layout.tops,
  });
  #rows: Row[] = [];
  #rowsFrom: unknown[] = [];
  #placing = true;
  /** Opening already loaded what it needed (the newest page, older pages back to the first unread). */
  #sought = false;
  #unreadId: string | undefined;
  #lastId: string | undefined;
  #frame = 0;
  #passes = 0;
  #settled: Promise<void> = Promise.resolve();
  #busy = false;

  /** Scrolls to a loaded message and highlights it for a moment. */
  async reveal(messageId: string): Promise<void> {
    if (!(await this.#show(messageId, 'center'))) return;
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
    return own && this.#show(own.id, 'nearest');
  }

  /** Loads the newest messages if they are not loaded, lands exactly at the bottom, and follows new ones. */
  async scrollToNewest(): Promise<void> {
    const feed = this.feed;
    this.following = true;
    this.unseen = 0;
    if (feed?.$hasNewer?.get()) {
      this.seeking = true;
      try {
        await loadNewest(feed);
      } finally {
        this.seeking = false;
      }
    }
    await this.#settle();
  }

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('.scroller');
  }

  /** Resolves once the list has rendered, measured and placed its rows. */
  async #settle(): Promise<void> {
    do {
      await this.updateComplete;
      await this.#settled;
    } while (this.isUpdatePending);
  }

  /** The message that is the list's tab stop: the one last focused, else the newest. */
  get #tabStop(): string | undefined {
    return this.current && this.#rows.some((r) => r.message.id === this.current)
      ? this.current
      : this.#rows.at(-1)?.message.id;
  }

  /**
   * Scrolls a loaded message into view (`start`, `center`, `end`, or `nearest`: only as far as needed)
   * and resolves with its element once rendered.
   */
  async #show(
    messageId: string,
    block: 'start' | 'center' | 'end' | 'nearest',
  ): Promise<ChatMessageElement | undefined> {
    const s = this.#scroller;
    const index = this.#rows.findIndex((r) => r.message.id === messageId);
    if (index < 0 || !s) return undefined;
    const element = this.#rowElement(messageId)?.querySelector('chat-message');
    const box = s.getBoundingClientRect();
    const height = element?.getBoundingClientRect().height ?? this.#layout.heightOf(messageId);
    const top = element ? element.getBoundingClientRect().top - box.top : undefined;
    let offset: number | undefined;
    if (block === 'start') offset = 0;
    else if (block === 'center') offset = (s.clientHeight - height) / 2;
    else if (block === 'end') offset = s.clientHeight - height;
    else if (top === undefined) offset = index < this.#firstVisibleIndex() ? 0 : s.clientHeight - height;
    else if (top < 0) offset = 0;
    else if (top + height > s.clientHeight) offset = Math.max(0, s.clientHeight - height);
    const last = index === this.#rows.length - 1 && !this.#hasNewer.value;
    if (last && offset !== undefined && offset > 0 && block !== 'center') {
      this.following = true; // to the newest message: the very bottom, and follow from there
      this.#keeper.toBottom();
      await this.#settle();
    } else if (offset !== undefined) {
      this.following = false;
      this.#keeper.anchor = { id: messageId, offset };
      this.#keeper.restore(this.#modelTop(index));
      this.#updateRange();
      await this.#settle();
    }
    return this.#rowElement(messageId)?.querySelector('chat-message') ?? undefined;
  }

  /** Loads the next page at one end, or joins the load under way there; resolves whether anything loaded. */
  #load(edge: 'older' | 'newer'): Promise<boolean> {
    if (!this.loadingEdge) this.#edgeLoad = this.#loadPage(edge);
    return this.loadingEdge === edge ? this.#edgeLoad : Promise.resolve(false);
  }

  async #loadPage(edge: 'older' | 'newer'): Promise<boolean> {
    const feed = this.feed;
    if (!feed || this.#loading.value) return false;
    if (edge === 'older' ? !this.#hasOlder.value : !this.#hasNewer.value || !feed.loadNewer) return false;
    const before = this.#messages.value;
    this.loadingEdge = edge;
    try {
      await (edge === 'older' ? feed.loadOlder() : feed.loadNewer!());
    } catch {
      // nothing loaded: the reader can scroll to try again
    } finally {
      this.loadingEdge = undefined;
    }
    await this.#settle();
    return this.#messages.value !== before;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate(); // observe the rows again
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#layout.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('feed')) {
      this.#messages.follow(this.feed?.$messages);
      this.#hasOlder.follow(this.feed?.$hasOlder);
      this.#hasNewer.follow(this.feed?.$hasNewer);
      this.#loading.follow(this.feed?.$loading);
      this.following = true;
      this.unseen = 0;
      this.current = undefined;
      this.range = [0, 0];
      this.#keeper.anchor = undefined;
      this.#lastId = undefined;
    }
    if (changed.has('feed') || changed.has('unreadAfterSeq')) {
      this.#placing = true;
      this.#sought = false;
      this.#unreadId = undefined;
    }
    // Where the reader is, before anything changes (not while the last change is still being placed).
    if (this.hasUpdated && !this.following && !this.#busy && !this.#placing) this.#keeper.capture();
    const messages = this.#messages.value;
    if (this.#placing && messages.length && !this.seeking) this.#place(messages);
    this.#noteNew(messages);
    const from = [messages, this.#unreadId, this.me, this.strings, this.locale];
    if (from.some((value, i) => value !== this.#rowsFrom[i])) {
      const old = this.#rows;
      const labels = dayLabeller(this.locale, this.t);
      this.#rows = buildRows(messages, this.#unreadId, labels);
      this.#rowsFrom = from;
      const ids = this.#rows.map((r) => r.message.id);
      this.#layout.setRows(ids);
      const anchor = this.#keeper.anchor ? ids.indexOf(this.#keeper.anchor.id) : -1;
      const before = old.slice(this.range[0], this.range[1]).map((r) => r.message.id);
      this.range = remapRange(before, ids, anchor < 0 ? ids.length : anchor, this.following, FIRST_ROWS);
    }
    const [start, end] = this.range;
    const rendered = new Set(this.#rows.slice(start, end).map((r) => r.message.id));
    this.#keys.beforeRender((id) => rendered.has(id));
  }

  /** Decides where the feed opens: at the first unread message, or at the bottom. */
  #place(messages: LocalMessage[]): void {
    const feed = this.feed!;
    const unread = this.unreadAfterSeq;
    const olderUnread = unread !== undefined && messages[0]!.seq > unread + 1 && this.#hasOlder.value;
    if (!this.#sought && (this.#hasNewer.value || olderUnread)) {
      this.#sought = true;
      void this.#seek(feed, unread);
      return;
    }
    this.#placing = false;
    this.#unreadId = firstUnread(messages, unread, this.me)?.id;
    if (!this.#unreadId) {
      this.following = true;
      return;
    }
    this.following = false;
    this.#keeper.anchor = { id: this.#unreadId, offset: Math.min(96, (this.#scroller?.clientHeight ?? 400) / 4) };
  }

  /** Loads what opening needs first: the newest page, then back to the first unread message. */
  async #seek(feed: MessageFeed, unread: number | undefined): Promise<void> {
    this.seeking = true;
    try {
      await loadForOpening(feed, unread, SEEK_BACK, () => feed === this.feed);
    } catch {
      // opens with what is loaded
    } finally {
      if (feed === this.feed) this.seeking = false;
    }
  }

  /** Counts and announces messages that arrived at the end; your own sends bring you to the bottom. */
  #noteNew(messages: LocalMessage[]): void {
    const added = arrived(messages, this.#lastId);
    this.#lastId = messages.at(-1)?.id;
    if (added.some((m) => m.pending && m.author.id === this.me)) void this.scrollToNewest();
    const fromOthers = added.filter((m) => m.author.id !== this.me).length;
    if (!fromOthers) return;
    if (!this.following) this.unseen += fromOthers;
    this.#announcer.add(fromOthers);
  }

  protected override updated(): void {
    this.#busy = true;
    const pass = ++this.#passes;
    this.#settled = this.#afterRender(pass);
  }

  /** Once the rows themselves have rendered: measure them, put the reader back, render what is now in view. */
  async #afterRender(pass: number): Promise<void> {
    const rows = [...this.renderRoot.querySelectorAll('chat-message')];
    await Promise.all(rows.map((r) => r.updateComplete));
    if (pass !== this.#passes || !this.#scroller) return;
    this.#layout.measure(this.renderRoot.querySelectorAll<HTMLElement>('.row'));
    this.#position();
    // Held at the very bottom (everything unread fits, or nothing to scroll): that is following.
    if (!this.following && !this.#placing && this.#atEnd()) this.following = true;
    this.#updateRange();
    this.#busy = false;
    this.#keys.afterRender();
    this.#maybeLoad();
  }

  /** Puts the reader where they were: at the bottom when following, else the anchor row where it was. */
  #position(): void {
    if (this.following && !this.#placing) this.#keeper.toBottom();
    else {
      const anchor = this.#keeper.anchor;
      const index = anchor ? this.#rows.findIndex((r) => r.message.id === anchor.id) : -1;
      this.#keeper.restore(index < 0 ? undefined : this.#modelTop(index));
    }
  }

  /** Row heights changed after rendering (images, reactions, an edit): correct before the next paint. */
  #resized(): void {
    if (!this.#busy) this.#position();
    // Rendering more rows here would resize inside the observer's delivery: do it next frame.
    if (!this.#frame) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#updateRange();
      });
    }
  }

  /** Where row `index` starts, in the log's scroll coordinates, from the layout. */
  #modelTop(index: number): number {
    return this.#origin() + (this.#layout.tops[index] ?? this.#layout.total);
  }

  /** Where the first row would start, in the log's scroll coordinates. */
  #origin(): number {
    const spacer = this.renderRoot.querySelector('.spacer');
    if (!spacer || !this.#scroller) return 0;
    return spacer.getBoundingClientRect().top - this.#scroller.getBoundingClientRect().top + this.#scroller.scrollTop;
  }

  /** Renders the rows that cover the viewport (and some overscan). */
  #updateRange(): void {
    const s = this.#scroller;
    if (!s) return;
    const next = this.#layout.range(s.scrollTop - this.#origin(), s.clientHeight || 600, OVERSCAN_PX);
    if (next[0] !== this.range[0] || next[1] !== this.range[1]) this.range = next;
  }

  /** The first message in view by the layout (its row may not be rendered yet), and where it is. */
  #estimateFirstVisible(): { id: string; offset: number } | undefined {
    const s = this.#scroller;
    if (!s || !this.#rows.length) return undefined;
    const origin = this.#origin();
    const [index] = this.#layout.range(s.scrollTop - origin, 0, 0);
    const row = this.#rows[index];
    return row && { id: row.message.id, offset: origin + this.#layout.tops[index]! - s.scrollTop };
  }

  #firstVisibleIndex(): number {
    const top = this.#keeper.firstVisible()?.id;
    return Math.max(
      0,
      this.#rows.findIndex((r) => r.message.id === top),
    );
  }

  #rowElement(id: string): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(id)}"]`) ?? undefined;
  }

  /** Whether the reader is at the newest message: within a row's padding of the bottom counts (the list then puts it exactly there). */
  #atEnd(): boolean {
    const s = this.#scroller;
    return !!s && s.scrollHeight - s.scrollTop - s.clientHeight < AT_END_PX && !this.#hasNewer.value;
  }

  #maybeLoad(): void {
    const s = this.#scroller;
    if (!s || this.#placing || this.seeking) return;
    if (s.scrollTop < NEAR_EDGE_PX) void this.#load('older');
    else if (s.scrollHeight - s.scrollTop - s.clientHeight < NEAR_EDGE_PX) void this.#load('newer');
  }

  #onScroll = () => {
    const atEnd = this.#atEnd();
    if (!this.#keeper.ours()) this.following = atEnd;
    else if (atEnd && !this.#placing) this.following = true;
    if (!this.following && !this.#busy) this.#keeper.capture();
    if (this.following) this.unseen = 0;
    this.#updateRange();
    this.#maybeLoad();
  };

  #onJump = async (event: Event) => {
    const hadFocus = this.shadowRoot?.activeElement === event.currentTarget;
    await this.scrollToNewest();
    if (hadFocus) this.#keys.focusRow(this.#rows.length - 1);
  };

  #onEmptySlot = (event: Event) => {
    const nodes = (event.target as HTMLSlotElement).assignedNodes({ flatten: true });
    this.emptySlotted = nodes.some((n) => n.nodeType === Node.ELEMENT_NODE || n.textContent?.trim());
  };

  protected override render(): TemplateResult {
    const rows = this.#rows;
    const t = this.t;
    const { tops, total } = this.#layout;
    const [start, end] = this.range;
    const stop = this.#tabStop;
    const stopShown = rows.slice(start, end).some((r) => r.message.id === stop);
    const beginning = !this.#hasOlder.value && rows.length > 0 && !this.noReplies;
    const empty = !rows.length && !this.#loading.value;
    const jump = rows.length > 0 && (!this.following || this.#hasNewer.value || this.unseen > 0) && !this.#placing;
    // The edge notes float over the log, and "beginning" scrolls with the rows: neither moves them. The
    // jump button floats at the bottom but comes before the log in focus order: Shift+Tab from below
    // reaches the current message first.
    return html`${this.loadingEdge === 'older' ? html`<div class="edge loading top" role="status">${t.loadingOlder}</div>` : nothing}
      ${empty ? html`<div part="empty" class="empty"><slot name="empty" @slotchange=${this.#onEmptySlot}></slot>${this.emptySlotted ? nothing : t.empty}</div>` : nothing}
      ${
        jump
          ? html`<button part="new-messages" class="pill" @click=${this.#onJump}>
            ${this.unseen > 0 ? t.newMessages(this.unseen) : t.jumpToLatest} <span aria-hidden="true">↓</span>
          </button>`
          : nothing
      }
      <div
        part="list"
        class="scroller"
        role="log"
        aria-live="off"
        aria-label=${this.label}
        aria-busy=${this.seeking || this.#placing ? 'true' : 'false'}
        tabindex=${stopShown || !rows.length ? -1 : 0}
        @scroll=${this.#onScroll}
        @keydown=${this.#keys.keydown}
        @focusin=${this.#keys.focusin}
        @focus=${this.#keys.focus}
      >
        ${beginning ? html`<div class="edge" role="status">${t.beginning}</div>` : nothing}
        <div class="spacer" .style=${`height: ${tops[start] ?? 0}px`}></div>
        ${repeat(
          rows.slice(start, end),
          (r) => r.message.id,
          (r) => this.#renderRow(r, r.message.id === stop),
        )}
        <div class="spacer" .style=${`height: ${total - (tops[end] ?? total)}px`}></div>
      </div>
      ${this.loadingEdge === 'newer' || this.seeking ? html`<div class="edge loading bottom" role="status">${t.loadingNewer}</div>` : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcer.text}</div>`;
  }

  #renderRow(row: Row, current: boolean) {
    const m = row.message;
    const t = this.t;
    return html`<div class="row" data-id=${m.id}>
      ${row.day ? html`<div part="day" class="day" role="separator" aria-label=${row.day}><span>${row.day}</span></div>` : nothing}
      ${row.unread ? html`<div part="new-divider" class="divider" role="separator" aria-label=${t.newDivider}><span>${t.newDivider}</span></div>` : nothing}
      <chat-message
        exportparts=${MESSAGE_PARTS}
        .message=${m}
        .me=${this.me}
        .viewer=${this.viewer}
        .moderation=${this.moderation}
        .strings=${this.strings}
        .continued=${row.continued}
        .current=${current}
        ?no-replies=${this.noReplies}
        ?highlighted=${m.id === this.highlighted}
      ></chat-message>
    </div>`;
  }
}
