/**
 * Resolves, once `event` has reached every listener, whether it may go ahead (nobody cancelled it).
 * An element that carries out the requests of the elements inside it (a thread to open, a channel to
 * switch to) listens in its shadow root, before the page does: it waits with this so that a page's
 * `preventDefault()` is still honoured. The event must be dispatched from script (every `chat-*` event is),
 * so that no microtask runs before the dispatch ends.
 */
export async function allowed(event: Event): Promise<boolean> {
  await Promise.resolve();
  return !event.defaultPrevented;
}
