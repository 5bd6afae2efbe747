import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The Prometheus metrics of one server instance. */
export function createMetrics() {
  const registry = new Registry();
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
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
