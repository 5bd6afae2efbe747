import { resolve } from 'node:path';

/** Everything a server process can be told; `startServer` fills the gaps with {@link defaultConfig}. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Folder for the SQLite file and the generated secret. */
  dataDir: string;
  /** PostgreSQL connection string; SQLite in `dataDir` when unset. */
  databaseUrl: string | undefined;
  /** Redis for fan-out across processes; in-process when unset. */
  redisUrl: string | undefined;
  /** Signs access tokens and verifies host-app tokens; generated once into `dataDir` when unset. */
  jwtSecret: string | undefined;
  /** Where a host publishes the public keys (JWKS) its app tokens are signed with (RS256, ES256, EdDSA…). */
  jwksUrl: string | undefined;
  /** Origins allowed to open the socket and call the API from a browser; `undefined` = any. */
  allowedOrigins: string[] | undefined;
  /** Messages per second per user (the burst is ten times this). */
  sendRate: number;
  /** Auth attempts per second per client address (the burst is ten times this). */
  authRate: number;
  /** Frames per second per socket (the burst is ten times this). */
  frameRate: number;
  /** Largest JSON body, in bytes. */
  bodyLimit: number;
  /** Largest socket frame, in bytes. */
  frameLimit: number;
  /** How many missed events a `subscribe` replays before answering `resync`. */
  replayWindow: number;
  /** How often clients ping; a socket silent for two periods is dropped. */
  heartbeatMs: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  ticketTtlSeconds: number;
  /** bcrypt cost factor for built-in passwords. */
  passwordCost: number;
  /** pino level, or `silent`. */
  logLevel: string;
}

export const defaultConfig: ServerConfig = {
  port: 8787,
  host: '127.0.0.1',
  dataDir: './data',
  databaseUrl: undefined,
  redisUrl: undefined,
  jwtSecret: undefined,
  jwksUrl: undefined,
  allowedOrigins: undefined,
  sendRate: 10,
  authRate: 10,
  frameRate: 50,
  bodyLimit: 64 * 1024,
  frameLimit: 64 * 1024,
  replayWindow: 1000,
  heartbeatMs: 25_000,
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  ticketTtlSeconds: 30,
  passwordCost: 10,
  logLevel: 'info',
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

/** Reads the 12-factor configuration from the environment; command-line flags (`overrides`) win. */
export function configFromEnv(env: Env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const origins = env.CONFAB_ALLOWED_ORIGINS?.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const config: ServerConfig = {
    port: number('PORT', env.PORT, defaultConfig.port),
    host: env.HOST || defaultConfig.host,
    dataDir: env.CONFAB_DATA_DIR || defaultConfig.dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    jwtSecret: env.CONFAB_JWT_SECRET || undefined,
    jwksUrl: httpUrl('CONFAB_JWKS_URL', env.CONFAB_JWKS_URL),
    allowedOrigins: origins?.length ? origins : undefined,
    sendRate: number('CONFAB_SEND_RATE', env.CONFAB_SEND_RATE, defaultConfig.sendRate),
    authRate: number('CONFAB_AUTH_RATE', env.CONFAB_AUTH_RATE, defaultConfig.authRate),
    frameRate: number('CONFAB_FRAME_RATE', env.CONFAB_FRAME_RATE, defaultConfig.frameRate),
    bodyLimit: number('CONFAB_BODY_LIMIT', env.CONFAB_BODY_LIMIT, defaultConfig.bodyLimit),
    frameLimit: number('CONFAB_FRAME_LIMIT', env.CONFAB_FRAME_LIMIT, defaultConfig.frameLimit),
    replayWindow: number('CONFAB_REPLAY_WINDOW', env.CONFAB_REPLAY_WINDOW, defaultConfig.replayWindow),
    heartbeatMs: number('CONFAB_HEARTBEAT_MS', env.CONFAB_HEARTBEAT_MS, defaultConfig.heartbeatMs),
    accessTokenTtlSeconds: number('CONFAB_ACCESS_TTL', env.CONFAB_ACCESS_TTL, defaultConfig.accessTokenTtlSeconds),
    refreshTokenTtlSeconds: defaultConfig.refreshTokenTtlSeconds,
    ticketTtlSeconds: number('CONFAB_TICKET_TTL', env.CONFAB_TICKET_TTL, defaultConfig.ticketTtlSeconds),
    passwordCost: number('CONFAB_PASSWORD_COST', env.CONFAB_PASSWORD_COST, defaultConfig.passwordCost),
    logLevel: env.LOG_LEVEL || defaultConfig.logLevel,
    ...overrides,
  };
  return { ...config, dataDir: resolve(config.dataDir) };
}
