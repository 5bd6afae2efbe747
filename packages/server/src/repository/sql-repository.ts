import type { DatabaseHandle } from '../db/connect.js';
import { databaseAnswers, migrate } from '../db/migrations.js';
import type { ChatRepository } from './repository.js';
import { sqlBlocks } from './sql-blocks.js';
import { sqlChannels } from './sql-channels.js';
import { sqlMessages } from './sql-messages.js';
import { sqlModeration } from './sql-moderation.js';
import { sqlUsers } from './sql-users.js';

/** The repository on SQLite or PostgreSQL: one query layer (Kysely) for both dialects. */
export async function createSqlRepository(handle: DatabaseHandle): Promise<ChatRepository> {
  await migrate(handle.db);
  const { db } = handle;
  return {
    ...sqlUsers(db),
    ...sqlChannels(db),
    ...sqlMessages(db),
    ...sqlModeration(db),
    ...sqlBlocks(db),
    ping: () => databaseAnswers(db),
    close: () => db.destroy(),
  };
}
