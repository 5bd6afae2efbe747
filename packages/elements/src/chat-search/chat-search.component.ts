import type { ConfabError, SearchHit } from '@confab/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ChatMessageJumpEvent } from '../events/chat-message-jump.js';
import { ChatElement } from '../shared/chat-element.js';
import { listStyles } from '../shared/list.styles.js';
import { plainButtonStyles } from '../shared/plain-button.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { formatTime, fullTime } from '../shared/time.js';
import { chatSearchStyles } from './chat-search.styles.js';
import { markedSnippet } from './snippet.js';

/** Where a search stands. */
type SearchStatus = 'idle' | 'loading' | 'results' | 'error';

const PAGE = 20;

/**
 * A message search box: Enter searches the channel given in `channel` (all channels the user may read
 * without it), and the hits show as a list box under it (channel, author, time, and the snippet with the
 * matches marked), newest first, with "Load more" for older ones. ArrowDown and ArrowUp move through the
 * hits, Enter (or a click) asks to show the chosen message (`chat-message-jump`), Escape closes the hits
 * (a second Escape clears the box). The number of hits is announced.
 *
 * @fires chat-message-jump - A hit was chosen: its channel and message.
 * @csspart form - The search form.
 * @csspart input - The search box.
 * @csspart results - The hits and their states (searching, none, failed).
 * @csspart hit - One hit.
 * @csspart hit-meta - A hit's channel, author and time.
 * @csspart snippet - A hit's text.
 * @csspart mark - A match in a snippet.
 * @csspart state - "Searching…", "No messages found", "Search failed".
 * @csspart more - The "Load more" button.
 *
 * @tagname chat-search
 */
export class ChatSearchElement extends ChatElement {
  static override styles = [themeStyles, plainButtonStyles, listStyles, chatSearchStyles];

  /** Only this channel's messages; every channel's without it. */
  @property() channel = '';
  @state() private status: SearchStatus = 'idle';
  @state() private hits: SearchHit[] = [];
  @state() private open = false;
  @state() private active = -1;
  @state() private more: string | null = null;
  @state() private loadingMore = false;
  @state() private error = '';
  @query('input') private input!: HTMLInputElement;
  /** The query the hits are for. */
  #searched = '';
  /** Counts searches: a reply to an earlier one is dropped. */
  #run = 0;

  /** Moves focus to the search box. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  /** Searches for `q` (what Enter in the box does). */
  async search(q: string): Promise<void> {
    const text = q.trim();
    if (this.input && this.input.value !== q) this.input.value = q;
    if (!text || !this.client) return;
    const run = ++this.#run;
    this.#searched = text;
    this.status = 'loading';
    this.open = true;
    this.hits = [];
    this.more = null;
    this.active = -1;
    try {
      const page = await this.#page(text);
      if (run !== this.#run) return;
      this.hits = page.items;
      this.more = page.nextCursor;
      this.status = 'results';
    } catch (error) {
      if (run !== this.#run) return;
      this.error = (error as ConfabError).detail ?? String(error);
      this.status = 'error';
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('channel') && changed.get('channel') !== undefined) || changed.has('client')) this.#reset();
  }

  #reset(): void {
    this.#run++;
    this.status = 'idle';
    this.hits = [];
    this.more = null;
    this.open = false;
    this.active = -1;
    if (this.input) this.input.value = '';
  }

  #page(q: string, before?: string) {
    const options = { limit: PAGE, ...(before ? { before } : {}) };
    const client = this.client!;
    return this.channel ? client.channel(this.channel).search(q, options) : client.search(q, options);
  }

  async #loadMore(): Promise<void> {
    if (!this.more || this.loadingMore) return;
    const run = this.#run;
    const first = this.hits.length;
    this.loadingMore = true;
    try {
      const page = await this.#page(this.#searched, this.more);
      if (run !== this.#run) return;
      this.hits = [...this.hits, ...page.items];
      this.more = page.nextCursor;
      this.active = Math.min(first, this.hits.length - 1);
    } catch (error) {
      if (run === this.#run) this.error = (error as ConfabError).detail ?? String(error);
    } finally {
      this.loadingMore = false;
    }
    this.focus();
  }

  #submit = (e: SubmitEvent) => {
    e.preventDefault();
    void this.search(this.input.value);
  };

  #keydown = (e: KeyboardEvent) => {
    const count = this.hits.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!count) return;
      e.preventDefault();
      if (!this.open) {
        this.open = true;
        this.active = e.key === 'ArrowDown' ? 0 : count - 1;
      } else this.active = e.key === 'ArrowDown' ? Math.min(count - 1, this.active + 1) : Math.max(0, this.active - 1);
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector(`#hit-${this.active}`)?.scrollIntoView({ block: 'nearest' }),
      );
    } else if (e.key === 'Enter' && this.open && this.active >= 0 && this.input.value.trim() === this.#searched) {
      e.preventDefault();
      this.#choose(this.active);
    } else if (e.key === 'Escape') {
      if (this.open) {
        e.preventDefault();
        e.stopPropagation();
        this.open = false;
      } else if (this.input.value) {
        e.preventDefault();
        e.stopPropagation();
        this.#reset();
      }
    }
  };

  /** Escape inside the hits (on "Load more"): they close, focus goes back to the box. */
  #resultsKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.target === this.input) return;
    e.preventDefault();
    e.stopPropagation();
    this.open = false;
    this.focus();
  };

  #choose(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.active = index;
    this.open = false;
    this.dispatchEvent(new ChatMessageJumpEvent(hit.channel.id, hit.message.id));
  }

  /** What a screen reader hears about the search. */
  get #announcement(): string {
    const t = this.t;
    if (this.status === 'loading') return t.searching;
    if (this.status === 'error') return t.searchFailed;
    if (this.status === 'results')
      return this.hits.length ? t.searchResults(this.hits.length, !!this.more) : t.noResults;
    return '';
  }

  #hit(hit: SearchHit, index: number): TemplateResult {
    const { message, channel } = hit;
    const where = channel.visibility === 'direct' ? `@${channel.name}` : `# ${channel.name}`;
    return html`<li
      role="option"
      id=${`hit-${index}`}
      part="hit"
      aria-selected=${index === this.active ? 'true' : 'false'}
      @mousedown=${(e: MouseEvent) => e.preventDefault()}
      @click=${() => this.#choose(index)}
    >
      <span part="hit-meta" class="meta">
        ${this.channel ? nothing : html`<span class="channel">${where}</span>`}
        <span class="author">${message.author.displayName}</span>
        <time datetime=${message.createdAt} title=${fullTime(message.createdAt, this.locale)}>${formatTime(message.createdAt, this.locale)}</time>
      </span>
      <span part="snippet" class="snippet">${markedSnippet(hit)}</span>
    </li>`;
  }

  #results(): TemplateResult | typeof nothing {
    if (!this.open || this.status === 'idle') return nothing;
    const t = this.t;
    const state =
      this.status === 'loading'
        ? html`<p part="state" class="state">${t.searching}</p>`
        : this.status === 'error'
          ? html`<p part="state" class="state error">${t.searchFailed} ${this.error}
              <button class="plain" @click=${() => this.search(this.#searched)}>${t.retry}</button></p>`
          : this.hits.length === 0
            ? html`<p part="state" class="state">${t.noResults}</p>`
            : nothing;
    // Focusable, so that a keyboard can scroll it (the hits themselves are chosen from the box).
    return html`<div
      part="results"
      class="results"
      role="group"
      tabindex="0"
      aria-label=${t.searchResultsLabel(this.#searched)}
      @keydown=${this.#resultsKeydown}
    >
      ${state}
      <ul role="listbox" id="hits" aria-label=${t.searchResultsLabel(this.#searched)} ?hidden=${!this.hits.length}>
        ${this.hits.map((hit, i) => this.#hit(hit, i))}
      </ul>
      ${
        this.more
          ? html`<button part="more" class="plain more" ?disabled=${this.loadingMore} @click=${this.#loadMore}>
              ${this.loadingMore ? t.searching : t.loadMore}
            </button>`
          : nothing
      }
    </div>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const label = this.channel ? t.searchChannel : t.searchAll;
    const expanded = this.open && this.hits.length > 0;
    return html`<form part="form" role="search" @submit=${this.#submit}>
        <input
          part="input"
          type="search"
          role="combobox"
          aria-label=${label}
          placeholder=${label}
          aria-autocomplete="list"
          aria-controls=${expanded ? 'hits' : nothing}
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-activedescendant=${expanded && this.active >= 0 ? `hit-${this.active}` : nothing}
          enterkeyhint="search"
          maxlength="200"
          @keydown=${this.#keydown}
          @input=${() => (this.active = -1)}
        />
      </form>
      <div class="visually-hidden" role="status">${this.#announcement}</div>
      ${this.#results()}`;
  }
}
