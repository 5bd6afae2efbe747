import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { Channel, Message } from '@confab/protocol';
import { configFromEnv } from '../src/config.js';
import { ServerProcess } from './harness/chaos-server.js';
import { kitFor } from './support/kit.js';
import { postgresReachable } from './support/postgres.js';
import { startTestServer } from './support/test-server.js';
import { WebhookReceiver } from './support/webhook-receiver.js';
import {
  assertDeliveredInOrder,
  freshPostgres,
  readLog,
  readmeVerifier,
  type Storage,
  waitFor,
  waitForAllDelivered,
} from './support/webhook-world.js';

const fastRetries = { retryMs: 20, retryMaxMs: 200, timeoutMs: 2000, pollMs: 100 };

async function receiver(t: TestContext): Promise<WebhookReceiver> {
  const started = await WebhookReceiver.start();
  t.after(() => started.close());
  return started;
}

/** The value of a metric line (without labels, or with exactly `labels`) in a Prometheus text page. */
function metric(page: string, name: string, labels = ''): number {
  const line = page.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  assert.ok(line, `${name}${labels} is exported`);
  return Number(line.split(' ')[1]);
}

test('configuration: one URL with a secret, or a file of endpoints; clear errors otherwise', async (t) => {
  assert.deepEqual(configFromEnv({}).webhooks, []);
  assert.deepEqual(
    configFromEnv({ CONFAB_WEBHOOK_URL: 'https://app.example/hook', CONFAB_WEBHOOK_SECRET: 's3cret' }).webhooks,
    [{ url: 'https://app.example/hook', secret: 's3cret' }],
  );
  const bad: [Record<string, string>, RegExp][] = [
    [{ CONFAB_WEBHOOK_URL: 'ftp://app.example/hook', CONFAB_WEBHOOK_SECRET: 's' }, /absolute http\(s\) URL/],
    [{ CONFAB_WEBHOOK_URL: 'not a url', CONFAB_WEBHOOK_SECRET: 's' }, /absolute http\(s\) URL/],
    [{ CONFAB_WEBHOOK_URL: 'https://app.example/hook' }, /CONFAB_WEBHOOK_SECRET must be set/],
    [{ CONFAB_WEBHOOK_SECRET: 's' }, /CONFAB_WEBHOOK_URL is not/],
    [{ CONFAB_WEBHOOK_URL: 'https://a.example', CONFAB_WEBHOOK_SECRET: 's', CONFAB_WEBHOOKS_FILE: 'x' }, /not both/],
    [{ CONFAB_WEBHOOK_RETRY_MS: '0' }, /CONFAB_WEBHOOK_RETRY_MS must be more than 0/],
  ];
  for (const [env, message] of bad) assert.throws(() => configFromEnv(env), message, JSON.stringify(env));

  const file = join(tmpdir(), `confab-hooks-${randomUUID()}.json`);
  t.after(() => rm(file, { force: true }));
  const fileCases: [string, RegExp | undefined][] = [
    ['{ not json', /cannot read .* as JSON/],
    ['[]', /non-empty JSON array/],
    ['[{"url":"https://a.example/h"}]', /needs a secret/],
    ['[{"url":"https://a.example/h","secret":"s","kinds":["message:shouted"]}]', /kinds must be/],
    ['[{"url":"https://a.example/h","secret":"s"},{"url":"https://a.example/h","secret":"t"}]', /listed twice/],
    ['[{"url":"https://a.example/h","secret":"s","sekret":"t"}]', /unknown field\(s\) sekret/],
    [
      '[{"url":"https://a.example/h","secret":"s"},{"url":"http://b.example/h","secret":"t","kinds":["member:banned"]}]',
      undefined,
    ],
  ];
  for (const [content, message] of fileCases) {
    await writeFile(file, content);
    if (message) assert.throws(() => configFromEnv({ CONFAB_WEBHOOKS_FILE: file }), message, content);
    else assert.equal(configFromEnv({ CONFAB_WEBHOOKS_FILE: file }).webhooks[1]?.kinds?.[0], 'member:banned');
  }
  assert.throws(() => configFromEnv({ CONFAB_WEBHOOKS_FILE: join(tmpdir(), 'no-such-file.json') }), /cannot read/);
});

test('every kind of event arrives signed, in order; a kinds filter; the README snippet verifies and rejects', async (t) => {
  const verify = await readmeVerifier();
  const [all, created] = [await receiver(t), await receiver(t)];
  const [secretAll, secretCreated] = [randomBytes(24).toString('hex'), randomBytes(24).toString('hex')];
  const file = join(tmpdir(), `confab-hooks-${randomUUID()}.json`);
  t.after(() => rm(file, { force: true }));
  await writeFile(
    file,
    JSON.stringify([
      { url: all.url, secret: secretAll },
      { url: created.url, secret: secretCreated, kinds: ['message:created'] },
    ]),
  );
  const { webhooks } = configFromEnv({ CONFAB_WEBHOOKS_FILE: file });
  const server = await startTestServer({ webhooks, webhookTiming: fastRetries }, t);
  const { http, fixtures } = kitFor(server.url, t);
  const [alice, bob] = await fixtures.users(2);
  const channel = await fixtures.channel(alice!);
  await fixtures.join(bob!, channel.id);
  const message = await fixtures.post(alice!, channel.id, 'hello hooks');
  assert.equal((await http.put(`/api/v1/messages/${message.id}/reactions/👍`, bob!.token)).status, 200);
  const edit = { body: { type: 'text', text: 'hello hooks, edited' } };
  assert.equal((await http.patch(`/api/v1/messages/${message.id}`, alice!.token, edit)).status, 200);
  await fixtures.post(bob!, channel.id, 'a reply', message.id);
  assert.equal((await http.delete(`/api/v1/messages/${message.id}`, alice!.token)).status, 200);
  assert.equal((await http.delete(`/api/v1/channels/${channel.id}/members/me`, bob!.token)).status, 204);

  const storage: Storage = { sqlite: server.dataDir };
  const log = await waitForAllDelivered(all, storage);
  assertDeliveredInOrder(all, log, (raw, header) => verify(raw, header, secretAll));
  const kinds = new Set(all.accepted().map((d) => d.event.kind));
  for (const kind of ['member:joined', 'message:created', 'reaction:added', 'message:updated', 'message:deleted'])
    assert.ok(kinds.has(kind as never), `a ${kind} event was delivered (got ${[...kinds].join(', ')})`);
  assert.ok(kinds.has('member:left'), 'a member:left event was delivered');

  const createdLog = log.filter((row) => row.kind === 'message:created');
  await waitFor('the message:created endpoint to get its events', () => created.accepted().length >= createdLog.length);
  assertDeliveredInOrder(created, createdLog, (raw, header) => verify(raw, header, secretCreated));

  const delivery = all.accepted()[0]!;
  assert.match(delivery.signature, /^t=[0-9]+,v1=[0-9a-f]{64}$/);
  assert.equal(verify(delivery.raw, delivery.signature, secretAll), true);
  assert.equal(verify(delivery.raw, delivery.signature, secretCreated), false, 'another secret is refused');
  assert.equal(verify(`${delivery.raw} `, delivery.signature, secretAll), false, 'a changed body is refused');
  assert.equal(verify(delivery.raw, 'garbage', secretAll), false, 'a malformed header is refused');
  const old = Math.floor(Date.now() / 1000) - 3600;
  const oldHeader = `t=${old},v1=${createHmac('sha256', secretAll).update(`${old}.${delivery.raw}`).digest('hex')}`;
  assert.equal(verify(delivery.raw, oldHeader, secretAll), false, 'an hour-old signature is refused (a replay)');
  assert.equal(verify(delivery.raw, oldHeader, secretAll, 7200), true, 'the same one inside a wider tolerance passes');
  assert.equal(all.duplicates(), 0, 'nothing is delivered twice while the server runs');
});

test('per-channel order with interleaved channels: a failing channel holds back only itself, retries until 2xx; metrics', async (t) => {
  const verify = await readmeVerifier();
  const hooks = await receiver(t);
  const secret = randomBytes(16).toString('hex');
  const server = await startTestServer(
    { webhooks: [{ url: hooks.url, secret }], webhookTiming: fastRetries, metrics: 'public' },
    t,
  );
  const { fixtures } = kitFor(server.url, t);
  const alice = await fixtures.user();
  const blocked = await fixtures.channel(alice);
  const flaky = await fixtures.channel(alice);
  let holding = true;
  hooks.answer = (event, tries) => {
    if (event.channelId === blocked.id) return holding ? 500 : 200;
    if (event.channelId === flaky.id) return tries <= 3 ? 500 : 200;
    return 200;
  };
  for (let i = 0; i < 12; i++) {
    await fixtures.post(alice, blocked.id, `blocked ${i}`);
    await fixtures.post(alice, flaky.id, `flaky ${i}`);
  }
  const storage: Storage = { sqlite: server.dataDir };
  const { events } = await readLog(storage);
  const flakyCount = events.filter((row) => row.channel_id === flaky.id).length;
  const blockedFirst = events.find((row) => row.channel_id === blocked.id)!.seq;
  await waitFor(
    'the flaky channel to get through',
    () => hooks.accepted().filter((d) => d.event.channelId === flaky.id).length === flakyCount,
  );
  const triedBlocked = hooks.deliveries.filter((d) => d.event.channelId === blocked.id);
  assert.ok(triedBlocked.length > 0, 'the blocked channel was tried');
  assert.deepEqual(
    [...new Set(triedBlocked.map((d) => d.event.seq))],
    [blockedFirst],
    'only the head of the failing channel is tried: later events wait behind it',
  );
  assert.equal(hooks.accepted().filter((d) => d.event.channelId === blocked.id).length, 0);

  const scrape = async () => (await fetch(`${server.url}/metrics`)).text();
  let page = await scrape();
  assert.ok(metric(page, 'confab_webhook_deliveries_total', '{result="failure"}') >= 3 * flakyCount);
  assert.ok(metric(page, 'confab_webhook_deliveries_total', '{result="success"}') >= flakyCount);
  assert.ok(metric(page, 'confab_webhook_retries_total') > 0);
  assert.ok(metric(page, 'confab_webhook_pending') >= 12, 'the blocked channel’s events are pending');
  assert.ok(metric(page, 'confab_webhook_oldest_pending_seconds') > 0);

  holding = false;
  const log = await waitForAllDelivered(hooks, storage);
  assertDeliveredInOrder(hooks, log, (raw, header) => verify(raw, header, secret));
  assert.equal(hooks.duplicates(), 0);
  page = await scrape();
  assert.equal(metric(page, 'confab_webhook_pending'), 0);
  assert.equal(metric(page, 'confab_webhook_oldest_pending_seconds'), 0);
});

test('without webhooks nothing is queued', async (t) => {
  const server = await startTestServer({}, t);
  const { fixtures } = kitFor(server.url, t);
  const alice = await fixtures.user();
  const channel = await fixtures.channel(alice);
  await fixtures.post(alice, channel.id, 'no hooks here');
  const { events, owed } = await readLog({ sqlite: server.dataDir });
  assert.ok(events.length > 0);
  assert.equal(owed, 0);
});

/**
 * Sends `total` messages over `channels` through the servers (round robin) while the receiver is slow and
 * failing; when half are acknowledged, kills the process `victim` with SIGKILL and starts it again on the same
 * database. Each send is retried under its client id until acknowledged, so every message is stored once.
 */
async function crashWhileDelivering(
  t: TestContext,
  options: { storage: (server: ServerProcess) => Storage; env: Record<string, string>; processes: number },
) {
  const verify = await readmeVerifier();
  const hooks = await receiver(t);
  const secret = randomBytes(16).toString('hex');
  let struggling = false;
  let holding = false;
  let held = 0;
  hooks.answer = async (_event, _tries, hungUp) => {
    if (holding) {
      // Taken in, and answered 200 only once the sender hung up (killed, or timed out while another process was
      // killed): it never hears of it, and delivers it again.
      held++;
      await hungUp;
      return 200;
    }
    // Slow and failing; while struggling, slower and failing more: deliveries pile up in the outbox.
    await delay(Math.random() * (struggling ? 300 : 10));
    return Math.random() < (struggling ? 0.6 : 0.2) ? 503 : 200;
  };
  const env = {
    ...options.env,
    CONFAB_WEBHOOK_URL: hooks.url,
    CONFAB_WEBHOOK_SECRET: secret,
    CONFAB_WEBHOOK_RETRY_MS: '30',
    CONFAB_WEBHOOK_RETRY_MAX_MS: '300',
    CONFAB_WEBHOOK_TIMEOUT_MS: '1000',
    CONFAB_WEBHOOK_POLL_MS: '200',
    CONFAB_JWT_SECRET: randomBytes(32).toString('base64url'),
    CONFAB_SEND_RATE: '1000',
    CONFAB_AUTH_RATE: '1000',
    CONFAB_PASSWORD_COST: '4',
    CONFAB_METRICS: 'public',
    LOG_LEVEL: 'silent',
  };
  const servers: ServerProcess[] = [];
  t.after(async () => {
    for (const server of servers) await server.dispose();
  });
  for (let i = 0; i < options.processes; i++) servers.push(await ServerProcess.start(env));
  const storage = options.storage(servers[0]!);
  const { fixtures } = kitFor(servers[0]!.url, t);
  const alice = await fixtures.user();
  const channels: Channel[] = [];
  for (let i = 0; i < 3; i++) channels.push(await fixtures.channel(alice));

  const total = 150;
  let acknowledged = 0;
  let failedSends = 0;
  const send = async (k: number, channel: Channel) => {
    const clientMessageId = randomUUID();
    const body = JSON.stringify({ clientMessageId, body: { type: 'text', text: `message ${k}` } });
    for (let attempt = 0; ; attempt++) {
      const server = servers[k % servers.length]!;
      const reply = await fetch(`${server.url}/api/v1/channels/${channel.id}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' },
        body,
      }).catch(() => undefined);
      if (reply?.status === 201 || reply?.status === 200) {
        (await reply.json()) as Message;
        acknowledged++;
        return;
      }
      failedSends++;
      assert.ok(attempt < 600, `message ${k} was never acknowledged (last status ${reply?.status})`);
      await delay(50);
    }
  };
  const senders = channels.map(async (channel, c) => {
    for (let k = c; k < total; k += channels.length) await send(k, channel);
  });

  await waitFor('a third of the messages to be acknowledged', () => acknowledged >= total / 3);
  struggling = true;
  await waitFor('half of the messages to be acknowledged', () => acknowledged >= total / 2);
  const victim = servers.at(-1)!;
  let before = '';
  if (servers.length > 1) before = await (await fetch(`${victim.url}/metrics`)).text();
  holding = true;
  await waitFor('a delivery in flight', () => held > 0);
  await victim.stop('SIGKILL');
  holding = false;
  const owedAtKill = (await readLog(storage)).owed;
  await victim.start();
  struggling = false;
  await Promise.all(senders);

  const log = await waitForAllDelivered(hooks, storage);
  assertDeliveredInOrder(hooks, log, (raw, header) => verify(raw, header, secret));
  assert.ok(owedAtKill > 0, 'the kill left deliveries owed, which the restarted server made');
  assert.ok(hooks.duplicates() > 0, 'what the receiver took in as the server died came again, and was dropped');
  assert.equal(log.filter((row) => row.kind === 'message:created').length, total, 'every message stored once');
  const delivered = hooks.deliveries.filter((d) => d.status < 300).length;
  t.diagnostic(
    `${log.length} events; ${owedAtKill} owed at the kill; ${hooks.deliveries.length} POSTs, ${delivered} answered 2xx, ` +
      `${hooks.duplicates()} raw duplicates dropped by Confab-Event-Id; ${failedSends} send attempts refused during the restart`,
  );
  if (servers.length > 1) {
    const successes = [
      metric(before, 'confab_webhook_deliveries_total', '{result="success"}'),
      ...(await Promise.all(
        servers.map(async (server) =>
          metric(
            await (await fetch(`${server.url}/metrics`)).text(),
            'confab_webhook_deliveries_total',
            '{result="success"}',
          ),
        ),
      )),
    ];
    t.diagnostic(
      `successful deliveries: killed process before the kill ${successes[0]}, then per process ${successes.slice(1).join(', ')}`,
    );
    assert.ok(successes[0]! + successes[2]! > 0 && successes[1]! > 0, 'both processes delivered');
  }
}

/** `processes` on a fresh PostgreSQL database, dropped after `t`; undefined, and `t` skipped, without PostgreSQL. */
async function onFreshPostgres(t: TestContext, processes: number) {
  if (!(await postgresReachable())) return void t.skip('PostgreSQL is not reachable');
  const database = await freshPostgres();
  t.after(() => database.drop());
  return { storage: () => ({ postgres: database.url }), env: { DATABASE_URL: database.url }, processes };
}

test('kill -9 mid-delivery on SQLite: after a restart every event arrives once (deduped), in order', {
  timeout: 240_000,
}, async (t) => {
  await crashWhileDelivering(t, { storage: (server) => ({ sqlite: server.dataDir }), env: {}, processes: 1 });
});

test('kill -9 mid-delivery on PostgreSQL: after a restart every event arrives once (deduped), in order', {
  timeout: 240_000,
}, async (t) => {
  const options = await onFreshPostgres(t, 1);
  if (options) await crashWhileDelivering(t, options);
});

test('two processes on one PostgreSQL deliver together, one killed -9 mid-way, order kept', {
  timeout: 240_000,
}, async (t) => {
  const options = await onFreshPostgres(t, 2);
  if (options) await crashWhileDelivering(t, options);
});
