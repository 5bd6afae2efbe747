import { type ChatClient, type ChatClientOptions, createChatClient } from '@confab/core';
import { afterEach } from './mocha.js';
import { baseUrl, password, uniqueName } from './rest.js';

const started: ChatClient[] = [];

afterEach(() => {
  for (const client of started.splice(0)) client.disconnect();
});

/** A client of the run's server, disconnected after the test. */
export function makeClient(options: Partial<ChatClientOptions> = {}): ChatClient {
  const client = createChatClient({ baseUrl, ...options });
  started.push(client);
  return client;
}

/** A client signed in as a freshly registered user. */
export async function signedInClient(prefix: string, options: Partial<ChatClientOptions> = {}) {
  const client = makeClient(options);
  const user = await client.register({ username: uniqueName(prefix), password });
  return { client, user };
}
