import { sql } from 'kysely';
import { newId } from '../ids.js';
import type { ChatRepository, UserRecord } from './repository.js';
import { type Db, now, toUser } from './sql-shared.js';

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  avatar_url: string | null;
  password_hash: string | null;
  external_id: string | null;
};

const toRecord = (row: UserRow): UserRecord => ({
  ...toUser(row),
  passwordHash: row.password_hash,
  externalId: row.external_id,
});

/** Users, refresh tokens and socket tickets. */
export function sqlUsers(db: Db) {
  const columns = ['id', 'username', 'display_name', 'avatar_url', 'password_hash', 'external_id'] as const;

  const findUserById = async (id: string) => {
    const row = await db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  };

  const createUser: ChatRepository['createUser'] = async (user) => {
    const row = {
      id: newId(),
      username: user.username,
      display_name: user.displayName,
      avatar_url: user.avatarUrl ?? null,
      password_hash: user.passwordHash,
      external_id: user.externalId ?? null,
      created_at: now(),
    };
    await db.insertInto('users').values(row).execute();
    return toRecord(row);
  };

  /** A free username near `wanted` for a host-app user (whose id, not username, is unique). */
  const freeUsername = async (wanted: string): Promise<string> => {
    const base = wanted.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 24) || 'user';
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      const taken = await db.selectFrom('users').select('id').where('username', '=', candidate).executeTakeFirst();
      if (!taken) return candidate;
    }
  };

  return {
    createUser,
    findUserById,
    async findUserByUsername(username: string) {
      const row = await db.selectFrom('users').select(columns).where('username', '=', username).executeTakeFirst();
      return row && toRecord(row);
    },
    async upsertExternalUser(externalId: string, displayName: string, avatarUrl?: string) {
      const existing = await db
        .selectFrom('users')
        .select(columns)
        .where('external_id', '=', externalId)
        .executeTakeFirst();
      if (existing) {
        const changed = {
          ...(existing.display_name === displayName ? {} : { display_name: displayName }),
          ...(avatarUrl === undefined || existing.avatar_url === avatarUrl ? {} : { avatar_url: avatarUrl }),
        };
        if (Object.keys(changed).length === 0) return toRecord(existing);
        await db.updateTable('users').set(changed).where('id', '=', existing.id).execute();
        return toRecord({ ...existing, ...changed });
      }
      try {
        return await createUser({
          username: await freeUsername(externalId),
          displayName,
          ...(avatarUrl === undefined ? {} : { avatarUrl }),
          passwordHash: null,
          externalId,
        });
      } catch (error) {
        // Two first requests of the same new user raced; the other one created it.
        const raced = await db
          .selectFrom('users')
          .select(columns)
          .where('external_id', '=', externalId)
          .executeTakeFirst();
        if (raced) return toRecord(raced);
        throw error;
      }
    },
    async updateUser(id: string, patch: { displayName?: string; avatarUrl?: string | null }) {
      const changed = {
        ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
        ...(patch.avatarUrl === undefined ? {} : { avatar_url: patch.avatarUrl }),
      };
      if (Object.keys(changed).length > 0) await db.updateTable('users').set(changed).where('id', '=', id).execute();
      return findUserById(id);
    },
    async searchUsers(prefix: string, limit: number) {
      const pattern = `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'avatar_url'])
        .where(sql<boolean>`username like ${pattern} escape '\\'`)
        .orderBy('username')
        .limit(limit)
        .execute();
      return rows.map(toUser);
    },
    async saveRefreshToken(tokenHash: string, userId: string, expiresAt: string) {
      await db
        .insertInto('refresh_tokens')
        .values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt })
        .execute();
    },
    async takeRefreshToken(tokenHash: string, at: string) {
      const row = await db
        .deleteFrom('refresh_tokens')
        .where('token_hash', '=', tokenHash)
        .returning(['user_id', 'expires_at'])
        .executeTakeFirst();
      return row && row.expires_at > at ? row.user_id : undefined;
    },
    async saveTicket(ticketHash: string, userId: string, scopes: string[], expiresAt: string) {
      await db.deleteFrom('ws_tickets').where('expires_at', '<', now()).execute();
      await db
        .insertInto('ws_tickets')
        .values({ ticket_hash: ticketHash, user_id: userId, scopes: scopes.join(' '), expires_at: expiresAt })
        .execute();
    },
    async takeTicket(ticketHash: string, at: string) {
      const row = await db
        .deleteFrom('ws_tickets')
        .where('ticket_hash', '=', ticketHash)
        .returning(['user_id', 'scopes', 'expires_at'])
        .executeTakeFirst();
      return row && row.expires_at > at ? { userId: row.user_id, scopes: row.scopes.split(' ') } : undefined;
    },
  } satisfies Partial<ChatRepository>;
}
