import type { Report } from '@confab/protocol';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';
import { appendAudit } from './sql-audit.js';
import { type Db, loadMessages, now, toUser } from './sql-shared.js';

type ReportRow = Selectable<Database['reports']> & {
  reporter_username: string;
  reporter_display_name: string;
  reporter_avatar_url: string | null;
  resolver_username: string | null;
  resolver_display_name: string | null;
  resolver_avatar_url: string | null;
};

/** Reports of messages to their channel's moderators. */
export function sqlReports(db: Db) {
  const select = (trx: Db) =>
    trx
      .selectFrom('reports as r')
      .innerJoin('users as rp', 'rp.id', 'r.reporter_id')
      .leftJoin('users as rs', 'rs.id', 'r.resolved_by')
      .selectAll('r')
      .select([
        'rp.username as reporter_username',
        'rp.display_name as reporter_display_name',
        'rp.avatar_url as reporter_avatar_url',
        'rs.username as resolver_username',
        'rs.display_name as resolver_display_name',
        'rs.avatar_url as resolver_avatar_url',
      ]);

  const toReports = async (trx: Db, rows: ReportRow[]): Promise<Report[]> => {
    const messages = new Map(
      (await loadMessages(trx, [...new Set(rows.map((r) => r.message_id))])).map((m) => [m.id, m]),
    );
    return rows.flatMap((row) => {
      const message = messages.get(row.message_id);
      if (!message) return [];
      return [
        {
          id: row.id,
          channelId: row.channel_id,
          message,
          reporter: toUser({
            id: row.reporter_id,
            username: row.reporter_username,
            display_name: row.reporter_display_name,
            avatar_url: row.reporter_avatar_url,
          }),
          reason: row.reason,
          createdAt: row.created_at,
          status: row.status,
          resolution: row.resolution,
          resolvedBy:
            row.resolved_by && row.resolver_username !== null
              ? toUser({
                  id: row.resolved_by,
                  username: row.resolver_username,
                  display_name: row.resolver_display_name ?? row.resolver_username,
                  avatar_url: row.resolver_avatar_url,
                })
              : null,
          resolvedAt: row.resolved_at,
        },
      ];
    });
  };

  const byId = async (trx: Db, id: string): Promise<Report | undefined> =>
    (await toReports(trx, await select(trx).where('r.id', '=', id).execute()))[0];

  const openOne = async (messageId: string, reporterId: string): Promise<Report | undefined> => {
    const rows = await select(db)
      .where('r.message_id', '=', messageId)
      .where('r.reporter_id', '=', reporterId)
      .where('r.status', '=', 'open')
      .execute();
    return (await toReports(db, rows))[0];
  };

  return {
    /**
     * Files a report, or answers the reporter's open report of the message (`created: false`). The unique
     * index on open reports settles concurrent duplicates: the loser finds the winner's report.
     */
    async open(input: {
      channelId: string;
      messageId: string;
      reporterId: string;
      reason: string;
    }): Promise<{ report: Report; created: boolean }> {
      for (let attempt = 1; ; attempt++) {
        const existing = await openOne(input.messageId, input.reporterId);
        if (existing) return { report: existing, created: false };
        const id = newId();
        try {
          await db
            .insertInto('reports')
            .values({
              id,
              channel_id: input.channelId,
              message_id: input.messageId,
              reporter_id: input.reporterId,
              reason: input.reason,
              created_at: now(),
              status: 'open',
              resolution: null,
              resolved_by: null,
              resolved_at: null,
            })
            .execute();
          return { report: (await byId(db, id))!, created: true };
        } catch (error) {
          // A concurrent duplicate won (its report is found next time round), unless something else failed.
          if (attempt === 2) throw error;
        }
      }
    },
    get: (id: string) => byId(db, id),
    /** A channel's reports with `status`, newest first, older than the report `beforeId` when given. */
    async page(
      channelId: string,
      status: 'open' | 'resolved',
      beforeId: string | undefined,
      limit: number,
    ): Promise<Report[]> {
      let query = select(db).where('r.channel_id', '=', channelId).where('r.status', '=', status);
      if (beforeId !== undefined) query = query.where('r.id', '<', beforeId);
      return toReports(db, await query.orderBy('r.id', 'desc').limit(limit).execute());
    },
    /**
     * Resolves an open report and records `report.resolved` in the channel's audit log, in one transaction.
     * Undefined when the report is not open (any more): someone resolved it first.
     */
    async resolve(id: string, resolution: 'dismissed' | 'actioned', resolverId: string): Promise<Report | undefined> {
      return db.transaction().execute(async (trx) => {
        const changed = await trx
          .updateTable('reports')
          .set({ status: 'resolved', resolution, resolved_by: resolverId, resolved_at: now() })
          .where('id', '=', id)
          .where('status', '=', 'open')
          .returning(['channel_id', 'message_id'])
          .executeTakeFirst();
        if (!changed) return undefined;
        const author = await trx
          .selectFrom('messages')
          .select('author_id')
          .where('id', '=', changed.message_id)
          .executeTakeFirst();
        await appendAudit(trx, {
          channelId: changed.channel_id,
          action: 'report.resolved',
          actorId: resolverId,
          targetId: author?.author_id ?? null,
          messageId: changed.message_id,
          details: { resolution },
        });
        return byId(trx, id);
      });
    },
  };
}

/** Report storage, as the report service uses it. */
export type ReportStore = ReturnType<typeof sqlReports>;
