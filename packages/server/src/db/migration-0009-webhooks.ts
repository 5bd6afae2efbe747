import type { Kysely, Migration } from 'kysely';

/**
 * The webhook outbox (see `webhooks/outbox.ts`): one row per committed event per endpoint until the endpoint
 * took it. No foreign key to the channel: what a channel owed the host app is still delivered after it is
 * deleted.
 */
export const webhooksMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('webhook_outbox')
      .addColumn('endpoint', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_at', 'text', (c) => c.notNull())
      .addColumn('leased_by', 'text')
      .addColumn('lease_until', 'text')
      .addPrimaryKeyConstraint('webhook_outbox_pk', ['endpoint', 'channel_id', 'seq'])
      .execute();
  },
};
