import { after } from 'node:test';
import WS from 'ws';
import { type ChatClient, type ChatClientOptions, createChatClient } from '../../src/index.js';
import type { RestUser } from './rest.js';
import { startTestServer, type TestServer } from './test-server.js';

/** `ws` as the WebSocket constructor the client expects (Node 20 has none built in). */
export const NodeWebSocket = WS as unknown as typeof WebSocket;

/** Something a test can observe, like a nanostores store. */
interface Observable {
  listen(listener: () => void): () => void;
}

/** A server plus everything a test file starts against it; all of it is stopped in `after`. */
export interface Harness {
  readonly server: TestServer;
  /** A client for this server using `ws`; disconnected in `after`. */
  client(options?: Partial<ChatClientOptions>): ChatClient;
  /** A client signed in as a user made over REST. */
  signIn(user: RestUser, options?: Partial<ChatClientOptions>): Promise<ChatClient>;
  /** Starts observing a store (which mounts it: loads pages, subscribes); stopped in `after`. */
  observe(store: Observable): () => void;
}

/** Starts a reference server for this test file and registers the clean-up. */
export async function useHarness(env: Record<string, string> = {}): Promise<Harness> {
  const server = await startTestServer(env);
  const clients = new Set<ChatClient>();
  const observers = new Set<() => void>();
  after(async () => {
    for (const stop of observers) stop();
    for (const client of clients) client.disconnect();
    await server.dispose();
  });
  const client = (options: Partial<ChatClientOptions> = {}) => {
    const made = createChatClient({ baseUrl: server.url, WebSocket: NodeWebSocket, ...options });
    clients.add(made);
    return made;
  };
  return {
    server,
    client,
    async signIn(user, options) {
      const made = client(options);
      await made.login({ username: user.username, password: user.password });
      return made;
    },
    observe(store) {
      const stop = store.listen(() => {});
      observers.add(stop);
      return () => {
        observers.delete(stop);
        stop();
      };
    },
  };
}
