import type { Kysely, Migration } from 'kysely';

/**
 * Roles and moderation: channel settings (read-only, archived, members may pin), a member's mute, who
 * deleted a message, bans (in force while `until` is null or later than now) and the audit log.
 */
export const moderationMigration: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of ['read_only', 'archived', 'members_can_pin']) {
      await db.schema
        .alterTable('channels')
        .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    }
    await db.schema.alterTable('members').addColumn('muted_until', 'text').execute();
    await db.schema.alterTable('messages').addColumn('deleted_by', 'text').execute();
    await db.schema
      .createTable('bans')
      .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('reason', 'text')
      .addColumn('until', 'text')
      .addColumn('banned_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('bans_pk', ['channel_id', 'user_id'])
      .execute();
    await db.schema.createIndex('bans_by_created').on('bans').columns(['channel_id', 'created_at']).execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text')
      .addColumn('message_id', 'text')
      .addColumn('reason', 'text')
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_by_channel').on('audit_log').columns(['channel_id', 'id']).execute();
  },
};
