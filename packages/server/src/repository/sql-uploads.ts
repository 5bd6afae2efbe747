import type { Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Db } from './sql-shared.js';

/** An upload as stored. */
export type UploadRecord = Selectable<Database['uploads']>;

/** Uploads and the messages that reference them. */
export interface UploadRepository {
  insertUpload(upload: Omit<UploadRecord, 'claimed_at'>): Promise<void>;
  getUpload(id: string): Promise<UploadRecord | undefined>;
  /**
   * Marks the owner's upload as about to be referenced by a message, so the sweep spares it; undefined when
   * the owner has no such upload (another user's, or swept).
   */
  claimUpload(id: string, ownerId: string, at: string): Promise<UploadRecord | undefined>;
  /**
   * Whether a message that `userId` may read (in a public channel, or one they are a member of; for an
   * administrator, any but a direct one) references the upload.
   */
  postedToReader(uploadId: string, userId: string, admin?: boolean): Promise<boolean>;
  /** Makes `uploadId` (or nothing) the upload that message `messageId` references. */
  setPost(messageId: string, channelId: string, uploadId: string | undefined): Promise<void>;
  /**
   * Deletes up to `limit` uploads created before `before`, not claimed since, that no message references;
   * answers their ids. Safe to run on many processes at once: each row is deleted, and answered, once.
   */
  deleteUnreferenced(before: string, limit: number): Promise<string[]>;
}

/** The upload repository on SQLite or PostgreSQL. */
export function sqlUploads(db: Db): UploadRepository {
  return {
    async insertUpload(upload) {
      await db
        .insertInto('uploads')
        .values({ ...upload, claimed_at: null })
        .execute();
    },
    async getUpload(id) {
      return db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async claimUpload(id, ownerId, at) {
      return db
        .updateTable('uploads')
        .set({ claimed_at: at })
        .where('id', '=', id)
        .where('owner_id', '=', ownerId)
        .returningAll()
        .executeTakeFirst();
    },
    async postedToReader(uploadId, userId, admin = false) {
      const row = await db
        .selectFrom('upload_posts')
        .innerJoin('channels', 'channels.id', 'upload_posts.channel_id')
        .select('upload_posts.upload_id')
        .where('upload_posts.upload_id', '=', uploadId)
        .where((w) =>
          w.or([
            ...(admin ? [w('channels.visibility', '!=', 'direct')] : []),
            w.and([
              w('channels.visibility', '=', 'public'),
              w.not(
                w.exists(
                  w
                    .selectFrom('bans')
                    .select('bans.user_id')
                    .whereRef('bans.channel_id', '=', 'upload_posts.channel_id')
                    .where('bans.user_id', '=', userId)
                    .where((b) => b.or([b('bans.until', 'is', null), b('bans.until', '>', new Date().toISOString())])),
                ),
              ),
            ]),
            w.exists(
              w
                .selectFrom('members')
                .select('members.user_id')
                .whereRef('members.channel_id', '=', 'upload_posts.channel_id')
                .where('members.user_id', '=', userId),
            ),
          ]),
        )
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    async setPost(messageId, channelId, uploadId) {
      await db.transaction().execute(async (trx) => {
        let stale = trx.deleteFrom('upload_posts').where('message_id', '=', messageId);
        if (uploadId) stale = stale.where('upload_id', '<>', uploadId);
        await stale.execute();
        if (!uploadId) return;
        await trx
          .insertInto('upload_posts')
          .values({ upload_id: uploadId, message_id: messageId, channel_id: channelId })
          .onConflict((oc) => oc.columns(['upload_id', 'message_id']).doNothing())
          .execute();
      });
    },
    async deleteUnreferenced(before, limit) {
      const rows = await db
        .deleteFrom('uploads')
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('uploads as candidate')
            .select('candidate.id')
            .where('candidate.created_at', '<', before)
            .where((w) => w.or([w('candidate.claimed_at', 'is', null), w('candidate.claimed_at', '<', before)]))
            .where((w) =>
              w.not(
                w.exists(
                  w
                    .selectFrom('upload_posts')
                    .select('upload_posts.upload_id')
                    .whereRef('upload_posts.upload_id', '=', 'candidate.id'),
                ),
              ),
            )
            .limit(limit),
        )
        .where('created_at', '<', before)
        .where((w) => w.or([w('claimed_at', 'is', null), w('claimed_at', '<', before)]))
        .where((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('upload_posts')
                .select('upload_posts.upload_id')
                .whereRef('upload_posts.upload_id', '=', 'uploads.id'),
            ),
          ),
        )
        .returning('id')
        .execute();
      return rows.map((row) => row.id);
    },
  };
}
