import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from '../metrics.js';
import { API_POLICY, COMMON_HEADERS } from './security-headers.js';

/** A listener that serves `GET /metrics` and nothing else. */
export interface MetricsListener {
  /** `http://host:port/metrics` */
  url: string;
  /** Stops listening and drops open (keep-alive) connections. */
  close(): Promise<void>;
}

/**
 * Serves the Prometheus metrics on their own port, so the main port can face the internet while only
 * the scraper reaches this one (bind it to a private address).
 */
export async function startMetricsListener(
  metrics: Metrics,
  options: { port: number; host: string },
): Promise<MetricsListener> {
  const server = createServer((request, response) => {
    response.setHeader('content-security-policy', API_POLICY);
    for (const [name, value] of Object.entries(COMMON_HEADERS)) response.setHeader(name, value);
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Only GET /metrics is here.\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Metrics failed.\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
