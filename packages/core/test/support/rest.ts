import type { AuthSession, Channel, ChannelPage, Message, MessagePage, User } from '@confab/protocol';

/** A user made over REST, with a bearer token for checking what the server holds. */
export interface RestUser {
  user: User;
  username: string;
  password: string;
  token: string;
}

let counter = 0;

/** A fresh username (the server lower-cases names; these are lower-case already). */
export const uniqueName = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function call<T>(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
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

/** Registers a built-in account. */
export async function registerUser(baseUrl: string, prefix = 'user'): Promise<RestUser> {
  const username = uniqueName(prefix);
  const password = 'correct-horse-battery';
  const session = await call<AuthSession>(baseUrl, 'POST', '/api/v1/auth/register', undefined, { username, password });
  return { user: session.user, username, password, token: session.accessToken };
}

/** Creates a public channel owned by `owner`, with `members` joined. */
export async function createChannel(baseUrl: string, owner: RestUser, members: RestUser[] = []): Promise<Channel> {
  const channel = await call<Channel>(baseUrl, 'POST', '/api/v1/channels', owner.token, {
    name: uniqueName('room'),
    visibility: 'public',
  });
  for (const member of members) await joinChannel(baseUrl, member, channel.id);
  return channel;
}

/** Joins a public channel. */
export async function joinChannel(baseUrl: string, user: RestUser, channelId: string): Promise<void> {
  await call(baseUrl, 'PUT', `/api/v1/channels/${channelId}/members/me`, user.token);
}

/** Posts a text message (a reply with `parentId`); the same `clientMessageId` never stores twice. */
export function postMessage(
  baseUrl: string,
  user: RestUser,
  channelId: string,
  text: string,
  options: { parentId?: string; clientMessageId?: string } = {},
): Promise<Message> {
  return call<Message>(baseUrl, 'POST', `/api/v1/channels/${channelId}/messages`, user.token, {
    clientMessageId: options.clientMessageId ?? crypto.randomUUID(),
    body: { type: 'text', text },
    ...(options.parentId ? { parentId: options.parentId } : {}),
  });
}

/** Replaces a message's text (the author only). */
export function editMessage(baseUrl: string, user: RestUser, messageId: string, text: string): Promise<Message> {
  return call<Message>(baseUrl, 'PATCH', `/api/v1/messages/${messageId}`, user.token, { body: { type: 'text', text } });
}

/** Posts `count` messages one after another; the texts are `${prefix} 1` … `${prefix} count`. */
export async function postMany(
  baseUrl: string,
  user: RestUser,
  channelId: string,
  count: number,
  prefix = 'message',
): Promise<Message[]> {
  const posted: Message[] = [];
  for (let i = 1; i <= count; i++) posted.push(await postMessage(baseUrl, user, channelId, `${prefix} ${i}`));
  return posted;
}

/** One page of a channel's top-level messages. */
export function listMessages(
  baseUrl: string,
  user: RestUser,
  channelId: string,
  query: Record<string, string | number> = {},
): Promise<MessagePage> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return call<MessagePage>(
    baseUrl,
    'GET',
    `/api/v1/channels/${channelId}/messages${search ? `?${search}` : ''}`,
    user.token,
  );
}

/** Every top-level message of a channel, ascending by `seq`, walked page by page from the newest. */
export async function fullHistory(baseUrl: string, user: RestUser, channelId: string): Promise<Message[]> {
  const pages: Message[][] = [];
  let page = await listMessages(baseUrl, user, channelId, { limit: 100 });
  pages.unshift(page.items);
  while (page.prevCursor !== null) {
    page = await listMessages(baseUrl, user, channelId, { limit: 100, before: page.prevCursor });
    pages.unshift(page.items);
  }
  return pages.flat();
}

/** Every reply in a thread, ascending. */
export async function threadReplies(baseUrl: string, user: RestUser, parentId: string): Promise<Message[]> {
  const pages: Message[][] = [];
  let page = await call<MessagePage>(baseUrl, 'GET', `/api/v1/messages/${parentId}/replies?limit=100`, user.token);
  pages.unshift(page.items);
  while (page.prevCursor !== null) {
    const path = `/api/v1/messages/${parentId}/replies?limit=100&before=${page.prevCursor}`;
    page = await call<MessagePage>(baseUrl, 'GET', path, user.token);
    pages.unshift(page.items);
  }
  return pages.flat();
}

/** The channels `user` has joined, as the server reports them (with `unreadCount`). */
export async function joinedChannels(baseUrl: string, user: RestUser): Promise<Channel[]> {
  return (await call<ChannelPage>(baseUrl, 'GET', '/api/v1/channels?scope=joined&limit=100', user.token)).items;
}
