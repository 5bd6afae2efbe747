import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openapiDocument } from '@confab/protocol';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../metrics.js';
import { packageFile } from '../../package-root.js';
import { CompressedFile } from '../compressed-file.js';

/**
 * The drop-in bundle's URL carries no version, so caches keep it for five minutes and then ask again (a
 * cheap 304 while it is unchanged): a new release reaches every page within five minutes of a deploy.
 */
const BUNDLE_CACHE = 'public, max-age=300, must-revalidate';

/** Where the drop-in bundle of `@confab/elements` is, once it has been built. */
function elementsBundlePath(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('@confab/elements/bundle');
  } catch {
    return undefined;
  }
}

/** Tag `ops` (served at the root, not under /api/v1), the demo page and the drop-in bundle. */
export function opsRoutes(
  app: FastifyInstance,
  deps: { metrics: Metrics; ready: () => Promise<{ database: boolean; bus: boolean; draining: boolean }> },
): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const { database, bus, draining } = await deps.ready();
    const status = draining ? 'draining' : database && bus ? 'ready' : 'unavailable';
    return reply.code(status === 'ready' ? 200 : 503).send({ status, checks: { database, bus } });
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
  );
  app.get('/openapi.json', async () => openapiDocument);

  const demoPage = packageFile('public/index.html');
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(await readFile(demoPage)));

  const favicon = new CompressedFile(packageFile('public/favicon.svg'), {
    contentType: 'image/svg+xml',
    cacheControl: 'public, max-age=86400',
  });
  app.get('/favicon.svg', async (request, reply) => (await favicon.reply(request, reply)) ?? reply.callNotFound());

  let bundle: CompressedFile | undefined;
  app.get('/sdk/elements.js', async (request, reply) => {
    const path = bundle ? undefined : elementsBundlePath();
    if (path)
      bundle = new CompressedFile(path, { contentType: 'text/javascript; charset=utf-8', cacheControl: BUNDLE_CACHE });
    const sent = await bundle?.reply(request, reply);
    if (sent) return sent;
    return reply
      .code(404)
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-store')
      .send('console.error("Confab: the @confab/elements bundle is not built; run `npm run build`.");\n');
  });
}
