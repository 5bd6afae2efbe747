import type {
  AuditPage,
  Ban,
  BanPage,
  Channel,
  Member,
  Message,
  Report,
  ReportPage,
  Role,
  UpdateChannelRequest,
} from '@confab/protocol';
import { type ChatApi, unwrap } from './http.js';

/** What moderation needs from its room: where to send, and how to show a reply at once. */
export interface ModerationHost {
  readonly api: ChatApi;
  readonly channelId: string;
  /** Throws when the user signed out. */
  check(): void;
  /** The channel as changed. */
  channel(channel: Channel): void;
  /** A member as changed (`null`: no longer one). */
  member(userId: string, member: Member | null): void;
  /** A message as changed (pinned, unpinned). */
  message(message: Message): void;
}

/** A channel's settings, roles, mutes, bans, reports, audit log and pins, over REST. */
export class Moderation {
  constructor(private readonly host: ModerationHost) {}

  async update(patch: UpdateChannelRequest): Promise<Channel> {
    const { api, channelId } = this.#start();
    const channel = await unwrap(
      api.PATCH('/api/v1/channels/{channelId}', { params: { path: { channelId } }, body: patch }),
    );
    this.host.channel(channel);
    return channel;
  }

  async updateMember(userId: string, body: { role?: Role; mutedUntil?: string | null }): Promise<Member> {
    const { api, channelId } = this.#start();
    const params = { path: { channelId, memberId: userId } };
    const member = await unwrap(api.PATCH('/api/v1/channels/{channelId}/members/{memberId}', { params, body }));
    this.host.member(userId, member);
    return member;
  }

  async removeMember(userId: string): Promise<void> {
    const { api, channelId } = this.#start();
    const params = { path: { channelId, memberId: userId } };
    await unwrap(api.DELETE('/api/v1/channels/{channelId}/members/{memberId}', { params }));
    this.host.member(userId, null);
  }

  async ban(userId: string, body: { reason?: string; until?: string }): Promise<Ban> {
    const { api, channelId } = this.#start();
    const ban = await unwrap(
      api.PUT('/api/v1/channels/{channelId}/bans/{userId}', { params: { path: { channelId, userId } }, body }),
    );
    this.host.member(userId, null);
    return ban;
  }

  async unban(userId: string): Promise<void> {
    const { api, channelId } = this.#start();
    await unwrap(api.DELETE('/api/v1/channels/{channelId}/bans/{userId}', { params: { path: { channelId, userId } } }));
  }

  async bans(cursor?: string): Promise<BanPage> {
    const { api, channelId } = this.#start();
    const query = cursor ? { cursor } : {};
    return unwrap(api.GET('/api/v1/channels/{channelId}/bans', { params: { path: { channelId }, query } }));
  }

  async auditLog(cursor?: string): Promise<AuditPage> {
    const { api, channelId } = this.#start();
    const query = cursor ? { cursor } : {};
    return unwrap(api.GET('/api/v1/channels/{channelId}/audit', { params: { path: { channelId }, query } }));
  }

  async reports({ status, cursor }: { status?: 'open' | 'resolved'; cursor?: string } = {}): Promise<ReportPage> {
    const { api, channelId } = this.#start();
    const query = { ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) };
    return unwrap(api.GET('/api/v1/channels/{channelId}/reports', { params: { path: { channelId }, query } }));
  }

  async resolveReport(reportId: string, resolution: 'dismissed' | 'actioned'): Promise<Report> {
    const { api } = this.#start();
    return unwrap(api.PATCH('/api/v1/reports/{reportId}', { params: { path: { reportId } }, body: { resolution } }));
  }

  async report(messageId: string, reason: string): Promise<Report> {
    const { api } = this.#start();
    return unwrap(
      api.POST('/api/v1/messages/{messageId}/reports', { params: { path: { messageId } }, body: { reason } }),
    );
  }

  async pin(messageId: string, pinned: boolean): Promise<Message> {
    const { api } = this.#start();
    const params = { params: { path: { messageId } } };
    const message = await unwrap(
      pinned
        ? api.PUT('/api/v1/messages/{messageId}/pin', params)
        : api.DELETE('/api/v1/messages/{messageId}/pin', params),
    );
    this.host.message(message);
    return message;
  }

  #start(): ModerationHost {
    this.host.check();
    return this.host;
  }
}
