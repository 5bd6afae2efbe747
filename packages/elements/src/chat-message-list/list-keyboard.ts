import type { ChatMessageElement } from '../chat-message/chat-message.component.js';
import type { Row } from './rows.js';

/** What keyboard navigation needs from the list. */
export interface ListNavigation {
  rows(): readonly Row[];
  scroller(): HTMLElement | undefined;
  /** The message that is the list's tab stop. */
  tabStop(): string | undefined;
  setCurrent(id: string): void;
  rowElement(id: string): HTMLElement | undefined;
  /** Scrolls a loaded message into view and resolves with its element once rendered. */
  show(id: string, block: 'start' | 'end' | 'nearest'): Promise<ChatMessageElement | undefined>;
  /** Loads a page at one end; resolves whether anything loaded. */
  load(edge: 'older' | 'newer'): Promise<boolean>;
  toNewest(): Promise<void>;
  firstVisibleIndex(): number;
  /** Row offsets from the first row. */
  tops(): readonly number[];
}

/**
 * The list's keyboard model (after the WAI-ARIA feed pattern): one tab stop, the current message (roving
 * tabindex); ArrowUp/ArrowDown move to the previous/next message, PageUp/PageDown about a screen, Home to
 * the first loaded message and End to the newest. When windowing takes the focused message out of the DOM,
 * focus waits on the log and returns to the message when it is rendered again.
 */
export class ListKeyboard {
  #parked = false;
  #parking = false;
  /** Counts moves: when keys come faster than rows render, only the latest move takes focus. */
  #moves = 0;
  /** The page a move is loading: moves pressed meanwhile wait for it, so no key press is lost. */
  #pageLoad: Promise<unknown> = Promise.resolve();

  constructor(private readonly nav: ListNavigation) {}

  keydown = (event: KeyboardEvent): void => {
    const origin = event.composedPath()[0] as HTMLElement;
    const onMessage = origin === this.nav.scroller() || origin.localName === 'article';
    const typing = ['textarea', 'input'].includes(origin.localName) || origin.getAttribute('role') === 'menuitem';
    let move: Promise<void>;
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowDown':
        if (!onMessage) return;
        move = this.#step(event.key === 'ArrowUp' ? -1 : 1);
        break;
      case 'PageUp':
      case 'PageDown':
        if (typing) return;
        move = this.#page(event.key === 'PageUp' ? -1 : 1);
        break;
      case 'Home':
        if (!onMessage) return;
        move = this.focusRow(0, 'start');
        break;
      case 'End':
        if (!onMessage) return;
        move = this.nav.toNewest().then(() => this.focusRow(this.nav.rows().length - 1, 'end'));
        break;
      default:
        return;
    }
    event.preventDefault();
    void move;
  };

  /** A message (or a control in it) took focus: it becomes the current one. */
  focusin = (event: FocusEvent): void => {
    const row = event.composedPath().find((n) => (n as Element).localName === 'chat-message') as
      | ChatMessageElement
      | undefined;
    if (row?.message) this.nav.setCurrent(row.message.id);
  };

  /** The log itself took focus (Tab, while its current message is scrolled away): focus a message in view. */
  focus = (): void => {
    if (this.#parking) return;
    void this.focusRow(this.nav.firstVisibleIndex(), 'nearest');
  };

  /** Moves focus to a row, scrolling it into view. */
  async focusRow(index: number, block: 'start' | 'end' | 'nearest' = 'nearest'): Promise<void> {
    const row = this.nav.rows()[index];
    if (!row) return;
    this.nav.setCurrent(row.message.id);
    this.#parked = false;
    const move = ++this.#moves;
    const element = await this.nav.show(row.message.id, block);
    if (move === this.#moves) element?.focus({ preventScroll: true });
  }

  /** Before rendering only the rows `rendered`: if the focused one goes, focus waits on the log. */
  beforeRender(rendered: (id: string) => boolean): void {
    const s = this.nav.scroller();
    const active = (s?.getRootNode() as ShadowRoot | undefined)?.activeElement as ChatMessageElement | null;
    if (!s || active?.localName !== 'chat-message' || !active.message || rendered(active.message.id)) return;
    this.#parking = true;
    s.focus({ preventScroll: true });
    this.#parking = false;
    this.#parked = true;
  }

  /** After rendering: focus that waited on the log goes back to its message once it is rendered again. */
  afterRender(): void {
    if (!this.#parked) return;
    const s = this.nav.scroller();
    if ((s?.getRootNode() as ShadowRoot | undefined)?.activeElement !== s) {
      this.#parked = false;
      return;
    }
    const stop = this.nav.tabStop();
    const element = stop ? this.nav.rowElement(stop)?.querySelector('chat-message') : undefined;
    if (!element) return;
    this.#parked = false;
    element.focus({ preventScroll: true });
  }

  #index(): number {
    const stop = this.nav.tabStop();
    return this.nav.rows().findIndex((r) => r.message.id === stop);
  }

  async #step(delta: -1 | 1): Promise<void> {
    await this.#pageLoad;
    let index = this.#index();
    const id = this.nav.rows()[index]?.message.id;
    if (!id) return;
    const beyond = index + delta < 0 || index + delta >= this.nav.rows().length;
    if (beyond) {
      const load = this.nav.load(delta < 0 ? 'older' : 'newer');
      this.#pageLoad = load;
      if (!(await load)) return;
      index = this.nav.rows().findIndex((r) => r.message.id === id);
    }
    await this.focusRow(index + delta);
  }

  async #page(direction: -1 | 1): Promise<void> {
    await this.#pageLoad;
    const index = this.#index();
    const tops = this.nav.tops();
    const rows = this.nav.rows();
    if (index < 0) return;
    const target = (tops[index] ?? 0) + direction * (this.nav.scroller()?.clientHeight ?? 0);
    let next = index;
    if (direction < 0) while (next > 0 && (tops[next - 1] ?? 0) >= target) next--;
    else while (next < rows.length - 1 && (tops[next + 1] ?? 0) <= target) next++;
    if (next === index) return this.#step(direction);
    await this.focusRow(next, direction < 0 ? 'start' : 'end');
  }
}
