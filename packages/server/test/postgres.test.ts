// The server on PostgreSQL across restarts, its own and the database's: the migrations run again on a
// database that has them, history and seq counters survive, the storage is named without credentials, and
// connections that PostgreSQL ends are replaced. (The contract on PostgreSQL is checked by the conformance
// kit in conformance.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message } from '@confab/protocol';
import { kitFor } from './support/kit.js';
import { adminUrl, postgresReachable, terminateConnections, testDatabase } from './support/postgres.js';

const reachable = await postgresReachable();

test('on PostgreSQL, a restart keeps the history and the seq counter, and lost connections are replaced', {
  skip: !reachable && `PostgreSQL is not reachable at ${adminUrl}`,
}, async (t) => {
  const database = await testDatabase(t);
  // On PostgreSQL with a set secret the server keeps nothing in its data directory: each start gets a new one.
  const start = () => database.start({ jwtSecret: 'pg-restart-secret-pg-restart-secret' });

  let server = await start();
  assert.match(server.storage, /^postgres(ql)?:\/\/[^@]*$/, `storage "${server.storage}" shows credentials`);
  const before = kitFor(server.url, t).fixtures;
  const user = await before.user();
  const channel = await before.channel(user);
  const first: Message = await before.post(user, channel.id, 'before the restart');
  await server.close();

  server = await start();
  const after = kitFor(server.url, t);
  await after.http.get('/readyz');
  assert.ok((await terminateConnections(database.url)) > 0, 'no connection to terminate');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const second = await after.fixtures.post(user, channel.id, 'after the restart');
  assert.equal(second.seq, first.seq + 1);
  assert.deepEqual(
    (await after.fixtures.history(user, channel.id)).map((m) => [m.id, m.seq]),
    [
      [first.id, first.seq],
      [second.id, second.seq],
    ],
  );
});
