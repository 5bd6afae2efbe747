import type { FastifyBaseLogger } from 'fastify';
import { type RawBuilder, sql } from 'kysely';
import { newId } from '../ids.js';
import type { Metrics } from '../metrics.js';
import type { Db } from '../repository/sql-shared.js';
import { webhookEventId } from './outbox.js';
import { signWebhook } from './signature.js';
import type { WebhookEndpoint, WebhookTiming } from './webhook-config.js';

/** A head row this process holds the lease on. */
interface Claimed {
  endpoint: string;
  channel_id: string;
  seq: number | string;
  body: string;
  attempts: number;
}

type Outcome = 'delivered' | 'failed' | 'aborted';

/** Channels (per endpoint) one process delivers to at once. */
const CONCURRENCY = 16;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Delivers the webhook outbox (see `outbox.ts`): per endpoint and channel, the head row only, so events arrive
 * in `seq` order and a failing one holds back its channel alone; at least once, since a row is deleted only
 * after a 2xx answer (a crash in between delivers it again). A process claims a head with a lease longer than
 * one attempt can take, in one statement (`for update skip locked` on PostgreSQL), so processes sharing a
 * database never deliver one channel at once; a dead process's leases expire. A failure is retried after an
 * exponential, jittered delay kept on the row, so restarts and other processes honour it.
 */
export class WebhookDispatcher {
  readonly #db: Db;
  readonly #postgres: boolean;
  readonly #endpoints: Map<string, WebhookEndpoint>;
  readonly #timing: WebhookTiming;
  readonly #metrics: Metrics;
  readonly #log: FastifyBaseLogger;
  /** Names this process's leases. */
  readonly #me = newId();
  readonly #leaseMs: number;
  readonly #stop = new AbortController();
  /** The delivery loop of each (endpoint, channel) this process holds. */
  readonly #active = new Map<string, Promise<void>>();
  #pumping: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(options: {
    db: Db;
    dialect: 'sqlite' | 'postgres';
    endpoints: readonly WebhookEndpoint[];
    timing: WebhookTiming;
    metrics: Metrics;
    log: FastifyBaseLogger;
  }) {
    this.#db = options.db;
    this.#postgres = options.dialect === 'postgres';
    this.#endpoints = new Map(options.endpoints.map((endpoint) => [endpoint.url, endpoint]));
    this.#timing = options.timing;
    this.#metrics = options.metrics;
    this.#log = options.log;
    this.#leaseMs = 2 * options.timing.timeoutMs + 1000;
  }

  /** Starts delivering what is owed, including what was left undelivered before a restart. */
  async start(): Promise<void> {
    for (const result of ['success', 'failure']) this.#metrics.webhookDeliveries.inc({ result }, 0);
    this.#metrics.watchWebhookBacklog(() => this.#backlog());
    await this.#recover().catch((error: unknown) => this.#log.warn({ err: error }, 'webhook outbox unreadable'));
    this.wake();
  }

  /** Frees what a crash left leased (SQLite), and warns about events owed to endpoints no longer configured. */
  async #recover(): Promise<void> {
    const urls = [...this.#endpoints.keys()];
    // SQLite is one process's database: leases it finds were left by this server before a crash.
    if (!this.#postgres)
      await sql`update "webhook_outbox" set "leased_by" = null, "lease_until" = null where "leased_by" is not null`.execute(
        this.#db,
      );
    const { rows } = await sql<{ endpoint: string; n: number | string }>`
      select "endpoint", count(*) as "n" from "webhook_outbox" where "endpoint" not in (${sql.join(urls)}) group by "endpoint"
    `.execute(this.#db);
    for (const row of rows)
      this.#log.warn(
        { endpoint: origin(row.endpoint), pending: Number(row.n) },
        'webhook events owed to an endpoint no longer configured',
      );
  }

  /** Looks for work now (events were just committed here). */
  wake(): void {
    if (this.#stop.signal.aborted) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = this.#pump().finally(() => {
      this.#pumping = undefined;
    });
  }

  /** Stops: in-flight attempts are aborted and their leases released; resolves when nothing runs. */
  async close(): Promise<void> {
    this.#stop.abort();
    clearTimeout(this.#timer);
    await this.#pumping;
    await Promise.all(this.#active.values());
  }

  async #pump(): Promise<void> {
    try {
      do {
        this.#again = false;
        while (!this.#stop.signal.aborted && this.#active.size < CONCURRENCY) {
          const claimed = await this.#claimHeads(CONCURRENCY - this.#active.size);
          for (const row of claimed) this.#run(row);
          if (claimed.length === 0) break;
        }
      } while (this.#again && !this.#stop.signal.aborted);
    } catch (error) {
      this.#log.warn({ err: error }, 'webhook outbox unreadable; retrying');
    }
    this.#wakeAt(Date.now() + this.#timing.pollMs);
  }

  /** Wakes at `at` unless a wake-up is due sooner. */
  #wakeAt(at: number): void {
    if (this.#stop.signal.aborted || (this.#timer && this.#timerAt <= at)) return;
    clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Number.POSITIVE_INFINITY;
        this.wake();
      },
      Math.max(0, at - Date.now()),
    );
    this.#timer.unref();
  }

  #run(first: Claimed): void {
    const key = `${first.endpoint}\n${first.channel_id}`;
    const loop = this.#deliverChannel(first)
      .catch((error: unknown) => this.#log.warn({ err: error }, 'webhook delivery loop failed'))
      .finally(() => {
        this.#active.delete(key);
        this.wake();
      });
    this.#active.set(key, loop);
  }

  /** Delivers a channel's events to one endpoint, head after head, until one fails or none is left. */
  async #deliverChannel(first: Claimed): Promise<void> {
    let row: Claimed | undefined = first;
    while (row) {
      const outcome = await this.#attempt(row);
      if (row.attempts > 0 && outcome !== 'aborted') this.#metrics.webhookRetries.inc();
      if (outcome === 'aborted') return void (await this.#settle(row, sql`"leased_by" = null, "lease_until" = null`));
      if (outcome === 'failed') {
        this.#metrics.webhookDeliveries.inc({ result: 'failure' });
        const nextAt = Date.now() + this.#backoff(row.attempts + 1);
        await this.#settle(
          row,
          sql`"attempts" = "attempts" + 1, "next_at" = ${iso(nextAt)}, "leased_by" = null, "lease_until" = null`,
        );
        return this.#wakeAt(nextAt);
      }
      this.#metrics.webhookDeliveries.inc({ result: 'success' });
      await sql`delete from "webhook_outbox" where "endpoint" = ${row.endpoint} and "channel_id" = ${row.channel_id} and "seq" = ${row.seq}`.execute(
        this.#db,
      );
      row = this.#stop.signal.aborted ? undefined : await this.#claimNext(row.endpoint, row.channel_id);
    }
  }

  /** The delay before attempt `failures + 1`: `retryMs` doubling per failure up to `retryMaxMs`, half of it random. */
  #backoff(failures: number): number {
    const { retryMs, retryMaxMs } = this.#timing;
    const full = Math.min(retryMaxMs, retryMs * 2 ** Math.min(failures - 1, 40));
    return full / 2 + Math.random() * (full / 2);
  }

  /** One POST of a row; never follows a redirect, and any answer but 2xx is a failure. */
  async #attempt(row: Claimed): Promise<Outcome> {
    const endpoint = this.#endpoints.get(row.endpoint);
    if (!endpoint) return 'aborted';
    const where = {
      endpoint: origin(row.endpoint),
      channelId: row.channel_id,
      seq: Number(row.seq),
      attempt: row.attempts + 1,
    };
    try {
      const reply = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Confab-Webhooks',
          'confab-event-id': webhookEventId({ channelId: row.channel_id, seq: Number(row.seq) }),
          'confab-signature': signWebhook(endpoint.secret, row.body),
        },
        body: row.body,
        redirect: 'manual',
        signal: AbortSignal.any([this.#stop.signal, AbortSignal.timeout(this.#timing.timeoutMs)]),
      });
      await reply.arrayBuffer().catch(() => {});
      if (reply.status >= 200 && reply.status < 300) return 'delivered';
      this.#log.warn({ ...where, status: reply.status }, 'webhook delivery refused');
      return 'failed';
    } catch (error) {
      if (this.#stop.signal.aborted) return 'aborted';
      this.#log.warn({ ...where, err: error }, 'webhook delivery failed');
      return 'failed';
    }
  }

  /** Updates a row this process holds (a lease lost meanwhile leaves it to its new holder). */
  async #settle(row: Claimed, set: RawBuilder<unknown>): Promise<void> {
    await sql`update "webhook_outbox" set ${set} where "endpoint" = ${row.endpoint} and "channel_id" = ${row.channel_id} and "seq" = ${row.seq} and "leased_by" = ${this.#me}`.execute(
      this.#db,
    );
  }

  /** Leases up to `limit` heads that are due and not leased, from any channel of a configured endpoint. */
  async #claimHeads(limit: number): Promise<Claimed[]> {
    const now = Date.now();
    const lock = this.#postgres ? sql`for update skip locked` : sql``;
    const { rows } = await sql<Claimed>`
      update "webhook_outbox" set "leased_by" = ${this.#me}, "lease_until" = ${iso(now + this.#leaseMs)}
      where ("endpoint", "channel_id", "seq") in (
        select o."endpoint", o."channel_id", o."seq" from "webhook_outbox" o
        where o."endpoint" in (${sql.join([...this.#endpoints.keys()])})
          and o."next_at" <= ${iso(now)}
          and (o."lease_until" is null or o."lease_until" <= ${iso(now)})
          and not exists (
            select 1 from "webhook_outbox" p
            where p."endpoint" = o."endpoint" and p."channel_id" = o."channel_id" and p."seq" < o."seq"
          )
        order by o."next_at"
        limit ${limit}
        ${lock}
      )
      and ("lease_until" is null or "lease_until" <= ${iso(now)})
      returning "endpoint", "channel_id", "seq", "body", "attempts"
    `.execute(this.#db);
    return rows;
  }

  /** Leases the next head of one channel for one endpoint, if it is due and free. */
  async #claimNext(endpoint: string, channelId: string): Promise<Claimed | undefined> {
    const now = Date.now();
    const { rows } = await sql<Claimed>`
      update "webhook_outbox" set "leased_by" = ${this.#me}, "lease_until" = ${iso(now + this.#leaseMs)}
      where "endpoint" = ${endpoint} and "channel_id" = ${channelId}
        and "seq" = (select min("seq") from "webhook_outbox" where "endpoint" = ${endpoint} and "channel_id" = ${channelId})
        and "next_at" <= ${iso(now)}
        and ("lease_until" is null or "lease_until" <= ${iso(now)})
      returning "endpoint", "channel_id", "seq", "body", "attempts"
    `.execute(this.#db);
    return rows[0];
  }

  /** Events owed to the configured endpoints, and how long the oldest has waited. */
  async #backlog(): Promise<{ pending: number; oldestSeconds: number }> {
    const { rows } = await sql<{ n: number | string; oldest: string | null }>`
      select count(*) as "n", min("created_at") as "oldest" from "webhook_outbox"
      where "endpoint" in (${sql.join([...this.#endpoints.keys()])})
    `.execute(this.#db);
    const row = rows[0];
    const oldest = row?.oldest ? (Date.now() - Date.parse(row.oldest)) / 1000 : 0;
    return { pending: Number(row?.n ?? 0), oldestSeconds: Math.max(0, oldest) };
  }
}

/** An endpoint as logs name it: its origin (a path or query may hold a token). */
function origin(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : '?';
}
