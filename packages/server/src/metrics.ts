import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Reads how many events the webhook outbox owes, and how long the oldest has waited. */
type WebhookBacklog = () => Promise<{ pending: number; oldestSeconds: number }>;

/** The Prometheus metrics of one server instance. */
export function createMetrics() {
  const registry = new Registry();
  let webhookBacklog: WebhookBacklog | undefined;
  collectDefaultMetrics({ register: registry, prefix: 'confab_process_' });
  return {
    registry,
    requestDuration: new Histogram({
      name: 'confab_http_request_duration_seconds',
      help: 'HTTP request durations by route, method and status.',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    openSockets: new Gauge({ name: 'confab_open_sockets', help: 'Open WebSocket connections.', registers: [registry] }),
    messagesStored: new Counter({
      name: 'confab_messages_stored_total',
      help: 'Messages stored.',
      registers: [registry],
    }),
    fanoutLatency: new Histogram({
      name: 'confab_fanout_latency_seconds',
      help: 'Time from an event being committed to its frame being written to a socket.',
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    webhookDeliveries: new Counter({
      name: 'confab_webhook_deliveries_total',
      help: 'Webhook delivery attempts by result: success (a 2xx answer) or failure (to be retried).',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    webhookRetries: new Counter({
      name: 'confab_webhook_retries_total',
      help: 'Webhook delivery attempts that retried an event after a failed one.',
      registers: [registry],
    }),
    webhookPending: new Gauge({
      name: 'confab_webhook_pending',
      help: 'Webhook deliveries waiting in the outbox (all processes, all configured endpoints).',
      registers: [registry],
      async collect() {
        if (webhookBacklog) this.set((await webhookBacklog()).pending);
      },
    }),
    webhookOldestPending: new Gauge({
      name: 'confab_webhook_oldest_pending_seconds',
      help: 'How long the oldest webhook delivery in the outbox has waited; 0 when none waits.',
      registers: [registry],
      async collect() {
        if (webhookBacklog) this.set((await webhookBacklog()).oldestSeconds);
      },
    }),
    /** Makes the webhook gauges read the outbox when they are scraped. */
    watchWebhookBacklog(read: WebhookBacklog) {
      webhookBacklog = read;
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
