import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

/** The database a server talks to, and how it names itself in logs. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** Where the data lives, with any password removed. */
  location: string;
}

// PostgreSQL returns bigint columns as strings by default; our sequence numbers fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens PostgreSQL when `databaseUrl` is set, otherwise SQLite (WAL) in `dataDir`. */
export function openDatabase(options: { databaseUrl: string | undefined; dataDir: string }): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection that PostgreSQL ends (restart, failover, idle timeout) is dropped by the pool and
    // replaced on the next query; unheard, its 'error' event would crash the process.
    pool.on('error', () => {});
    const location = options.databaseUrl.replace(/\/\/[^@/]*@/, '//');
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', location };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'confab.sqlite');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) }),
    dialect: 'sqlite',
    location: file,
  };
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small one. This keeps prepared
 * statements by SQL text (forgetting them all past `keep`, as texts with `in (…)` lists vary). Safe because
 * the dialect runs one query at a time on its connection.
 */
function reusingStatements(sqlite: SQLite.Database, keep = 1000): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) return statement;
      if (statements.size >= keep) statements.clear();
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      return statement;
    },
  };
}
