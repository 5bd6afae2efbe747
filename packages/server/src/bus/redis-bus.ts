import type { Redis } from 'ioredis';
import type { Bus, BusMessage } from './bus.js';
import { RedisLink } from './redis-link.js';

/**
 * The bus across processes: Redis pub/sub on one channel. Each message goes out as `<processId> <json>`;
 * the publishing process delivers it to its own listeners at once and skips its echo without parsing it.
 *
 * Publishing is fire-and-forget after the local delivery: while Redis is down the message reaches this
 * process only, and the others catch up from the event log (on resume, and by their periodic head check).
 * The subscriber connection subscribes again each time it is ready; every ready after the first one is a
 * resume, because messages may have been published while it was away.
 */
export function createRedisBus(link: RedisLink): Bus {
  const channel = link.key('bus');
  const tag = `${link.processId} `;
  const listeners = new Set<(message: BusMessage) => void>();
  const resumeListeners = new Set<() => void>();
  const subscriber: Redis = link.duplicate('subscriber', { autoResubscribe: false });
  let subscribedOnce = false;
  let publishFailing = false;

  const deliver = (message: BusMessage) => {
    for (const listener of listeners) listener(message);
  };
  subscriber.on('ready', () => {
    subscriber.subscribe(channel).then(
      () => {
        if (subscribedOnce) for (const listener of resumeListeners) listener();
        subscribedOnce = true;
      },
      () => {}, // the connection dropped again; the next ready subscribes
    );
  });
  subscriber.on('message', (_channel: string, text: string) => {
    if (text.startsWith(tag)) return;
    const json = text.slice(text.indexOf(' ') + 1);
    let message: BusMessage;
    try {
      message = JSON.parse(json) as BusMessage;
    } catch {
      return link.log.warn('unreadable message on the Redis bus; ignored');
    }
    deliver(message);
  });

  return {
    async publish(message) {
      deliver(message);
      link.client.publish(channel, tag + JSON.stringify(message)).then(
        () => {
          publishFailing = false;
        },
        (error: unknown) => {
          if (!publishFailing)
            link.log.warn({ err: error }, 'publishing to Redis failed; other processes catch up by seq');
          publishFailing = true;
        },
      );
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onResume(listener) {
      resumeListeners.add(listener);
      return () => resumeListeners.delete(listener);
    },
    async ping() {
      if (subscriber.status !== 'ready') return false;
      return link.client.ping().then(
        (reply) => reply === 'PONG',
        () => false,
      );
    },
    async close() {
      listeners.clear();
      resumeListeners.clear();
      await RedisLink.end(subscriber);
    },
  };
}
