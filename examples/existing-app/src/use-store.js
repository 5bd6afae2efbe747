import { useCallback, useSyncExternalStore } from 'react';

/**
 * The current value of a nanostores store (a `@confab/core` store such as `client.$channels`), re-rendering
 * when it changes. Observing a store is what starts it: the client loads and subscribes while it is shown.
 * Without a store, `fallback`.
 */
export function useStore(store, fallback) {
  const subscribe = useCallback((changed) => (store ? store.listen(changed) : () => {}), [store]);
  return useSyncExternalStore(subscribe, () => (store ? store.get() : fallback));
}
