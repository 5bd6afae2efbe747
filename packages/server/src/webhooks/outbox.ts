import type { EventFrame } from '@confab/protocol';
import { type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect.js';
import type { Db } from '../repository/sql-shared.js';
import type { WebhookEndpoint } from './webhook-config.js';

/*
 * The webhook outbox: one row per event per endpoint in `webhook_outbox`, keyed by (endpoint URL, channel,
 * seq), holding the exact JSON body to POST. It is written by the transaction that stores the event (so an
 * event is owed to the host app exactly when it is committed), and a row is deleted once its endpoint answered
 * 2xx: the table holds only what is still owed. Per (endpoint, channel) only the lowest-`seq` row, the head,
 * is ever delivered; a process claims it with a lease (`leased_by`, `lease_until`) and keeps its retry state
 * (`attempts`, `next_at`) on it, so a failing event holds its channel back while other channels proceed.
 */

/** A row of `webhook_outbox` about to be written. */
interface OutboxRow {
  endpoint: string;
  channelId: string;
  seq: number;
  body: string;
}

/** The id a webhook gives an event (its `id` and `Confab-Event-Id`): the same on every retry. */
export const webhookEventId = (event: Pick<EventFrame, 'channelId' | 'seq'>): string =>
  `${event.channelId}:${event.seq}`;

/** The body POSTed for an event, from its already serialised `data`. */
export function webhookBody(event: EventFrame, data: string): string {
  const head = {
    id: webhookEventId(event),
    channelId: event.channelId,
    seq: event.seq,
    kind: event.kind,
    at: event.at,
  };
  return `${JSON.stringify(head).slice(0, -1)},"data":${data}}`;
}

/** Rows per insert statement (well under both dialects' limits on bound parameters). */
const ROWS_PER_STATEMENT = 1000;

/**
 * Marks a database handle as one whose committed events are owed to webhook endpoints. It is a Kysely plugin
 * only so that it travels with the handle into every transaction made from it (it changes no query): the
 * event-writing code finds it on the transaction it is given. Without it, nothing is queued and no SQL runs.
 */
export class WebhookOutbox implements KyselyPlugin {
  constructor(readonly endpoints: readonly WebhookEndpoint[]) {}

  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }

  /** The rows owed for `events` (whose serialised data is `data`), for the endpoints that want their kind. */
  rowsFor(events: readonly EventFrame[], data: readonly string[]): OutboxRow[] {
    const rows: OutboxRow[] = [];
    for (const [i, event] of events.entries()) {
      let body: string | undefined;
      for (const endpoint of this.endpoints) {
        if (endpoint.kinds && !endpoint.kinds.includes(event.kind)) continue;
        body ??= webhookBody(event, data[i] ?? JSON.stringify(event.data));
        rows.push({ endpoint: endpoint.url, channelId: event.channelId, seq: event.seq, body });
      }
    }
    return rows;
  }
}

/** `handle` with every event committed through it owed to `endpoints`; itself when there are none. */
export function withWebhookOutbox(handle: DatabaseHandle, endpoints: readonly WebhookEndpoint[]): DatabaseHandle {
  return endpoints.length === 0 ? handle : { ...handle, db: handle.db.withPlugin(new WebhookOutbox(endpoints)) };
}

/** The outbox marker on `db` (or the handle the transaction `db` was made from), if webhooks are on. */
export function outboxOf(db: Db): WebhookOutbox | undefined {
  for (const plugin of db.getExecutor().plugins) if (plugin instanceof WebhookOutbox) return plugin;
  return undefined;
}

async function insertRows(trx: Db, rows: OutboxRow[]): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await sql`insert into "webhook_outbox" ("endpoint", "channel_id", "seq", "body", "created_at", "next_at") values ${sql.join(
      rows
        .slice(i, i + ROWS_PER_STATEMENT)
        .map((row) => sql`(${row.endpoint}, ${row.channelId}, ${row.seq}, ${row.body}, ${at}, ${at})`),
    )}`.execute(trx);
  }
}

/** Queues `events` for the webhook endpoints inside `trx` (one statement); nothing when webhooks are off. */
export async function queueWebhooks(trx: Db, events: readonly EventFrame[], data: readonly string[]): Promise<void> {
  const outbox = outboxOf(trx);
  if (!outbox) return;
  const rows = outbox.rowsFor(events, data);
  if (rows.length > 0) await insertRows(trx, rows);
}

/** A group commit's events, gathered and queued for the webhooks with one statement by `flush`. */
export interface WebhookBatch {
  add(events: readonly EventFrame[], data: readonly string[]): void;
  flush(): Promise<void>;
}

const OFF: WebhookBatch = { add() {}, flush: async () => {} };

/** A {@link WebhookBatch} on `trx`; one that does nothing when webhooks are off. */
export function webhookBatch(trx: Db): WebhookBatch {
  const outbox = outboxOf(trx);
  if (!outbox) return OFF;
  let rows: OutboxRow[] = [];
  return {
    add(events, data) {
      rows.push(...outbox.rowsFor(events, data));
    },
    async flush() {
      const taken = rows;
      rows = [];
      if (taken.length > 0) await insertRows(trx, taken);
    },
  };
}
