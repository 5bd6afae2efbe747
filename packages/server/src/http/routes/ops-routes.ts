import { readFile } from 'node:fs/promises';
import { openapiDocument } from '@confab/protocol';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../metrics.js';
import { packageFile } from '../../package-root.js';
import { CompressedFile } from '../compressed-file.js';
import { BUNDLE_NOT_BUILT, locateElementsBundle } from '../elements-bundle.js';
import { pagePolicy } from '../security-headers.js';

/**
 * The drop-in bundle's URL carries no version, so caches keep it for five minutes and then ask again (a
 * cheap 304 while it is unchanged): a new release reaches every page within five minutes of a deploy.
 */
const BUNDLE_CACHE = 'public, max-age=300, must-revalidate';

/** What the ops routes need from the server. */
export interface OpsDeps {
  metrics: Metrics;
  /** Whether `GET /metrics` is served on this port (`CONFAB_METRICS=public`). */
  metricsPublic: boolean;
  ready: () => Promise<{ database: boolean; bus: boolean; draining: boolean }>;
}

/** Tag `ops` (served at the root, not under /api/v1), the demo page and the drop-in bundle. */
export function opsRoutes(app: FastifyInstance, deps: OpsDeps): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const { database, bus, draining } = await deps.ready();
    const status = draining ? 'draining' : database && bus ? 'ready' : 'unavailable';
    return reply.code(status === 'ready' ? 200 : 503).send({ status, checks: { database, bus } });
  });
  if (deps.metricsPublic) {
    app.get('/metrics', async (_request, reply) =>
      reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
    );
  }
  app.get('/openapi.json', async () => openapiDocument);

  const demoPage = packageFile('public/index.html');
  app.get('/', async (_request, reply) => {
    const html = await readFile(demoPage, 'utf8');
    return reply.type('text/html; charset=utf-8').header('content-security-policy', pagePolicy(html)).send(html);
  });

  const favicon = new CompressedFile(packageFile('public/favicon.svg'), {
    contentType: 'image/svg+xml',
    cacheControl: 'public, max-age=86400',
  });
  app.get('/favicon.svg', async (request, reply) =>
    (await favicon.reply(request, reply)) ? reply : reply.callNotFound(),
  );

  let bundle: CompressedFile | undefined;
  app.get('/sdk/elements.js', async (request, reply) => {
    // Host pages load it with <script> from their own origin; this says they may (also under COEP).
    reply.header('cross-origin-resource-policy', 'cross-origin');
    const location = bundle ? undefined : locateElementsBundle();
    if (location && 'path' in location)
      bundle = new CompressedFile(location.path, {
        contentType: 'text/javascript; charset=utf-8',
        cacheControl: BUNDLE_CACHE,
      });
    if (await bundle?.reply(request, reply)) return reply;
    const why = location && 'missing' in location ? location.missing : BUNDLE_NOT_BUILT; // or it vanished
    return reply
      .code(404)
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(`console.error(${JSON.stringify(`Confab: ${why}`)});\n`);
  });
}
