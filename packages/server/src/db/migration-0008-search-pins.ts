import type { MessageBody } from '@confab/protocol';
import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';
import { indexText } from '../search/words.js';

/** How many messages the backfill reads and indexes per statement. */
const BACKFILL_BATCH = 500;

/**
 * Pins, and the search index. `messages.pinned_at`/`pinned_by` (a partial index lists a channel's pins).
 * `message_search` holds one row per message that is not deleted: its words as `indexText` makes them
 * (the same on both databases), written in the transaction that stores, edits or deletes the message.
 * On SQLite an FTS5 table indexes that text (external content, kept current by triggers); its rowid `doc`
 * grows with every message stored, so newest-first is a descending rowid scan that stops at the page
 * size. On PostgreSQL a generated `tsvector` of the same words at their positions, under a GIN index
 * (a lexeme keeps at most 256 positions there, as with `to_tsvector`). Existing messages are indexed
 * here, oldest first.
 */
export const searchPinsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema.alterTable('messages').addColumn('pinned_at', 'text').execute();
    await db.schema.alterTable('messages').addColumn('pinned_by', 'text').execute();
    await db.schema
      .createIndex('messages_pinned')
      .on('messages')
      .columns(['channel_id', 'pinned_at'])
      .where(sql.ref('pinned_at'), 'is not', null)
      .execute();
    if (postgres) {
      // The words are already as search wants them: each becomes a lexeme at its position as it is
      // (`to_tsvector` would parse them again, and split some, e.g. `5e5e5` into `5e5` and `e5`).
      await sql`
        create function confab_search_vector(words text) returns tsvector
        language sql immutable strict parallel safe as $$
          select coalesce(string_agg('''' || w || ''':' || least(p, 16383), ' ')::tsvector, ''::tsvector)
          from unnest(string_to_array(words, ' ')) with ordinality as t(w, p) where w <> ''
        $$
      `.execute(db);
      await sql`
        create table message_search (
          message_id text primary key references messages (id) on delete cascade,
          channel_id text not null,
          text text not null,
          vector tsvector generated always as (confab_search_vector(text)) stored
        )
      `.execute(db);
      await sql`create index message_search_vector on message_search using gin (vector)`.execute(db);
      await sql`create index message_search_by_channel on message_search (channel_id, message_id)`.execute(db);
    } else {
      await sql`
        create table message_search (
          doc integer primary key,
          message_id text not null unique references messages (id) on delete cascade,
          channel_id text not null,
          text text not null
        )
      `.execute(db);
      await sql`
        create virtual table message_search_fts using fts5(
          text, content='message_search', content_rowid='doc', tokenize='unicode61 remove_diacritics 2'
        )
      `.execute(db);
      await sql`
        create trigger message_search_inserted after insert on message_search begin
          insert into message_search_fts (rowid, text) values (new.doc, new.text);
        end
      `.execute(db);
      await sql`
        create trigger message_search_deleted after delete on message_search begin
          insert into message_search_fts (message_search_fts, rowid, text) values ('delete', old.doc, old.text);
        end
      `.execute(db);
      await sql`
        create trigger message_search_updated after update of text on message_search begin
          insert into message_search_fts (message_search_fts, rowid, text) values ('delete', old.doc, old.text);
          insert into message_search_fts (rowid, text) values (new.doc, new.text);
        end
      `.execute(db);
    }
    let after = '';
    for (;;) {
      const { rows } = await sql<{ id: string; channel_id: string; body: string | null }>`
        select id, channel_id, body from messages where deleted_at is null and id > ${after} order by id limit ${BACKFILL_BATCH}
      `.execute(db);
      if (rows.length === 0) break;
      await sql`insert into message_search (message_id, channel_id, text) values ${sql.join(
        rows.map(
          (row) =>
            sql`(${row.id}, ${row.channel_id}, ${indexText(row.body === null ? null : (JSON.parse(row.body) as MessageBody))})`,
        ),
      )}`.execute(db);
      after = rows.at(-1)!.id;
    }
  },
};
