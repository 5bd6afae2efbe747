import type { Bus, BusMessage } from './bus.js';

/** The single-process bus: delivers to this process's listeners, in publish order. */
export function createMemoryBus(): Bus {
  const listeners = new Set<(message: BusMessage) => void>();
  return {
    async publish(message) {
      for (const listener of listeners) listener(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onResume: () => () => {},
    ping: async () => true,
    async close() {
      listeners.clear();
    },
  };
}
