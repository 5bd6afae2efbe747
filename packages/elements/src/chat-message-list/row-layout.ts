import { RowHeights, visibleRange } from './row-heights.js';

/**
 * Where each row of the list is: heights measured when rendered (and watched while rendered) or estimated,
 * the offsets they add up to, and which rows to render for a viewport.
 */
export class RowLayout {
  readonly #heights = new RowHeights();
  readonly #observed = new Set<HTMLElement>();
  readonly #resizes: ResizeObserver;
  #ids: readonly string[] = [];
  /** The offset of each row from the first. */
  tops: number[] = [];
  /** The height of all rows. */
  total = 0;

  /** `onResize` runs (inside the observer's delivery, before paint) when a rendered row changed height. */
  constructor(onResize: () => void) {
    this.#resizes = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const id = (entry.target as HTMLElement).dataset.id;
        const height = entry.borderBoxSize[0]?.blockSize ?? entry.target.getBoundingClientRect().height;
        if (id) changed = this.#heights.set(id, height) || changed;
      }
      if (!changed) return;
      this.#relayout();
      onResize();
    });
  }

  /** The rows are now these, in order. */
  setRows(ids: readonly string[]): void {
    this.#ids = ids;
    this.#relayout();
  }

  /** A row's height, measured or estimated. */
  heightOf(id: string): number {
    return this.#heights.of(id);
  }

  /** Measures the rendered rows (elements with `data-id`) and watches them from now on. */
  measure(rows: Iterable<HTMLElement>): void {
    let changed = false;
    for (const row of rows) {
      changed = this.#heights.set(row.dataset.id!, row.getBoundingClientRect().height) || changed;
      if (this.#observed.has(row)) continue;
      this.#observed.add(row);
      this.#resizes.observe(row);
    }
    for (const row of this.#observed) {
      if (row.isConnected) continue;
      this.#observed.delete(row);
      this.#resizes.unobserve(row);
    }
    if (changed) this.#relayout();
  }

  /** Stops watching (the element left the document). */
  disconnect(): void {
    this.#resizes.disconnect();
    this.#observed.clear();
  }

  /** The rows `[start, end)` to render for a viewport `height` tall at `top` (from the first row). */
  range(top: number, height: number, overscan: number): [number, number] {
    return visibleRange(this.tops, this.total, top, height, overscan);
  }

  #relayout(): void {
    ({ tops: this.tops, total: this.total } = this.#heights.offsets(this.#ids));
  }
}

/**
 * The rows to render after the list changed (pages added or dropped): the same messages as before, by id;
 * else `count` rows around `at`. Following the newest, through the end.
 */
export function remapRange(
  before: readonly string[],
  after: readonly string[],
  at: number,
  following: boolean,
  count: number,
): [number, number] {
  const index = new Map(after.map((id, i) => [id, i]));
  const kept = before.map((id) => index.get(id)).filter((i) => i !== undefined);
  let [start, end] = kept.length
    ? [Math.min(...kept), Math.max(...kept) + 1]
    : [Math.max(0, at - count), Math.min(after.length, at + count)];
  if (following) end = after.length;
  start = Math.min(start, end);
  return [start, end];
}
