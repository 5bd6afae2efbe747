import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import { channelNameKey } from './channel-name-key.js';
import { moderationMigration } from './migration-0007-moderation.js';
import { searchPinsMigration } from './migration-0008-search-pins.js';
import { webhooksMigration } from './migration-0009-webhooks.js';
import { reportsBlocksMigration } from './migration-0010-reports-blocks.js';
import type { Database } from './schema.js';

/** One migration set for SQLite and PostgreSQL, written with the dialect-neutral schema builder. */
export const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('external_id', 'text', (c) => c.unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('refresh_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('ws_tickets')
        .addColumn('ticket_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('channels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('last_message_at', 'text')
        .addColumn('direct_key', 'text', (c) => c.unique())
        .execute();
      await db.schema
        .createTable('members')
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addColumn('last_read_seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('members_pk', ['channel_id', 'user_id'])
        .execute();
      await db.schema.createIndex('members_by_user').on('members').columns(['user_id']).execute();
      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('client_message_id', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text')
        .addColumn('body', 'text')
        .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_reply_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('edited_at', 'text')
        .addColumn('deleted_at', 'text')
        .addUniqueConstraint('messages_idempotency', ['channel_id', 'author_id', 'client_message_id'])
        .execute();
      await db.schema
        .createIndex('messages_by_thread')
        .on('messages')
        .columns(['channel_id', 'parent_id', 'seq'])
        .execute();
      await db.schema.createIndex('messages_by_parent').on('messages').columns(['parent_id', 'seq']).execute();
      await db.schema
        .createTable('reactions')
        .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('emoji', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reactions_pk', ['message_id', 'user_id', 'emoji'])
        .execute();
      await db.schema
        .createTable('events')
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('events_pk', ['channel_id', 'seq'])
        .execute();
    },
  },
  '0002_channel_name_keys': {
    // Public and private channel names are unique per visibility, ignoring case: `name_key` holds the
    // normalised name under a unique index (direct channels keep null, and nulls never collide). Names that
    // already collide are left as they are: the oldest channel holds the key, the others get null until
    // they are renamed, so the migration never fails on existing data.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('channels').addColumn('name_key', 'text').execute();
      const { rows } = await sql<{ id: string; name: string; visibility: string }>`
        select id, name, visibility from channels where visibility <> 'direct' order by created_at, id
      `.execute(db);
      const holders = new Map<string, { id: string; key: string }>();
      for (const row of rows) {
        const key = channelNameKey(row.name);
        const taken = `${row.visibility} ${key}`;
        if (!holders.has(taken)) holders.set(taken, { id: row.id, key });
      }
      for (const { id, key } of holders.values()) {
        await sql`update channels set name_key = ${key} where id = ${id}`.execute(db);
      }
      await db.schema
        .createIndex('channels_unique_name')
        .on('channels')
        .columns(['visibility', 'name_key'])
        .unique()
        .execute();
    },
  },
  '0003_user_avatars': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('avatar_url', 'text').execute();
    },
  },
  '0004_session_families': {
    // Each sign-in starts a session: a family of refresh tokens with an absolute end. A rotated token is
    // kept (`spent_at`) so that its reuse can revoke the family. `users.token_epoch` moves on when every
    // session of a user ends, which refuses access tokens of an older epoch. Tokens issued before this
    // migration become one-token families that end when the token would have expired.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('refresh_families')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('refresh_families_by_user').on('refresh_families').columns(['user_id']).execute();
      await db.schema.alterTable('refresh_tokens').addColumn('family_id', 'text').execute();
      await db.schema.alterTable('refresh_tokens').addColumn('spent_at', 'text').execute();
      await sql`
        insert into refresh_families (id, user_id, created_at, expires_at)
        select token_hash, user_id, ${new Date().toISOString()}, expires_at from refresh_tokens
      `.execute(db);
      await sql`update refresh_tokens set family_id = token_hash`.execute(db);
      await db.schema.createIndex('refresh_tokens_by_family').on('refresh_tokens').columns(['family_id']).execute();
      await db.schema
        .alterTable('users')
        .addColumn('token_epoch', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '0005_uploads': {
    // Uploads, and which message references which upload (in which channel): members of those channels may
    // fetch it; an upload no message references is swept after a while. Posts go with their message.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('uploads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('claimed_at', 'text')
        .execute();
      await db.schema.createIndex('uploads_by_created').on('uploads').columns(['created_at']).execute();
      await db.schema
        .createTable('upload_posts')
        .addColumn('upload_id', 'text', (c) => c.notNull().references('uploads.id').onDelete('cascade'))
        .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('upload_posts_pk', ['upload_id', 'message_id'])
        .execute();
      await db.schema.createIndex('upload_posts_by_message').on('upload_posts').columns(['message_id']).execute();
    },
  },
  '0006_mentions_previews': {
    // Mentions: the ids on the message (JSON) and `@channel`, plus one row per mentioned user so that a
    // channel's unread mentions are counted from an index. Link previews: the preview (JSON) and whether
    // the author removed it (then it is never fetched again).
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('messages')
        .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      await db.schema
        .alterTable('messages')
        .addColumn('mentions_channel', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('messages').addColumn('preview', 'text').execute();
      await db.schema
        .alterTable('messages')
        .addColumn('preview_removed', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('messages_channel_mentions')
        .on('messages')
        .columns(['channel_id', 'mentions_channel', 'seq'])
        .execute();
      await db.schema
        .createTable('mentions')
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('mentions_pk', ['message_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('mentions_by_user')
        .on('mentions')
        .columns(['user_id', 'channel_id', 'seq'])
        .execute();
    },
  },
  '0007_moderation': moderationMigration,
  '0008_search_pins': searchPinsMigration,
  '0009_webhooks': webhooksMigration,
  '0010_reports_blocks': reportsBlocksMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The PostgreSQL advisory lock key that serializes migrations across processes ("confab" in ASCII). */
const MIGRATION_LOCK = 0x636f6e666162;

/**
 * Brings the schema up to date. On PostgreSQL, processes starting at once take turns: each holds a
 * session advisory lock on one connection while it migrates on others, so the first one migrates and the
 * rest find nothing left to do. SQLite is one process's file (its writes are serialized anyway).
 */
export async function migrate(db: Kysely<Database>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return migrateToLatest(db);
  await db.connection().execute(async (locked) => {
    await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK)})`.execute(locked);
    try {
      await migrateToLatest(db);
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK)})`.execute(locked);
    }
  });
}

async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed`, { cause: error });
}

/** Answers whether the database takes a query. */
export async function databaseAnswers(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
