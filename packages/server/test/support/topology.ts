import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import pg from 'pg';
import { cliBuilt } from './cli-server.js';
import { type Nginx, nginxAvailable, startNginx } from './nginx.js';
import { adminUrl, postgresReachable } from './postgres.js';
import { type PrivateRedis, redisServerInstalled, startPrivateRedis } from './redis-server.js';
import { freePort } from './topology-ports.js';
import { ServerProcess } from './topology-server.js';

/** Why the scale-out tests cannot run here, or undefined when they can (in CI a missing part fails instead). */
export async function topologyUnavailable(): Promise<string | undefined> {
  if (!cliBuilt()) {
    if (process.env.CI) throw new Error('confab-server is not built: run `npm run build` first');
    return 'confab-server is not built (npm run build)';
  }
  if (!nginxAvailable()) return 'nginx is not installed';
  if (!redisServerInstalled()) return 'redis-server is not installed';
  if (!(await postgresReachable())) return `PostgreSQL is not reachable at ${adminUrl}`;
  return undefined;
}

/** Three (or `processes`) confab-server processes on one PostgreSQL database and one Redis, behind nginx. */
export interface Topology {
  /** nginx: what clients use. */
  nginx: Nginx;
  servers: ServerProcess[];
  redis: PrivateRedis;
  databaseUrl: string;
  /** The deployment's shared CONFAB_JWT_SECRET. */
  jwtSecret: string;
  /** Every exit no test asked for so far, with the output before it. */
  crashes(): string[];
}

export interface TopologyOptions {
  processes?: number;
  /** More environment for every process (limits, heartbeat…). */
  env?: NodeJS.ProcessEnv;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Starts the topology for test `t`: a fresh PostgreSQL database, a private redis-server, the processes (all at
 * once, so that their migrations race as in a real deploy) and nginx rendered from deploy/nginx/confab.conf.
 * Everything is stopped and removed after `t`, also when it fails.
 */
export async function startTopology(t: TestContext, options: TopologyOptions = {}): Promise<Topology> {
  const stops: Array<() => Promise<unknown>> = [];
  t.after(async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  });

  const database = `confab_scale_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${database}`);
  stops.push(() => admin(`drop database if exists ${database} with (force)`));
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;

  const dataDir = await mkdtemp(join(tmpdir(), 'confab-scale-'));
  stops.push(() => rm(dataDir, { recursive: true, force: true }));

  const redis = await startPrivateRedis(t);

  const jwtSecret = randomBytes(32).toString('hex');
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redis.url,
    CONFAB_JWT_SECRET: jwtSecret,
    CONFAB_DATA_DIR: dataDir,
    CONFAB_PASSWORD_COST: '4',
    CONFAB_TRUST_PROXY: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const ports = new Set<number>([Number(new URL(redis.url).port)]);
  while (ports.size <= (options.processes ?? 3)) ports.add(await freePort());
  const servers = [...ports].slice(1).map((port, i) => new ServerProcess(`server-${i + 1}`, port, env));
  stops.push(() => Promise.all(servers.map((s) => s.stop('SIGKILL'))));
  await Promise.all(servers.map((s) => s.start()));
  await Promise.all(servers.map((s) => s.ready()));

  const nginx = await startNginx(servers.map((s) => `127.0.0.1:${s.port}`));
  stops.push(() => nginx.stop());

  return {
    nginx,
    servers,
    redis,
    databaseUrl: databaseUrl.toString(),
    jwtSecret,
    crashes: () => servers.flatMap((s) => s.crashes),
  };
}
