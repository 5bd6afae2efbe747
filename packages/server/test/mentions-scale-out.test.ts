// Mentions across processes: two server processes on one PostgreSQL and one private Redis; a `mention`
// frame travels the bus once and reaches the mentioned user's unsubscribed sockets on every process.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { kitFor } from './support/kit.js';
import { adminUrl, postgresReachable, testDatabase } from './support/postgres.js';
import { redisServerInstalled, startPrivateRedis } from './support/redis-server.js';

const skip = !redisServerInstalled()
  ? 'redis-server is not installed'
  : !(await postgresReachable()) && `PostgreSQL is not reachable at ${adminUrl}`;

test('a mention and an @channel sent on one process reach the users’ sockets on both', { skip }, async (t) => {
  const redis = await startPrivateRedis(t);
  const database = await testDatabase(t);
  const config = { redisUrl: redis.url, jwtSecret: randomBytes(32).toString('base64url') };
  const one = kitFor((await database.start(config)).url, t);
  const two = kitFor((await database.start(config)).url, t);
  const [alice, bob, carol] = await one.fixtures.users(3);
  const channel = await one.fixtures.channel(alice!, 'private', [bob!.id, carol!.id]);
  const bobHere = (await one.openSocket(bob!.token)).socket;
  const bobThere = (await two.openSocket(bob!.token)).socket;
  const carolThere = (await two.openSocket(carol!.token)).socket;

  const sent = await one.fixtures.post(alice!, channel.id, `@${bob!.username} over here`);
  for (const socket of [bobHere, bobThere]) await socket.waitFor('mention', (f) => f.message.id === sent.id);
  const all = await one.fixtures.post(alice!, channel.id, '@channel meeting');
  const carolFrames = await carolThere.collectUntil((f) => f.type === 'mention' && f.message.id === all.id);
  assert.deepEqual(
    carolFrames.filter((f) => f.type === 'mention').length,
    1,
    'carol hears the @channel only, not the mention of bob',
  );
  await bobThere.waitFor('mention', (f) => f.message.id === all.id);
});
