import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { checkSchema } from '@confab/protocol';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { adminUrl } from './postgres.js';
import type { WebhookReceiver } from './webhook-receiver.js';

/** Where a server keeps its data: the SQLite file of a data directory, or a PostgreSQL database. */
export type Storage = { sqlite: string } | { postgres: string };

/** A row of the channel event log. */
export interface LogRow {
  channel_id: string;
  seq: number;
  kind: string;
  data: string;
}

/** The whole event log (by channel and seq) and how many rows the webhook outbox still holds. */
export async function readLog(storage: Storage): Promise<{ events: LogRow[]; owed: number }> {
  const eventsSql = 'select channel_id, seq, kind, data from events order by channel_id, seq';
  const owedSql = 'select count(*) as n from webhook_outbox';
  if ('sqlite' in storage) {
    const db = new SQLite(join(storage.sqlite, 'confab.sqlite'), { readonly: true });
    try {
      const events = (db.prepare(eventsSql).all() as LogRow[]).map((row) => ({ ...row, seq: Number(row.seq) }));
      const owed = Number((db.prepare(owedSql).get() as { n: number }).n);
      return { events, owed };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: storage.postgres });
  await client.connect();
  try {
    const events = (await client.query<LogRow>(eventsSql)).rows.map((row) => ({ ...row, seq: Number(row.seq) }));
    const owed = Number((await client.query<{ n: string }>(owedSql)).rows[0]?.n ?? 0);
    return { events, owed };
  } finally {
    await client.end();
  }
}

/** Polls `condition` every 50 ms until it holds; fails with `what` (and `detail()`) after `limitMs`. */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  detail: () => unknown = () => '',
  limitMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: ${JSON.stringify(detail())}`);
    await delay(50);
  }
}

/** Waits until the receiver accepted every event of the log and the outbox is empty; returns the log. */
export async function waitForAllDelivered(receiver: WebhookReceiver, storage: Storage): Promise<LogRow[]> {
  let log: { events: LogRow[]; owed: number } = { events: [], owed: -1 };
  await waitFor(
    'every committed event to be delivered',
    async () => {
      log = await readLog(storage);
      return log.owed === 0 && receiver.accepted().length >= log.events.length;
    },
    () => ({ events: log.events.length, owed: log.owed, accepted: receiver.accepted().length }),
  );
  return log.events;
}

/**
 * Asserts that the receiver, deduping by `Confab-Event-Id`, holds every event of the log exactly once with its
 * stored kind and data, that each channel's events first arrived in `seq` order, and that every delivery is a
 * well-formed `WebhookEvent` whose signature `verify` accepts.
 */
export function assertDeliveredInOrder(
  receiver: WebhookReceiver,
  log: LogRow[],
  verify: (raw: string, header: string) => boolean,
): void {
  const accepted = receiver.accepted();
  const last = new Map<string, number>();
  for (const { event, eventId } of accepted) {
    assert.equal(event.id, eventId, 'the body id is the Confab-Event-Id');
    const before = last.get(event.channelId) ?? 0;
    assert.ok(event.seq > before, `channel ${event.channelId}: seq ${event.seq} arrived after ${before}`);
    last.set(event.channelId, event.seq);
  }
  const key = (channelId: string, seq: number) => `${channelId}:${seq}`;
  const got = new Map(accepted.map((d) => [key(d.event.channelId, d.event.seq), d.event]));
  assert.equal(got.size, accepted.length, 'one event per (channel, seq)');
  for (const row of log) {
    const event = got.get(key(row.channel_id, row.seq));
    assert.ok(event, `event ${row.channel_id}:${row.seq} (${row.kind}) was delivered`);
    assert.equal(event.kind, row.kind);
    assert.deepEqual(event.data, JSON.parse(row.data));
  }
  assert.equal(accepted.length, log.length, 'nothing delivered that is not in the log');
  for (const delivery of receiver.deliveries) {
    const checked = checkSchema('WebhookEvent', delivery.event);
    assert.ok(checked.ok, `a WebhookEvent: ${JSON.stringify(checked)}`);
    assert.ok(verify(delivery.raw, delivery.signature), `signature of ${delivery.eventId} verifies`);
  }
}

/** The README's signature check, loaded from the README itself (the `<!-- webhook-verify -->` block). */
export async function readmeVerifier(): Promise<
  (rawBody: string, header: string, secret: string, toleranceSeconds?: number) => boolean
> {
  const readme = await readFile(new URL('../../../../README.md', import.meta.url), 'utf8');
  const snippet = /<!-- webhook-verify -->\n```js\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(snippet, 'the README has the webhook-verify snippet');
  assert.ok(snippet.trim().split('\n').length <= 10, 'the snippet is at most 10 lines');
  const file = join(tmpdir(), `confab-verify-${randomUUID()}.mjs`);
  await writeFile(file, snippet);
  try {
    const module = (await import(pathToFileURL(file).href)) as {
      verifyConfabSignature: (rawBody: string, header: string, secret: string, toleranceSeconds?: number) => boolean;
    };
    return module.verifyConfabSignature;
  } finally {
    await rm(file, { force: true }); // imported: the module stays loaded
  }
}

/** A fresh PostgreSQL database for child processes; `drop` removes it. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `confab_hooks_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
