// Several server processes on one PostgreSQL database and one (private) Redis, as behind a load balancer:
// cross-process delivery exactly once in seq order, presence across processes (also when a process dies
// without a word), convergence after a Redis restart in the middle of a burst, a send rate and a sign-in
// backoff that hold across processes, and migrations started by three processes at once.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { type TestContext, test } from 'node:test';
import { type CheckContext, expectStatus, type KitUser, newClientId, type SocketRecorder } from '@confab/conformance';
import type { Message, PresenceFrame } from '@confab/protocol';
import pg from 'pg';
import { migrations } from '../src/db/migrations.js';
import type { ServerConfig } from '../src/index.js';
import { kitFor } from './support/kit.js';
import { adminUrl, postgresReachable, testDatabase } from './support/postgres.js';
import { runMigrate, startChildServer } from './support/redis-child-server.js';
import { redisServerInstalled, startPrivateRedis } from './support/redis-server.js';

const skip = !redisServerInstalled()
  ? 'redis-server is not installed'
  : !(await postgresReachable()) && `PostgreSQL is not reachable at ${adminUrl}`;

/**
 * Short enough that a dead process is noticed within a test, long enough that a process starved of CPU for a
 * couple of seconds (a loaded 2-core machine) still refreshes its users in time (every third of it).
 */
const PRESENCE_TTL_MS = 3000;

/** A deployment for one test: one fresh database, one private Redis, and `start` for each process. */
async function deployment(t: TestContext, overrides: Partial<ServerConfig> = {}) {
  const redis = await startPrivateRedis(t);
  const database = await testDatabase(t);
  const jwtSecret = randomBytes(32).toString('base64url');
  const config = { redisUrl: redis.url, jwtSecret, presenceTtlMs: PRESENCE_TTL_MS, gapCheckMs: 500, ...overrides };
  const start = async () => kitFor((await database.start(config)).url, t);
  /** The environment for a process started as a child (same database, Redis and secret). */
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    CONFAB_JWT_SECRET: jwtSecret,
    CONFAB_PRESENCE_TTL_MS: String(PRESENCE_TTL_MS),
  };
  return { redis, database, start, env };
}

/** Opens a socket for `user` on `server` and subscribes to `channelId`; resolves once subscribed. */
async function subscribed(server: CheckContext, user: KitUser, channelId: string): Promise<SocketRecorder> {
  const { socket } = await server.openSocket(user.token);
  socket.send({ type: 'subscribe', channels: [{ id: channelId }] });
  await socket.waitFor('subscribed', (f) => f.channelId === channelId);
  return socket;
}

/** The `seq` of every event the socket received in the channel, in arrival order. */
const seqsOf = (socket: SocketRecorder, channelId: string) =>
  socket.frames.flatMap((f) => (f.type === 'event' && f.channelId === channelId ? [f.seq] : []));

/** The message ids of every `message:created` event the socket received in the channel. */
const createdOf = (socket: SocketRecorder, channelId: string) =>
  socket.frames.flatMap((f) =>
    f.type === 'event' && f.channelId === channelId && f.kind === 'message:created'
      ? [(f.data as { message: Message }).message.id]
      : [],
  );

/** Asserts the socket got every event after its subscribe exactly once, in order, and every message in `ids`. */
async function assertConverged(socket: SocketRecorder, channelId: string, ids: readonly string[], name: string) {
  await socket.until(() => createdOf(socket, channelId).length >= ids.length, `${name} hearing ${ids.length} messages`);
  await socket.roundTrip();
  const seqs = seqsOf(socket, channelId);
  const from = seqs[0] ?? 0;
  assert.deepEqual(
    seqs,
    seqs.map((_, i) => from + i),
    `${name}: the seqs are not consecutive, once each`,
  );
  assert.deepEqual(createdOf(socket, channelId).sort(), [...ids].sort(), `${name}: not exactly the messages sent`);
}

/** Waits for a presence frame in the channel that matches. */
const presence = (
  socket: SocketRecorder,
  channelId: string,
  match: (f: PresenceFrame) => boolean,
  timeoutMs?: number,
) => socket.waitFor('presence', (f) => f.channelId === channelId && match(f), timeoutMs);

test('three processes: every socket hears every event once, in seq order, whoever sent it where', {
  skip,
}, async (t) => {
  const { start } = await deployment(t);
  const servers = [await start(), await start(), await start()];
  const owner = await servers[0]!.fixtures.user();
  const channel = await servers[0]!.fixtures.channel(owner);
  const users = [owner];
  for (let i = 1; i < 6; i++) {
    const server = servers[i % 3]!;
    const user = await server.fixtures.user();
    await server.fixtures.join(user, channel.id);
    users.push(user);
  }
  const sockets = await Promise.all(users.map((user, i) => subscribed(servers[i % 3]!, user, channel.id)));

  const perSender = 15;
  const acksOf = (socket: SocketRecorder) => socket.frames.flatMap((f) => (f.type === 'ack' ? [f.message.id] : []));
  await Promise.all(
    sockets.map(async (socket, i) => {
      for (let m = 0; m < perSender; m++) {
        const body = { type: 'text', text: `${i}.${m}` };
        socket.send({ type: 'send', clientMessageId: newClientId(), channelId: channel.id, body });
      }
      await socket.until(() => acksOf(socket).length === perSender, `${perSender} acks on socket ${i}`);
    }),
  );
  const messageIds = sockets.flatMap(acksOf);
  assert.equal(new Set(messageIds).size, users.length * perSender);
  for (const [i, socket] of sockets.entries()) await assertConverged(socket, channel.id, messageIds, `socket ${i}`);
});

test('presence spans processes: the list on subscribe is everyone, a user is offline when their last socket anywhere closes, and a killed process expires', {
  skip,
}, async (t) => {
  const { start, env } = await deployment(t);
  const [one, two] = [await start(), await start()];
  const child = await startChildServer(t, env);
  const three = kitFor(child.url, t);
  const [alice, bob, carol] = [await one.fixtures.user(), await two.fixtures.user(), await three.fixtures.user()];
  const channel = await one.fixtures.channel(alice);
  await two.fixtures.join(bob, channel.id);
  await three.fixtures.join(carol, channel.id);

  const watcher = await subscribed(two, bob, channel.id);
  const aliceOnOne = await subscribed(one, alice, channel.id);
  await presence(watcher, channel.id, (f) => f.joined?.includes(alice.id) ?? false);
  const aliceOnTwo = await subscribed(two, alice, channel.id);
  await aliceOnOne.close();

  await subscribed(three, carol, channel.id);
  await presence(watcher, channel.id, (f) => f.joined?.includes(carol.id) ?? false);
  const carolSocketList = (await three.openSocket(carol.token)).socket;
  carolSocketList.send({ type: 'subscribe', channels: [{ id: channel.id }] });
  const list = await presence(carolSocketList, channel.id, (f) => f.online !== undefined);
  assert.deepEqual([...(list.online ?? [])].sort(), [alice.id, bob.id, carol.id].sort(), 'the list is deployment-wide');
  await carolSocketList.close();

  await child.kill();
  await presence(watcher, channel.id, (f) => f.left?.includes(carol.id) ?? false, 10_000);
  const seen = watcher.frames.filter((f): f is PresenceFrame => f.type === 'presence' && f.channelId === channel.id);
  assert.ok(
    !seen.some((f) => f.left?.includes(alice.id)),
    'alice went offline while she still had a socket on another process',
  );

  await aliceOnTwo.close();
  await presence(watcher, channel.id, (f) => f.left?.includes(alice.id) ?? false);
});

test('a Redis restart in the middle of a burst: every socket converges, nothing lost or doubled, presence re-counted', {
  skip,
}, async (t) => {
  const { start, redis } = await deployment(t);
  const servers = [await start(), await start()];
  const owner = await servers[0]!.fixtures.user();
  const channel = await servers[0]!.fixtures.channel(owner);
  const listeners: KitUser[] = [];
  for (const server of servers) {
    const user = await server.fixtures.user();
    await server.fixtures.join(user, channel.id);
    listeners.push(user);
  }
  const sockets = await Promise.all(listeners.map((user, i) => subscribed(servers[i]!, user, channel.id)));

  const messageIds: string[] = [];
  /** Posts `count` messages from both processes at once; `during` runs once a third of them are stored. */
  const burst = (count: number, during?: () => Promise<void>) => {
    let done: Promise<void> | undefined;
    const start = messageIds.length;
    return Promise.all(
      servers.map(async (server, s) => {
        for (let i = s; i < count; i += servers.length) {
          const reply = await server.http.post<Message>(`/api/v1/channels/${channel.id}/messages`, owner.token, {
            clientMessageId: newClientId(),
            body: { type: 'text', text: `burst ${start + i}` },
          });
          messageIds.push(expectStatus(reply, 201, `message ${start + i} around a Redis restart`).id);
          if (messageIds.length === start + Math.floor(count / 3)) done = during?.();
        }
      }),
    ).then(() => done);
  };
  await burst(60, () => redis.restart());
  // The tail of a burst lost while Redis is down, with nothing after it to reveal the gap: only the
  // processes' own checks (on resume, and periodic) can find it.
  await redis.stop();
  await burst(10);
  await redis.start();
  for (const [i, socket] of sockets.entries()) await assertConverged(socket, channel.id, messageIds, `socket ${i}`);

  // Redis came back empty; each process re-counts its sockets, so the list on the other process has them again.
  const late = await servers[1]!.fixtures.user();
  await servers[1]!.fixtures.join(late, channel.id);
  const { socket } = await servers[1]!.openSocket(late.token);
  const online = async () => {
    socket.send({ type: 'subscribe', channels: [{ id: channel.id }] });
    return (await presence(socket, channel.id, (f) => f.online !== undefined)).online ?? [];
  };
  let list = await online();
  for (let i = 0; i < 40 && !list.includes(listeners[0]!.id); i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    list = await online();
  }
  assert.ok(list.includes(listeners[0]!.id), 'the user on the other process is online again');
  expectStatus(await servers[0]!.http.get('/readyz'), 200, 'ready again once Redis is back');
});

test('the send and search rates and the sign-in backoff hold across processes', { skip }, async (t) => {
  const { start } = await deployment(t, { sendRate: 1, writeRate: 1 });
  const servers = [await start(), await start(), await start()];
  const user = await servers[0]!.fixtures.user();
  const channel = await servers[0]!.fixtures.channel(user);
  let accepted = 0;
  for (let i = 0; i < 30; i++) {
    const reply = await servers[i % 3]!.http.post(`/api/v1/channels/${channel.id}/messages`, user.token, {
      clientMessageId: newClientId(),
      body: { type: 'text', text: `${i}` },
    });
    assert.ok(reply.status === 201 || reply.status === 429, `status ${reply.status}`);
    if (reply.status === 201) accepted++;
  }
  // One process alone would take 10 + its refill; three unshared buckets would take all 30.
  assert.ok(accepted >= 10 && accepted < 15, `${accepted} of 30 messages accepted with a burst of 10`);

  let answered = 0;
  for (let i = 0; i < 30; i++) {
    const reply = await servers[i % 3]!.http.get(`/api/v1/search/messages?q=word${i}`, user.token);
    assert.ok(reply.status === 200 || reply.status === 429, `status ${reply.status}`);
    if (reply.status === 200) answered++;
  }
  assert.ok(answered >= 10 && answered < 15, `${answered} of 30 searches answered with a burst of 10`);

  // The backoff counts per username, existing or not (an unknown one also waits for its password check).
  const username = `nobody-${randomBytes(4).toString('hex')}`;
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    const reply = await servers[i % 3]!.http.post('/api/v1/auth/login', undefined, {
      username,
      password: 'not-the-password',
    });
    statuses.push(reply.status);
  }
  assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
});

test('`confab-server migrate` from three processes at once on a fresh database: each migration runs once', {
  skip,
}, async (t) => {
  const database = await testDatabase(t);
  const runs = await Promise.all([1, 2, 3].map(() => runMigrate({ DATABASE_URL: database.url })));
  for (const run of runs) assert.equal(run.code, 0, run.output);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>('select name from kysely_migration order by name');
    assert.deepEqual(
      rows.map((r) => r.name),
      Object.keys(migrations).sort(),
    );
  } finally {
    await client.end();
  }
  const server = kitFor((await database.start()).url, t);
  await server.fixtures.user();
});
