/** Resolves after `ms`; only for polling intervals inside {@link waitFor}. */
const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A check still running at the deadline. */
class Unfinished extends Error {}

/** Rejects after `ms` unless `promise` settles first (a predicate that hangs must not hang the test). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Unfinished(`a check was still running after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Polls `predicate` until it returns true (a thrown error, e.g. a failed assertion, counts as "not yet").
 * On timeout it throws with the last error, so a failing deep-equal shows what differed.
 */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'the condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) {
      const why = last instanceof Error ? `\n${last.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    try {
      if (await within(Promise.resolve().then(predicate), left)) return;
      last = undefined;
    } catch (error) {
      if (!(error instanceof Unfinished && last)) last = error;
    }
    await tick(20);
  }
}

/** Something with a current value, like a nanostores store. */
export interface Readable<T> {
  get(): T;
}

/** Waits until a store's value satisfies `predicate`, and returns that value. */
export async function until<T>(
  store: Readable<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 10_000,
  what = 'the store',
): Promise<T> {
  await waitFor(() => predicate(store.get()), timeoutMs, what);
  return store.get();
}
