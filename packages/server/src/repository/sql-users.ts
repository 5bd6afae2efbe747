import { sql } from 'kysely';
import { newId } from '../ids.js';
import type { ChatRepository, SpentRefreshToken, UserRecord } from './repository.js';
import { type Db, now, toUser } from './sql-shared.js';

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  avatar_url: string | null;
  password_hash: string | null;
  external_id: string | null;
  token_epoch: number;
};

const toRecord = (row: UserRow): UserRecord => ({
  ...toUser(row),
  passwordHash: row.password_hash,
  externalId: row.external_id,
  tokenEpoch: Number(row.token_epoch),
});

/** Users, sessions (refresh-token families) and socket tickets. */
export function sqlUsers(db: Db) {
  const columns = [
    'id',
    'username',
    'display_name',
    'avatar_url',
    'password_hash',
    'external_id',
    'token_epoch',
  ] as const;

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
      token_epoch: 0,
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
    async startSession(input: { userId: string; tokenHash: string; tokenExpiresAt: string; sessionExpiresAt: string }) {
      const at = now();
      await db.transaction().execute(async (trx) => {
        const ended = trx
          .selectFrom('refresh_families')
          .select('id')
          .where('user_id', '=', input.userId)
          .where((eb) => eb.or([eb('revoked_at', 'is not', null), eb('expires_at', '<=', at)]));
        await trx.deleteFrom('refresh_tokens').where('family_id', 'in', ended).execute();
        await trx.deleteFrom('refresh_families').where('id', 'in', ended).execute();
        const familyId = newId();
        await trx
          .insertInto('refresh_families')
          .values({ id: familyId, user_id: input.userId, created_at: at, expires_at: input.sessionExpiresAt })
          .execute();
        await trx
          .insertInto('refresh_tokens')
          .values({
            token_hash: input.tokenHash,
            user_id: input.userId,
            family_id: familyId,
            expires_at: input.tokenExpiresAt,
            spent_at: null,
          })
          .execute();
      });
    },
    async saveRefreshToken(tokenHash: string, userId: string, familyId: string, expiresAt: string) {
      await db
        .insertInto('refresh_tokens')
        .values({ token_hash: tokenHash, user_id: userId, family_id: familyId, expires_at: expiresAt, spent_at: null })
        .execute();
    },
    takeRefreshToken(tokenHash: string, at: string) {
      return db.transaction().execute(async (trx): Promise<SpentRefreshToken | undefined> => {
        const row = await trx
          .selectFrom('refresh_tokens')
          .innerJoin('refresh_families', 'refresh_families.id', 'refresh_tokens.family_id')
          .select([
            'refresh_tokens.user_id',
            'refresh_tokens.family_id',
            'refresh_tokens.expires_at',
            'refresh_tokens.spent_at',
            'refresh_families.expires_at as session_expires_at',
            'refresh_families.revoked_at',
          ])
          .where('refresh_tokens.token_hash', '=', tokenHash)
          .executeTakeFirst();
        if (!row || row.revoked_at !== null) return undefined;
        const revokeFamily = () =>
          trx.updateTable('refresh_families').set({ revoked_at: at }).where('id', '=', row.family_id).execute();
        if (row.spent_at !== null) {
          await revokeFamily();
          return undefined;
        }
        if (row.expires_at <= at || row.session_expires_at <= at) return undefined;
        const spent = await trx
          .updateTable('refresh_tokens')
          .set({ spent_at: at })
          .where('token_hash', '=', tokenHash)
          .where('spent_at', 'is', null)
          .executeTakeFirst();
        if (Number(spent.numUpdatedRows) !== 1) {
          await revokeFamily(); // spent concurrently: a reuse all the same
          return undefined;
        }
        return { userId: row.user_id, familyId: row.family_id, sessionExpiresAt: row.session_expires_at };
      });
    },
    async endSession(tokenHash: string, at: string) {
      const family = db.selectFrom('refresh_tokens').select('family_id').where('token_hash', '=', tokenHash);
      await db
        .updateTable('refresh_families')
        .set({ revoked_at: at })
        .where('id', 'in', family)
        .where('revoked_at', 'is', null)
        .execute();
    },
    endAllSessions(userId: string, at: string, passwordHash?: string) {
      return db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set((eb) => ({
            token_epoch: eb('token_epoch', '+', 1),
            ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
          }))
          .where('id', '=', userId)
          .execute();
        await trx
          .updateTable('refresh_families')
          .set({ revoked_at: at })
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .execute();
        await trx.deleteFrom('ws_tickets').where('user_id', '=', userId).execute();
        const row = await trx.selectFrom('users').select(columns).where('id', '=', userId).executeTakeFirst();
        return row && toRecord(row);
      });
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
