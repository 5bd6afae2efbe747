/**
 * A real `fetch` that holds back the requests `matches` picks until `open()` — to make a reply arrive
 * after something else, deterministically.
 */
export function gatedFetch(matches: (request: Request) => boolean): {
  fetch: typeof fetch;
  /** How many requests are waiting at the gate. */
  readonly waiting: number;
  open(): void;
} {
  let release: () => void = () => {};
  let gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let waiting = 0;
  let closed = true;
  const gated = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (closed && matches(request)) {
      waiting++;
      await gate;
      waiting--;
    }
    return fetch(request);
  };
  return {
    fetch: gated as typeof fetch,
    get waiting() {
      return waiting;
    },
    open() {
      closed = false;
      release();
      gate = Promise.resolve();
    },
  };
}
