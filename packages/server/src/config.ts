import { resolve } from 'node:path';
import type { S3Config } from './blobs/s3-blob-store.js';
import { checkAllowList } from './previews/safe-address.js';
import { DEFAULT_UPLOAD_TYPES, parseUploadTypes } from './uploads/upload-types.js';
import { type WebhookEndpoint, type WebhookTiming, webhooksFromEnv } from './webhooks/webhook-config.js';

/** Everything a server process can be told; `startServer` fills the gaps with {@link defaultConfig}. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Folder for the SQLite file and the generated secret. */
  dataDir: string;
  /** PostgreSQL connection string; SQLite in `dataDir` when unset. */
  databaseUrl: string | undefined;
  /**
   * Redis (`redis://` or `rediss://`) for many processes: fan-out, presence, the send rate and sign-in
   * backoff shared by the deployment. In-process when unset.
   */
  redisUrl: string | undefined;
  /** With Redis: how long a process's users stay online after it stops renewing its heartbeat (it renews every third). */
  presenceTtlMs: number;
  /** With Redis: how often each subscribed channel's head in the log is compared with what its sockets have. */
  gapCheckMs: number;
  /** Signs access tokens and verifies host-app tokens; generated once into `dataDir` when unset. */
  jwtSecret: string | undefined;
  /** Where a host publishes the public keys (JWKS) its app tokens are signed with (RS256, ES256, EdDSA…). */
  jwksUrl: string | undefined;
  /** Origins allowed to open the socket and call the API from a browser; `undefined` = any. */
  allowedOrigins: string[] | undefined;
  /**
   * The proxies (addresses or CIDRs) in front of the server whose `X-Forwarded-For` names the client, so
   * per-address limits count clients rather than the proxy; `undefined` = the peer address is the client.
   */
  trustProxy: string[] | undefined;
  /** Messages per second per user (the burst is ten times this). */
  sendRate: number;
  /** Other writes (edits, deletes, reactions, channels, members, read markers) per second per user; burst ×10. */
  writeRate: number;
  /** Auth attempts per second per client address (the burst is ten times this). */
  authRate: number;
  /** Frames per second per socket (the burst is ten times this). */
  frameRate: number;
  /** Frames per second per user, all their sockets together (the burst is ten times this). */
  userFrameRate: number;
  /** Most sockets one user may hold open; the upgrade past it is refused with 429. */
  maxSocketsPerUser: number;
  /** Bytes a socket may have waiting (unread by the client, or unhandled from it) before it is closed with 4008. */
  socketBacklog: number;
  /** Largest JSON body, in bytes. */
  bodyLimit: number;
  /** Largest socket frame, in bytes. */
  frameLimit: number;
  /** Largest upload, in bytes. */
  uploadLimit: number;
  /** The MIME types an upload may have (read from its bytes). */
  uploadTypes: readonly string[];
  /** How long an upload no message references is kept (ms). */
  uploadTtlMs: number;
  /** S3-compatible object storage for uploads (for many processes); files in `dataDir/uploads` when unset. */
  s3: S3Config | undefined;
  /** How many missed events a `subscribe` replays before answering `resync`. */
  replayWindow: number;
  /** How many events one `subscribe` frame replays across all its channels; the rest get `resync`. */
  replayBudget: number;
  /** How often clients ping; a socket silent for two periods is dropped. */
  heartbeatMs: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** A session's absolute lifetime from its sign-in: past it, it cannot be refreshed however often it was. */
  sessionMaxAgeSeconds: number;
  /** The longest lifetime (`exp` − `iat`) a host-app token may have; tokens without `exp` are refused. */
  hostTokenMaxTtlSeconds: number;
  ticketTtlSeconds: number;
  /** bcrypt cost factor for built-in passwords. */
  passwordCost: number;
  /** pino level, or `silent`. */
  logLevel: string;
  /** `public` serves `GET /metrics` on the main port; `off` (the default) does not. */
  metrics: 'off' | 'public';
  /** A separate listener for `GET /metrics` alone, e.g. 9464; none when unset. */
  metricsPort: number | undefined;
  /** Where the separate metrics listener binds. */
  metricsHost: string;
  /** `on` (the default): text messages with a link get a preview of its page, fetched by the server; `off`: none. */
  linkPreviews: 'on' | 'off';
  /**
   * Hosts and addresses link previews may reach although they are private or on another port than 80/443:
   * `host`, `host:port`, an address, `[v6]:port`, `a.b.c.d:port` or a CIDR range (for tests and intranets).
   */
  linkPreviewAllow: string[] | undefined;
  /** Where every committed channel event is POSTed, signed (see the README's Webhooks); none when empty. */
  webhooks: WebhookEndpoint[];
  /** Webhook retries (exponential from `retryMs` to `retryMaxMs`), the timeout of one attempt, and polling. */
  webhookTiming: WebhookTiming;
  /** Usernames of the deployment's administrators (lower case): they may do all an owner may in every channel. */
  admins: string[];
}

export const defaultConfig: ServerConfig = {
  port: 8787,
  host: '127.0.0.1',
  dataDir: './data',
  databaseUrl: undefined,
  redisUrl: undefined,
  presenceTtlMs: 15_000,
  gapCheckMs: 5000,
  jwtSecret: undefined,
  jwksUrl: undefined,
  allowedOrigins: undefined,
  trustProxy: undefined,
  sendRate: 10,
  writeRate: 10,
  authRate: 10,
  frameRate: 50,
  userFrameRate: 100,
  maxSocketsPerUser: 20,
  socketBacklog: 2 * 1024 * 1024,
  bodyLimit: 64 * 1024,
  frameLimit: 64 * 1024,
  uploadLimit: 10 * 1024 * 1024,
  uploadTypes: DEFAULT_UPLOAD_TYPES,
  uploadTtlMs: 24 * 3600 * 1000,
  s3: undefined,
  replayWindow: 1000,
  replayBudget: 5000,
  heartbeatMs: 25_000,
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  sessionMaxAgeSeconds: 90 * 24 * 3600,
  hostTokenMaxTtlSeconds: 24 * 3600,
  ticketTtlSeconds: 30,
  passwordCost: 10,
  logLevel: 'info',
  metrics: 'off',
  metricsPort: undefined,
  metricsHost: '127.0.0.1',
  linkPreviews: 'on',
  linkPreviewAllow: undefined,
  webhooks: [],
  webhookTiming: { retryMs: 1000, retryMaxMs: 10 * 60 * 1000, timeoutMs: 10_000, pollMs: 1000 },
  admins: [],
};

type Env = Record<string, string | undefined>;

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number, not "${value}"`);
  return parsed;
}

function httpUrl(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new Error(`${name} must be an http(s) URL, not "${value}"`);
  return value;
}

function redisUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^rediss?:$/.test(new URL(value).protocol))
    throw new Error(`REDIS_URL must be a redis:// or rediss:// URL, not "${value}"`);
  return value;
}

/** A comma-separated list, or `undefined` when it names nothing. */
function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

/** The S3 settings, when `CONFAB_S3_ENDPOINT` is set; throws when one it needs is missing. */
function s3Config(env: Env): S3Config | undefined {
  const endpoint = httpUrl('CONFAB_S3_ENDPOINT', env.CONFAB_S3_ENDPOINT);
  if (!endpoint) return undefined;
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} must be set with CONFAB_S3_ENDPOINT`);
    return value;
  };
  return {
    endpoint,
    bucket: required('CONFAB_S3_BUCKET'),
    region: env.CONFAB_S3_REGION || 'us-east-1',
    accessKeyId: required('CONFAB_S3_ACCESS_KEY_ID'),
    secretAccessKey: required('CONFAB_S3_SECRET_ACCESS_KEY'),
  };
}

function onOff(name: string, value: string | undefined): 'on' | 'off' {
  if (!value || value === 'on') return 'on';
  if (value === 'off') return 'off';
  throw new Error(`${name} must be "on" or "off", not "${value}"`);
}

function previewAllowList(value: string | undefined): string[] | undefined {
  const entries = list(value);
  if (!entries) return undefined;
  try {
    checkAllowList(entries);
  } catch (error) {
    throw new Error(`CONFAB_LINK_PREVIEW_ALLOW: ${(error as Error).message}`);
  }
  return entries;
}

function webhookTiming(env: Env): WebhookTiming {
  const fallback = defaultConfig.webhookTiming;
  const positive = (name: string, value: string | undefined, otherwise: number) => {
    const parsed = number(name, value, otherwise);
    if (parsed === 0) throw new Error(`${name} must be more than 0`);
    return parsed;
  };
  return {
    retryMs: positive('CONFAB_WEBHOOK_RETRY_MS', env.CONFAB_WEBHOOK_RETRY_MS, fallback.retryMs),
    retryMaxMs: positive('CONFAB_WEBHOOK_RETRY_MAX_MS', env.CONFAB_WEBHOOK_RETRY_MAX_MS, fallback.retryMaxMs),
    timeoutMs: positive('CONFAB_WEBHOOK_TIMEOUT_MS', env.CONFAB_WEBHOOK_TIMEOUT_MS, fallback.timeoutMs),
    pollMs: positive('CONFAB_WEBHOOK_POLL_MS', env.CONFAB_WEBHOOK_POLL_MS, fallback.pollMs),
  };
}

function metricsExposure(value: string | undefined): ServerConfig['metrics'] {
  if (!value || value === 'off') return 'off';
  if (value === 'public') return 'public';
  throw new Error(`CONFAB_METRICS must be "public" or "off", not "${value}"`);
}

/** Reads the 12-factor configuration from the environment; command-line flags (`overrides`) win. */
export function configFromEnv(env: Env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const config: ServerConfig = {
    port: number('PORT', env.PORT, defaultConfig.port),
    host: env.HOST || defaultConfig.host,
    dataDir: env.CONFAB_DATA_DIR || defaultConfig.dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: redisUrl(env.REDIS_URL),
    presenceTtlMs: number('CONFAB_PRESENCE_TTL_MS', env.CONFAB_PRESENCE_TTL_MS, defaultConfig.presenceTtlMs),
    gapCheckMs: number('CONFAB_GAP_CHECK_MS', env.CONFAB_GAP_CHECK_MS, defaultConfig.gapCheckMs),
    jwtSecret: env.CONFAB_JWT_SECRET || undefined,
    jwksUrl: httpUrl('CONFAB_JWKS_URL', env.CONFAB_JWKS_URL),
    allowedOrigins: list(env.CONFAB_ALLOWED_ORIGINS),
    trustProxy: list(env.CONFAB_TRUST_PROXY),
    sendRate: number('CONFAB_SEND_RATE', env.CONFAB_SEND_RATE, defaultConfig.sendRate),
    writeRate: number('CONFAB_WRITE_RATE', env.CONFAB_WRITE_RATE, defaultConfig.writeRate),
    authRate: number('CONFAB_AUTH_RATE', env.CONFAB_AUTH_RATE, defaultConfig.authRate),
    frameRate: number('CONFAB_FRAME_RATE', env.CONFAB_FRAME_RATE, defaultConfig.frameRate),
    userFrameRate: number('CONFAB_USER_FRAME_RATE', env.CONFAB_USER_FRAME_RATE, defaultConfig.userFrameRate),
    maxSocketsPerUser: number(
      'CONFAB_MAX_SOCKETS_PER_USER',
      env.CONFAB_MAX_SOCKETS_PER_USER,
      defaultConfig.maxSocketsPerUser,
    ),
    socketBacklog: number('CONFAB_SOCKET_BACKLOG', env.CONFAB_SOCKET_BACKLOG, defaultConfig.socketBacklog),
    bodyLimit: number('CONFAB_BODY_LIMIT', env.CONFAB_BODY_LIMIT, defaultConfig.bodyLimit),
    frameLimit: number('CONFAB_FRAME_LIMIT', env.CONFAB_FRAME_LIMIT, defaultConfig.frameLimit),
    uploadLimit: number('CONFAB_UPLOAD_LIMIT', env.CONFAB_UPLOAD_LIMIT, defaultConfig.uploadLimit),
    uploadTypes: env.CONFAB_UPLOAD_TYPES ? parseUploadTypes(env.CONFAB_UPLOAD_TYPES) : defaultConfig.uploadTypes,
    uploadTtlMs: number('CONFAB_UPLOAD_TTL_MS', env.CONFAB_UPLOAD_TTL_MS, defaultConfig.uploadTtlMs),
    s3: s3Config(env),
    replayWindow: number('CONFAB_REPLAY_WINDOW', env.CONFAB_REPLAY_WINDOW, defaultConfig.replayWindow),
    replayBudget: number('CONFAB_REPLAY_BUDGET', env.CONFAB_REPLAY_BUDGET, defaultConfig.replayBudget),
    heartbeatMs: number('CONFAB_HEARTBEAT_MS', env.CONFAB_HEARTBEAT_MS, defaultConfig.heartbeatMs),
    accessTokenTtlSeconds: number('CONFAB_ACCESS_TTL', env.CONFAB_ACCESS_TTL, defaultConfig.accessTokenTtlSeconds),
    refreshTokenTtlSeconds: defaultConfig.refreshTokenTtlSeconds,
    sessionMaxAgeSeconds: number(
      'CONFAB_SESSION_MAX_AGE',
      env.CONFAB_SESSION_MAX_AGE,
      defaultConfig.sessionMaxAgeSeconds,
    ),
    hostTokenMaxTtlSeconds: number(
      'CONFAB_HOST_TOKEN_MAX_TTL',
      env.CONFAB_HOST_TOKEN_MAX_TTL,
      defaultConfig.hostTokenMaxTtlSeconds,
    ),
    ticketTtlSeconds: number('CONFAB_TICKET_TTL', env.CONFAB_TICKET_TTL, defaultConfig.ticketTtlSeconds),
    passwordCost: number('CONFAB_PASSWORD_COST', env.CONFAB_PASSWORD_COST, defaultConfig.passwordCost),
    logLevel: env.LOG_LEVEL || defaultConfig.logLevel,
    metrics: metricsExposure(env.CONFAB_METRICS),
    metricsPort: env.CONFAB_METRICS_PORT ? number('CONFAB_METRICS_PORT', env.CONFAB_METRICS_PORT, 0) : undefined,
    metricsHost: env.CONFAB_METRICS_HOST || defaultConfig.metricsHost,
    linkPreviews: onOff('CONFAB_LINK_PREVIEWS', env.CONFAB_LINK_PREVIEWS),
    linkPreviewAllow: previewAllowList(env.CONFAB_LINK_PREVIEW_ALLOW),
    webhooks: webhooksFromEnv(env),
    webhookTiming: webhookTiming(env),
    admins: (list(env.CONFAB_ADMINS) ?? []).map((name) => name.toLowerCase()),
    ...overrides,
  };
  return { ...config, dataDir: resolve(config.dataDir) };
}
