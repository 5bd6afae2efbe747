import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type {
  AuthSession,
  Channel,
  Member,
  Message,
  MessageBody,
  MessagePage,
  Problem,
  User,
  WsTicket,
} from '@confab/protocol';
import { expectStatus, fail } from './assert.js';
import type { HttpRecorder } from './http-recorder.js';

/** A registered built-in user with a live session. */
export interface KitUser extends User {
  password: string;
  token: string;
  refreshToken: string;
}

/** A fresh `clientMessageId`. */
export const newClientId = (): string => randomUUID();

/** A username no other check uses. */
export const uniqueUsername = (): string => `cf_${randomBytes(5).toString('hex')}`;

/** Waits at most this long in all for a rate-limited registration. */
const REGISTER_PATIENCE_MS = 30_000;

/** Users, channels and messages for checks: unique names, created through the contract's own endpoints. */
export class Fixtures {
  constructor(readonly http: HttpRecorder) {}

  /** Registers a fresh user; a 429 is waited out as its `retryAfter` says. */
  async user(displayName?: string): Promise<KitUser> {
    const username = uniqueUsername();
    const password = `pw-${randomUUID()}`;
    const request = { username, password, ...(displayName ? { displayName } : {}) };
    const deadline = Date.now() + REGISTER_PATIENCE_MS;
    for (;;) {
      const reply = await this.http.post<AuthSession & Problem>('/api/v1/auth/register', undefined, request);
      if (reply.status === 429 && Date.now() < deadline) {
        const seconds = Number(reply.headers.get('retry-after') ?? reply.body.retryAfter ?? 1);
        await delay(Math.min(Math.max(seconds, 1), 10) * 1000);
        continue;
      }
      const session = expectStatus(reply, 201, 'registering a user');
      return { ...session.user, password, token: session.accessToken, refreshToken: session.refreshToken };
    }
  }

  /** Registers `count` users, one after the other. */
  async users(count: number): Promise<KitUser[]> {
    const users: KitUser[] = [];
    for (let i = 0; i < count; i++) users.push(await this.user());
    return users;
  }

  /** Creates a channel owned by `owner` (public unless said otherwise), inviting `memberIds`. */
  async channel(
    owner: KitUser,
    visibility: 'public' | 'private' = 'public',
    memberIds: string[] = [],
  ): Promise<Channel> {
    const name = `kit-${randomBytes(4).toString('hex')}`;
    const body = { name, visibility, ...(memberIds.length ? { memberIds } : {}) };
    return expectStatus(
      await this.http.post<Channel>('/api/v1/channels', owner.token, body),
      201,
      'creating a channel',
    );
  }

  /** Joins a public channel. */
  async join(user: KitUser, channelId: string): Promise<Member> {
    const reply = await this.http.put<Member>(`/api/v1/channels/${channelId}/members/me`, user.token);
    return expectStatus(reply, 201, 'joining a channel');
  }

  /** Posts a message over REST (text when `body` is a string) and returns the stored message. */
  async post(user: KitUser, channelId: string, body: MessageBody | string, parentId?: string): Promise<Message> {
    const content: MessageBody = typeof body === 'string' ? { type: 'text', text: body } : body;
    const request = { clientMessageId: newClientId(), body: content, ...(parentId ? { parentId } : {}) };
    const reply = await this.http.post<Message>(`/api/v1/channels/${channelId}/messages`, user.token, request);
    return expectStatus(reply, 201, 'posting a message');
  }

  /** Every top-level message of a channel, oldest first, walking `before` from the newest page. */
  async history(user: KitUser, channelId: string): Promise<Message[]> {
    const pages: Message[][] = [];
    let query = '?limit=100';
    for (let i = 0; i < 1000; i++) {
      const reply = await this.http.get<MessagePage>(`/api/v1/channels/${channelId}/messages${query}`, user.token);
      const page = expectStatus(reply, 200, 'reading the history');
      pages.unshift(page.items);
      if (page.prevCursor === null) return pages.flat();
      query = `?limit=100&before=${page.prevCursor}`;
    }
    return fail('walking the history with before never reached its start');
  }

  /** A socket ticket for `token`. */
  async ticket(token: string): Promise<string> {
    return expectStatus(await this.http.post<WsTicket>('/api/v1/auth/ws-ticket', token), 200, 'getting a ticket')
      .ticket;
  }
}
