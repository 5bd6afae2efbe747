import { createHash } from 'node:crypto';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

/** The tables that hold chat data: what a refused request must leave exactly as it was. */
const CHAT_TABLES = ['users', 'channels', 'members', 'messages', 'reactions', 'events'];

/** A digest per table. */
export type Snapshot = Record<string, string>;

/**
 * Reads a running server's SQLite file (read-only, beside the server's own connection) and digests the
 * chat tables, so "nothing changed" is a comparison of a few hashes.
 */
export class DatabaseSnapshots {
  readonly #db: SQLite.Database;

  constructor(dataDir: string) {
    this.#db = new SQLite(join(dataDir, 'confab.sqlite'), { readonly: true, fileMustExist: true });
  }

  take(): Snapshot {
    const snapshot: Snapshot = {};
    for (const table of CHAT_TABLES) {
      const hash = createHash('sha256');
      for (const row of this.#db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).iterate()) {
        hash.update(JSON.stringify(row));
      }
      snapshot[table] = hash.digest('base64url');
    }
    return snapshot;
  }

  /** The tables whose content differs between two snapshots. */
  static changed(before: Snapshot, after: Snapshot): string[] {
    return Object.keys(before).filter((table) => before[table] !== after[table]);
  }

  close(): void {
    this.#db.close();
  }
}
