// Membership changes that check first, then write, hold the channel's row lock across both (PostgreSQL): a join
// that meets a ban being committed waits for it and is refused; an owner stepping down while the other owner
// does waits, and is the last owner. A second connection plays the other side with an open transaction, and
// the test sees the repository wait on its lock before it commits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../src/db/connect.js';
import { createSqlRepository } from '../src/repository/sql-repository.js';
import { adminUrl, postgresReachable, testDatabase } from './support/postgres.js';

const reachable = await postgresReachable();

/** Resolves once some statement on `client`'s database waits for a lock; fails when `settled` comes first. */
async function waitsForLock(client: pg.Client, settled: () => boolean): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_locks where not granted');
    if (rows[0]!.n > 0) return;
    assert.equal(settled(), false, 'the change went ahead without waiting for the open transaction');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.fail('nothing waited for the lock');
}

test('a join waits for a ban being committed and is refused; the last owner stays', {
  skip: !reachable && `PostgreSQL is not reachable at ${adminUrl}`,
}, async (t) => {
  const { url } = await testDatabase(t);
  const handle = openDatabase({ databaseUrl: url, dataDir: '' });
  t.after(() => handle.db.destroy());
  const repo = await createSqlRepository(handle);
  const other = new pg.Client({ connectionString: url });
  other.on('error', () => {}); // the database is dropped after the test, with its connections
  await other.connect();
  t.after(() => other.end());

  const [owner, coOwner, joiner] = await Promise.all(
    ['owner', 'co_owner', 'joiner'].map((username) =>
      repo.createUser({ username, displayName: username, passwordHash: null }),
    ),
  );
  const channel = await repo.createChannel({
    name: 'hall',
    visibility: 'public',
    topic: '',
    createdBy: owner!.id,
    memberIds: [coOwner!.id],
    directKey: null,
  });

  // A ban of the joiner, committed only after the join has started.
  await other.query('begin');
  await other.query('update channels set last_seq = last_seq where id = $1', [channel.id]);
  await other.query(
    'insert into bans (channel_id, user_id, reason, until, banned_by, created_at) values ($1, $2, null, null, $3, $4)',
    [channel.id, joiner!.id, owner!.id, new Date().toISOString()],
  );
  let joined: unknown;
  const joining = repo.addMember(channel.id, joiner!.id, 'member').then((result) => (joined = result));
  await waitsForLock(other, () => joined !== undefined);
  await other.query('commit');
  assert.equal(await joining, 'banned');
  assert.equal(await repo.getMember(channel.id, joiner!.id), undefined);

  // Two owners step down at once: the second to get the lock is the last owner.
  await repo.updateMember(channel.id, coOwner!.id, { role: 'owner' }, owner!.id);
  await other.query('begin');
  await other.query('update channels set last_seq = last_seq where id = $1', [channel.id]);
  await other.query("update members set role = 'member' where channel_id = $1 and user_id = $2", [
    channel.id,
    coOwner!.id,
  ]);
  let stepped: unknown;
  const stepping = repo
    .updateMember(channel.id, owner!.id, { role: 'member' }, owner!.id)
    .then((result) => (stepped = result));
  await waitsForLock(other, () => stepped !== undefined);
  await other.query('commit');
  assert.equal(await stepping, 'last_owner');
});
