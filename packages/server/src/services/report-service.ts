import type { Report, ReportPage } from '@confab/protocol';
import { ChatError } from '../errors.js';
import type { SharedRateLimit } from '../rate-limit.js';
import type { ChatRepository } from '../repository/repository.js';
import type { ReportStore } from '../repository/sql-reports.js';
import type { UploadService } from '../uploads/upload-service.js';
import { type Actor, requireScope } from './actor.js';
import type { ChannelService } from './channel-service.js';
import { canModerate } from './permissions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// A page of reports ends at a report; the next page starts after its id ("r" + id).
const reportCursor = (id: string): string => `r${id}`;

function decodeReportCursor(cursor: string): string {
  const id = cursor.slice(1);
  if (!cursor.startsWith('r') || !UUID.test(id)) {
    throw new ChatError('invalid_request', `"${cursor.slice(0, 40)}" is not a cursor from this list.`);
  }
  return id;
}

/** A channel the actor may not read hides what is in it (`not_found`), unless they are banned from it. */
const hidden =
  (detail: string) =>
  (error: unknown): never => {
    if (error instanceof ChatError && error.code === 'banned') throw error;
    throw new ChatError('not_found', detail);
  };

/**
 * Reports: any reader of a message in a public or private channel may report it to the channel's owners and
 * moderators (and the deployment's administrators), who list and resolve them. A direct channel has no one
 * to report to (`forbidden`): blocking is the answer there. Reports are not channel events: only those who
 * handle them learn who reported what.
 */
export class ReportService {
  constructor(
    private readonly store: ReportStore,
    private readonly repo: Pick<ChatRepository, 'getMessage'>,
    private readonly channels: Pick<ChannelService, 'readable'>,
    /** Reports and resolutions count as writes, per user. */
    private readonly writeLimiter: SharedRateLimit,
    /** Signs the links of the reported messages' uploads on the way out. */
    private readonly uploads: Pick<UploadService, 'linked'>,
  ) {}

  #linked = (report: Report): Report => ({ ...report, message: this.uploads.linked(report.message) });

  /**
   * Reports a message the actor may read: a new report (`created`), or their open report of it. A deleted
   * message is `conflict`; one's own message is `invalid_request`.
   */
  async report(actor: Actor, messageId: string, reason: string): Promise<{ report: Report; created: boolean }> {
    requireScope(actor, 'chat:write');
    await this.writeLimiter.spend(actor.user.id, 'Too many reports; slow down.');
    const message = await this.repo.getMessage(messageId);
    if (!message) throw new ChatError('not_found', 'No such message.');
    const channel = await this.channels.readable(actor, message.channelId).catch(hidden('No such message.'));
    if (channel.visibility === 'direct')
      throw new ChatError('forbidden', 'A direct channel has no moderators to report to; block the user instead.');
    if (message.deletedAt) throw new ChatError('conflict', 'A deleted message cannot be reported.');
    if (message.author.id === actor.user.id)
      throw new ChatError('invalid_request', 'You cannot report your own message.');
    const { report, created } = await this.store.open({
      channelId: message.channelId,
      messageId,
      reporterId: actor.user.id,
      reason: reason.trim(),
    });
    return { report: this.#linked(report), created };
  }

  /** A channel's open or resolved reports, newest first (owners, moderators and administrators). */
  async list(
    actor: Actor,
    channelId: string,
    status: 'open' | 'resolved',
    cursor: string | undefined,
    limit: number,
  ): Promise<ReportPage> {
    const view = await this.channels.readable(actor, channelId);
    if (!canModerate(actor, view)) throw new ChatError('forbidden', "Only the channel's moderators see its reports.");
    const beforeId = cursor === undefined ? undefined : decodeReportCursor(cursor);
    const rows = await this.store.page(channelId, status, beforeId, limit + 1);
    const items = rows.slice(0, limit);
    return {
      items: items.map(this.#linked),
      nextCursor: rows.length > limit && items.length > 0 ? reportCursor(items.at(-1)!.id) : null,
    };
  }

  /** Resolves an open report (its channel's owners, moderators and administrators); once only (`conflict`). */
  async resolve(actor: Actor, reportId: string, resolution: 'dismissed' | 'actioned'): Promise<Report> {
    requireScope(actor, 'chat:write');
    await this.writeLimiter.spend(actor.user.id, 'Too many changes; slow down.');
    const report = await this.store.get(reportId);
    if (!report) throw new ChatError('not_found', 'No such report.');
    const view = await this.channels.readable(actor, report.channelId).catch(hidden('No such report.'));
    if (!canModerate(actor, view)) throw new ChatError('forbidden', "Only the channel's moderators resolve reports.");
    if (report.status !== 'open') throw new ChatError('conflict', 'This report is already resolved.');
    const resolved = await this.store.resolve(reportId, resolution, actor.user.id);
    if (!resolved) throw new ChatError('conflict', 'This report is already resolved.');
    return this.#linked(resolved);
  }
}
