/**
 * A message held in place: its id, and how far its top is from the top of the log. (The message, not its
 * row: what shows above it in the row, a day separator or the "New messages" divider, may come and go.)
 */
export interface Anchor {
  id: string;
  offset: number;
}

/**
 * Keeps what the reader looks at in place while the log's content changes. It writes the log's scroll
 * position itself (no browser scroll anchoring), so it can tell its own scroll events from the reader's.
 */
export class ScrollKeeper {
  /** The row to hold in place while not following the newest messages. */
  anchor: Anchor | undefined;
  #wrote = Number.NaN;

  constructor(
    private readonly scroller: () => HTMLElement | undefined,
    private readonly row: (id: string) => HTMLElement | undefined,
    /** The first visible message by the layout, for when the reader scrolled past the rendered rows. */
    private readonly estimate: () => Anchor | undefined,
  ) {}

  /** Whether the log is where this keeper last put it (so a scroll event is not the reader's). */
  ours(): boolean {
    const s = this.scroller();
    return !!s && Math.abs(s.scrollTop - this.#wrote) < 1;
  }

  /** The first row at least partly in view, and where it is. */
  firstVisible(): Anchor | undefined {
    const s = this.scroller();
    if (!s) return undefined;
    const top = s.getBoundingClientRect().top;
    for (const row of s.querySelectorAll<HTMLElement>('.row')) {
      const box = row.lastElementChild!.getBoundingClientRect();
      if (box.bottom > top + 0.5) return { id: row.dataset.id!, offset: box.top - top };
    }
    return undefined;
  }

  /** Holds the first visible message from now on. */
  capture(): void {
    this.anchor = this.firstVisible() ?? this.estimate() ?? this.anchor;
  }

  /** Scrolls to the very bottom. */
  toBottom(): void {
    const s = this.scroller();
    if (s) this.#write(s.scrollHeight - s.clientHeight);
  }

  /** Puts the anchor back at its offset; `modelTop` is where its row would be when it is not rendered. */
  restore(modelTop?: number): void {
    const s = this.scroller();
    const anchor = this.anchor;
    if (!s || !anchor) return;
    const row = this.row(anchor.id);
    if (row) {
      const drift = row.lastElementChild!.getBoundingClientRect().top - s.getBoundingClientRect().top - anchor.offset;
      if (Math.abs(drift) > 0.5) this.#write(s.scrollTop + drift);
    } else if (modelTop !== undefined) this.#write(modelTop - anchor.offset);
  }

  #write(top: number): void {
    const s = this.scroller()!;
    s.scrollTop = top;
    this.#wrote = s.scrollTop;
  }
}
