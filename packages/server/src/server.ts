import type { EventFrame } from '@confab/protocol';
import cors from '@fastify/cors';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { loadSecret } from './auth/secret.js';
import { TokenSigner } from './auth/tokens.js';
import { openBlobStore } from './blobs/open-blob-store.js';
import { createScaleOut } from './bus/scale-out.js';
import { defaultConfig, type ServerConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import { ChatError } from './errors.js';
import { startMetricsListener } from './http/metrics-listener.js';
import { installProblemHandlers, sendProblem } from './http/problems.js';
import { authRoutes } from './http/routes/auth-routes.js';
import { blocksRoutes } from './http/routes/blocks-routes.js';
import { channelsRoutes } from './http/routes/channels-routes.js';
import { membersRoutes } from './http/routes/members-routes.js';
import { messagesRoutes } from './http/routes/messages-routes.js';
import { moderationRoutes } from './http/routes/moderation-routes.js';
import { opsRoutes } from './http/routes/ops-routes.js';
import { pinsRoutes } from './http/routes/pins-routes.js';
import { reactionsRoutes } from './http/routes/reactions-routes.js';
import { reportsRoutes } from './http/routes/reports-routes.js';
import { searchRoutes } from './http/routes/search-routes.js';
import { uploadsRoutes } from './http/routes/uploads-routes.js';
import { usersRoutes } from './http/routes/users-routes.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { newId } from './ids.js';
import { createMetrics } from './metrics.js';
import { LinkPreviews } from './previews/link-previews.js';
import { createAddressPolicy } from './previews/safe-address.js';
import { RateLimiter } from './rate-limit.js';
import { sqlPins } from './repository/sql-pins.js';
import { sqlReports } from './repository/sql-reports.js';
import { createSqlRepository } from './repository/sql-repository.js';
import { sqlSearch } from './repository/sql-search.js';
import { sqlUploads } from './repository/sql-uploads.js';
import { AuthService } from './services/auth-service.js';
import { BlockService } from './services/block-service.js';
import { ChannelService } from './services/channel-service.js';
import { MessageService } from './services/message-service.js';
import { ModerationService } from './services/moderation-service.js';
import { PinService } from './services/pin-service.js';
import { ReportService } from './services/report-service.js';
import { SearchService } from './services/search-service.js';
import { UploadLinks } from './uploads/upload-links.js';
import { UploadService } from './uploads/upload-service.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';
import { withWebhookOutbox } from './webhooks/outbox.js';
import { checkWebhookEndpoints } from './webhooks/webhook-config.js';
import { installGateway } from './ws/gateway.js';
import { ChannelHub } from './ws/hub.js';

/** A listening server. */
export interface RunningServer {
  /** `http://host:port` */
  url: string;
  port: number;
  config: ServerConfig;
  /** Where the data lives (the SQLite file or the PostgreSQL URL without its password). */
  storage: string;
  /** The separate metrics listener's `http://host:port/metrics`, when `metricsPort` is set. */
  metricsUrl: string | undefined;
  /** Graceful shutdown: not ready, sockets closed with 1012, in-flight requests drained, storage closed. */
  close(): Promise<void>;
}

/**
 * Starts the reference server: REST under /api/v1, the socket at /api/v1/ws, ops endpoints at the root.
 * @example const server = await startServer({ port: 0, dataDir: './data' }); console.log(server.url);
 */
export async function startServer(options: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const config: ServerConfig = { ...defaultConfig, ...options };
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
    requestIdHeader: 'x-request-id',
    genReqId: () => newId(),
    frameworkErrors: (error, request, reply) => {
      void sendProblem(
        reply as FastifyReply,
        request,
        new ChatError('invalid_request', `The URL is malformed (${error.code}).`),
      );
    },
  });
  const webhookEndpoints = checkWebhookEndpoints(config.webhooks, 'webhooks');
  const database = withWebhookOutbox(openDatabase(config), webhookEndpoints);
  const repo = await createSqlRepository(database);
  const scaleOut = await createScaleOut(config, app.log);
  const { bus } = scaleOut;
  const secret = loadSecret(config.jwtSecret, config.dataDir);
  const signer = new TokenSigner(secret, config.jwksUrl, config.hostTokenMaxTtlSeconds);
  const metrics = createMetrics();
  const webhooks =
    webhookEndpoints.length === 0
      ? undefined
      : new WebhookDispatcher({
          ...database,
          endpoints: webhookEndpoints,
          timing: config.webhookTiming,
          metrics,
          log: app.log,
        });
  const publish = async (events: readonly EventFrame[]) => {
    if (events.length > 0) webhooks?.wake();
    for (const frame of events) await bus.publish({ kind: 'event', frame });
  };

  const auth = new AuthService(
    repo,
    signer,
    config,
    (userId) => bus.publish({ kind: 'signed-out', userId }),
    scaleOut.loginBackoff,
  );
  const { sendLimit, writeLimit, authLimit } = scaleOut;
  const channels = new ChannelService(repo, publish, bus, config.replayWindow, writeLimit, config.admins);
  const uploads = new UploadService(sqlUploads(database.db), openBlobStore(config), new UploadLinks(secret), {
    types: config.uploadTypes,
    ttlMs: config.uploadTtlMs,
    writeLimiter: writeLimit,
    log: app.log,
  });
  const previews =
    config.linkPreviews === 'on'
      ? new LinkPreviews({ repo, publish, policy: createAddressPolicy(config.linkPreviewAllow), log: app.log })
      : undefined;
  const messages = new MessageService(
    repo,
    channels,
    publish,
    sendLimit,
    writeLimit,
    () => metrics.messagesStored.inc(),
    uploads,
    (userIds, frame) => bus.publish({ kind: 'mention', userIds, frame }),
    previews,
  );

  app.removeContentTypeParser('text/plain');
  let draining = false;
  installProblemHandlers(app);
  installSecurityHeaders(app);
  await app.register(cors, {
    origin: config.allowedOrigins ?? true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requestDuration.observe(
      { route, method: request.method, status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });

  const authenticate = async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new ChatError('unauthorized', 'Send "Authorization: Bearer <token>".');
    return auth.authenticate(match[1]);
  };
  const context = {
    app,
    authenticate,
    auth,
    channels,
    messages,
    uploads,
    authLimiter: authLimit,
    writeLimiter: writeLimit,
  };
  for (const routes of [authRoutes, usersRoutes, channelsRoutes, membersRoutes, messagesRoutes, reactionsRoutes])
    routes(context);
  await uploadsRoutes(context, { uploadLimit: config.uploadLimit });
  reportsRoutes(context, new ReportService(sqlReports(database.db), repo, channels, writeLimit, uploads));
  blocksRoutes(context, new BlockService(repo, writeLimit));
  moderationRoutes(context, new ModerationService(repo, channels, publish, writeLimit, config.admins));
  // Searches per user: as many as writes (in this process; a search costs more than a write's check).
  searchRoutes(context, new SearchService(sqlSearch(database.db), channels, scaleOut.searchLimit, uploads.linked));
  pinsRoutes(context, new PinService(sqlPins(database.db), repo, channels, publish, writeLimit, uploads.linked));
  opsRoutes(app, {
    metrics,
    metricsPublic: config.metrics === 'public',
    ready: async () => ({ database: await repo.ping(), bus: await bus.ping(), draining }),
  });

  const hub = new ChannelHub(repo, bus, metrics, {
    replayWindow: config.replayWindow,
    presence: scaleOut.presence,
    gapCheckMs: scaleOut.gapCheckMs,
    outgoing: uploads.linkedEvent,
  });
  const gateway = await installGateway(app, {
    hub,
    bus,
    auth,
    channels,
    messages,
    metrics,
    allowedOrigins: config.allowedOrigins,
    frameLimiter: new RateLimiter(config.frameRate, config.frameRate * 10),
    userFrameLimiter: new RateLimiter(config.userFrameRate, config.userFrameRate * 10),
    maxSocketsPerUser: config.maxSocketsPerUser,
    socketBacklog: config.socketBacklog,
    replayBudget: config.replayBudget,
    typingLimiter: new RateLimiter(1, 1),
    frameLimit: config.frameLimit,
    heartbeatMs: config.heartbeatMs,
  });

  await app.listen({ port: config.port, host: config.host }).catch(async (error: unknown) => {
    hub.close();
    await uploads.close();
    await scaleOut.close();
    await repo.close();
    throw error;
  });
  uploads.startSweeping();
  await webhooks?.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const metricsListener =
    config.metricsPort === undefined
      ? undefined
      : await startMetricsListener(metrics, { port: config.metricsPort, host: config.metricsHost }).catch(
          async (error: unknown) => {
            await app.close();
            throw error;
          },
        );

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    config,
    storage: database.location,
    metricsUrl: metricsListener?.url,
    close() {
      closing ??= (async () => {
        draining = true;
        gateway.closeAll(1012, 'server restarting');
        await Promise.all([app.close(), metricsListener?.close()]);
        await auth.close();
        hub.close();
        await previews?.close();
        await webhooks?.close();
        await uploads.close();
        await scaleOut.close();
        await repo.close();
      })();
      return closing;
    },
  };
}
