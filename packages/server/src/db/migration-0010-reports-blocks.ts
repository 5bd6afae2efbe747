import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Reports and blocks. A reporter has at most one open report per message (a partial unique index, so a
 * duplicate is refused by the database whatever the timing); a resolved one leaves room for a new one.
 * A block is a pair (who blocked, who is blocked); it is looked up both ways.
 */
export const reportsBlocksMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
      .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
      .addColumn('reporter_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('resolution', 'text')
      .addColumn('resolved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('resolved_at', 'text')
      .execute();
    await db.schema.createIndex('reports_by_channel').on('reports').columns(['channel_id', 'status', 'id']).execute();
    await db.schema.createIndex('reports_by_message').on('reports').columns(['message_id']).execute();
    await sql`create unique index reports_open_once on reports (message_id, reporter_id) where status = 'open'`.execute(
      db,
    );
    await db.schema
      .createTable('blocks')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('blocked_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('blocks_pk', ['user_id', 'blocked_id'])
      .execute();
    await db.schema.createIndex('blocks_by_blocked').on('blocks').columns(['blocked_id', 'user_id']).execute();
  },
};
