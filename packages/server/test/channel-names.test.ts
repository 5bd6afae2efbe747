// Unique channel names on SQLite and PostgreSQL: the migration that brings them keeps what is already
// stored (duplicates included), and the database itself refuses a duplicate, whatever the service checked.
// (The HTTP rules, races included, are the conformance kit's `channels.unique-names`.)
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { expectProblem, expectStatus } from '@confab/conformance';
import type { ChannelPage } from '@confab/protocol';
import { Migrator, sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from '../src/db/connect.js';
import { migrate, migrations } from '../src/db/migrations.js';
import { createSqlRepository } from '../src/repository/sql-repository.js';
import { kitFor } from './support/kit.js';
import { adminUrl, postgresReachable, testDatabase } from './support/postgres.js';
import type { TestServer } from './support/test-server.js';
import { startTestServer } from './support/test-server.js';

/** A database as the first release left it: only `0001_initial` applied. */
async function beforeUniqueNames(handle: DatabaseHandle): Promise<void> {
  const first = { '0001_initial': migrations['0001_initial']! };
  const { error } = await new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => first },
  }).migrateToLatest();
  assert.ifError(error);
}

/** Stores a channel the way the first release did (no name rules), `minutes` after a fixed start. */
async function oldChannel(handle: DatabaseHandle, id: string, name: string, visibility: string, minutes: number) {
  const at = new Date(Date.UTC(2025, 0, 1, 0, minutes)).toISOString();
  await sql`insert into channels (id, name, visibility, topic, created_by, created_at, last_seq, last_message_at, direct_key)
    values (${id}, ${name}, ${visibility}, '', 'u-old', ${at}, 0, null, ${visibility === 'direct' ? id : null})`.execute(
    handle.db,
  );
}

async function checkMigrationAndGuarantee(
  t: TestContext,
  handle: DatabaseHandle,
  startServer: () => Promise<TestServer>,
): Promise<void> {
  await beforeUniqueNames(handle);
  await sql`insert into users (id, username, display_name, password_hash, external_id, created_at)
    values ('u-old', 'old', 'Old', null, null, '2025-01-01T00:00:00.000Z')`.execute(handle.db);
  await oldChannel(handle, 'c-newer', 'general', 'public', 2);
  await oldChannel(handle, 'c-oldest', 'General', 'public', 1);
  await oldChannel(handle, 'c-private', 'GENERAL', 'private', 3);
  await oldChannel(handle, 'c-direct', '', 'direct', 4);

  await migrate(handle.db); // must not fail on the duplicates
  const keys = await handle.db.selectFrom('channels').select(['id', 'name_key']).orderBy('id').execute();
  assert.deepEqual(keys, [
    { id: 'c-direct', name_key: null },
    { id: 'c-newer', name_key: null },
    { id: 'c-oldest', name_key: 'general' },
    { id: 'c-private', name_key: 'general' },
  ]);

  const repo = await createSqlRepository(handle);
  const channel = { visibility: 'public' as const, topic: '', createdBy: 'u-old', memberIds: [], directKey: null };
  await assert.rejects(repo.createChannel({ ...channel, name: 'GeNeRaL' }), 'the database stored a duplicate');
  await assert.rejects(repo.updateChannel('c-newer', { name: 'general' }), 'a rename onto a taken name was stored');
  const renamed = await repo.updateChannel('c-newer', { name: 'General 2' });
  assert.equal(renamed.value.name, 'General 2');
  await repo.close();

  const server = await startServer();
  const { http, fixtures } = kitFor(server.url, t);
  const user = await fixtures.user();
  const taken = await http.post('/api/v1/channels', user.token, { name: ' general ', visibility: 'public' });
  assert.match(expectProblem(taken, 409, 'name_taken').detail, /"General"/);
  const listed = expectStatus(await http.get<ChannelPage>('/api/v1/channels?scope=public', user.token), 200);
  assert.deepEqual(listed.items.map((c) => c.name).sort(), ['General', 'General 2']);
}

test('on SQLite, the name migration keeps old duplicates and the database refuses new ones', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-names-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));
  await checkMigrationAndGuarantee(t, openDatabase({ databaseUrl: undefined, dataDir }), () =>
    startTestServer({ dataDir }, t),
  );
});

const pgReachable = await postgresReachable();

test('on PostgreSQL, the name migration keeps old duplicates and the database refuses new ones', {
  skip: !pgReachable && `PostgreSQL is not reachable at ${adminUrl}`,
}, async (t) => {
  const database = await testDatabase(t);
  const handle = openDatabase({ databaseUrl: database.url, dataDir: tmpdir() });
  await checkMigrationAndGuarantee(t, handle, () => database.start());
});
