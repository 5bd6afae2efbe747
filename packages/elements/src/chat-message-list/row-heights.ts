/**
 * Heights of list rows, measured when rendered and estimated (by the running average) when not, so a
 * long list can render only the rows near the viewport and stand in for the rest with spacers.
 */
export class RowHeights {
  readonly #known = new Map<string, number>();
  #sum = 0;

  /** The height of a row, measured or estimated. */
  of(key: string): number {
    return this.#known.get(key) ?? this.estimate;
  }

  get estimate(): number {
    return this.#known.size ? this.#sum / this.#known.size : 72;
  }

  /** Records a measured height; returns whether it changed. */
  set(key: string, height: number): boolean {
    const old = this.#known.get(key);
    if (old === height || height === 0) return false;
    this.#sum += height - (old ?? 0);
    this.#known.set(key, height);
    return true;
  }

  /** The offset of every row and the total height, in order. */
  offsets(keys: readonly string[]): { tops: number[]; total: number } {
    const tops = new Array<number>(keys.length);
    let at = 0;
    for (let i = 0; i < keys.length; i++) {
      tops[i] = at;
      at += this.of(keys[i]!);
    }
    return { tops, total: at };
  }
}

/** The rows to render for a viewport: `[start, end)` with `overscan` pixels either side. */
export function visibleRange(
  tops: number[],
  total: number,
  scrollTop: number,
  viewport: number,
  overscan: number,
): [number, number] {
  const from = Math.max(0, scrollTop - overscan);
  const to = Math.min(total, scrollTop + viewport + overscan);
  let lo = 0;
  let hi = tops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tops[mid + 1] ?? total) <= from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < tops.length && tops[end]! < to) end++;
  return [lo, Math.max(end, Math.min(lo + 1, tops.length))];
}
