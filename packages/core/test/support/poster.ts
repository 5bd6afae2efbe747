import type { Message } from '@confab/protocol';
import { postMessage, type RestUser } from './rest.js';

/** A user posting over REST in the background, whatever happens to the server. */
export interface Poster {
  /** What the server has stored so far, in posting order. */
  readonly posted: Message[];
  /** How many posts failed and were retried (the server was away). */
  readonly failures: number;
  /** Finishes the post in flight and stops; resolves with everything stored. */
  stop(): Promise<Message[]>;
}

/**
 * Posts `${prefix} n` every `paceMs` or so; a post that fails (server down) is retried with the same
 * `clientMessageId` until it is stored, so nothing is lost or doubled on the server's side.
 */
export function startPosting(baseUrl: string, user: RestUser, channelId: string, prefix: string, paceMs = 40): Poster {
  const posted: Message[] = [];
  let failures = 0;
  let running = true;
  let stoppedAt = 0;
  const pause = () => new Promise((resolve) => setTimeout(resolve, paceMs));
  const loop = (async () => {
    for (let n = 1; running; n++) {
      const clientMessageId = crypto.randomUUID();
      for (;;) {
        try {
          posted.push(await postMessage(baseUrl, user, channelId, `${prefix} ${n}`, { clientMessageId }));
          break;
        } catch (error) {
          if (!running && Date.now() - stoppedAt > 10_000) throw error;
          failures++;
          await pause();
        }
      }
      await pause();
    }
  })();
  return {
    posted,
    get failures() {
      return failures;
    },
    async stop() {
      running = false;
      stoppedAt = Date.now();
      await loop;
      return posted;
    },
  };
}
