import type { AuthSession, Channel, Message, MessagePage, User } from '@confab/protocol';

declare global {
  interface Window {
    /** The reference server's URL, set by web-test-runner.config.mjs. */
    CONFAB_SERVER: string;
  }
}

/** The reference server the run started. */
export const baseUrl: string = window.CONFAB_SERVER;
export const password = 'correct-horse-battery';

/** A user registered over REST, with a bearer token. */
export interface RestUser {
  user: User;
  username: string;
  token: string;
}

let counter = 0;

/** A fresh, lower-case name. */
export const uniqueName = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Registers a built-in account (`POST /api/v1/auth/register`). */
export async function registerUser(prefix = 'user'): Promise<RestUser> {
  const username = uniqueName(prefix);
  const session = await call<AuthSession>('POST', '/api/v1/auth/register', undefined, { username, password });
  return { user: session.user, username, token: session.accessToken };
}

/** A public channel owned by `owner` that `members` joined. */
export async function createChannel(owner: RestUser, members: RestUser[] = [], name = uniqueName('room')) {
  const channel = await call<Channel>('POST', '/api/v1/channels', owner.token, { name, visibility: 'public' });
  for (const member of members) await call('PUT', `/api/v1/channels/${channel.id}/members/me`, member.token);
  return channel;
}

/** Posts a text message (a reply with `parentId`). */
export function postMessage(author: RestUser, channelId: string, text: string, parentId?: string): Promise<Message> {
  return call<Message>('POST', `/api/v1/channels/${channelId}/messages`, author.token, {
    clientMessageId: crypto.randomUUID(),
    body: { type: 'text', text },
    ...(parentId ? { parentId } : {}),
  });
}

/**
 * Posts `count` messages (`${prefix} 1` … `${prefix} count`) shared out among `authors`, who post in
 * parallel: with three or more authors each share stays within the server's per-user send burst.
 */
export async function postMany(authors: RestUser[], channelId: string, count: number, prefix: string): Promise<void> {
  await Promise.all(
    authors.map(async (author, a) => {
      for (let i = a + 1; i <= count; i += authors.length) await postMessage(author, channelId, `${prefix} ${i}`);
    }),
  );
}

/** Every top-level message of a channel holding exactly `text`, as the server has them. */
export async function messagesWithText(reader: RestUser, channelId: string, text: string): Promise<Message[]> {
  const page = await call<MessagePage>('GET', `/api/v1/channels/${channelId}/messages?limit=100`, reader.token);
  return page.items.filter((m) => m.body?.type === 'text' && m.body.text === text);
}
