import { waitUntil } from '@open-wc/testing';

/** Waits for a condition (polling), failing with `what` after `timeout` ms. */
export const until = (predicate: () => unknown, what: string, timeout = 10_000): Promise<void> =>
  waitUntil(async () => Boolean(await predicate()), `timed out waiting for ${what}`, { timeout, interval: 20 });

/** Resolves after the next `count` animation frames. */
export async function frames(count = 1): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Waits until `read()` returns the same value for `count` frames in a row, and returns it. */
export async function steady<T>(read: () => T, what: string, count = 10, timeout = 5_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = read();
  let same = 0;
  while (same < count) {
    if (Date.now() > deadline) throw new Error(`${what} did not settle within ${timeout} ms (last ${String(last)})`);
    await frames();
    const next = read();
    same = Object.is(next, last) ? same + 1 : 0;
    last = next;
  }
  return last;
}
