import { parseArgs } from 'node:util';
import type { Scope } from '@confab/protocol';
import { loadSecret } from './auth/secret.js';
import { ALL_SCOPES, TokenSigner } from './auth/tokens.js';
import { configFromEnv, type ServerConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import { migrate } from './db/migrations.js';
import { startServer } from './server.js';

const usage = `Usage:
  confab-server [--port N] [--host H] [--data-dir DIR]
      Runs the Confab reference server (SQLite in DIR unless DATABASE_URL is set).
  confab-server token --user NAME [--name "Display Name"] [--scope "chat:read chat:write"] [--ttl SECONDS] [--data-dir DIR]
      Prints a host-app token for NAME, signed with this deployment's secret, for local use.
  confab-server migrate [--data-dir DIR]
      Brings the database schema up to date, then exits. The server does this on start too, safely when
      several processes start at once (PostgreSQL advisory lock); run it alone before a rolling deploy.

Environment: PORT, HOST, CONFAB_DATA_DIR, DATABASE_URL, REDIS_URL, CONFAB_JWT_SECRET, CONFAB_JWKS_URL,
CONFAB_ALLOWED_ORIGINS, CONFAB_TRUST_PROXY, CONFAB_SEND_RATE, CONFAB_PRESENCE_TTL_MS, CONFAB_GAP_CHECK_MS, LOG_LEVEL
(see the README for all of them).`;

/** Runs the `confab-server` command line. */
export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      user: { type: 'string' },
      name: { type: 'string' },
      scope: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(usage);
  const overrides: Partial<ServerConfig> = {
    ...(values.port !== undefined ? { port: Number(values.port) } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values['data-dir'] !== undefined ? { dataDir: values['data-dir'] } : {}),
  };
  const config = configFromEnv(process.env, overrides);

  if (positionals[0] === 'token') {
    if (!values.user) throw new Error(`token needs --user NAME\n\n${usage}`);
    const signer = new TokenSigner(loadSecret(config.jwtSecret, config.dataDir));
    const scopes = values.scope
      ? (values.scope.split(/\s+/) as Scope[]).filter((s) => ALL_SCOPES.includes(s))
      : ALL_SCOPES;
    const longest = config.hostTokenMaxTtlSeconds;
    const ttl = values.ttl ? Number(values.ttl) : longest;
    if (!(ttl >= 0 && ttl <= longest))
      throw new Error(`--ttl must be 0 to ${longest} seconds (CONFAB_HOST_TOKEN_MAX_TTL), not "${values.ttl}"`);
    return void console.log(await signer.hostToken(values.user, values.name ?? values.user, scopes, ttl));
  }
  if (positionals[0] === 'migrate') {
    const database = openDatabase(config);
    try {
      await migrate(database.db);
    } finally {
      await database.db.destroy();
    }
    return void console.log(`Schema up to date (storage: ${database.location})`);
  }
  if (positionals.length) throw new Error(`unknown command "${positionals[0]}"\n\n${usage}`);

  const server = await startServer(config);
  console.log(`Confab server listening on ${server.url} (storage: ${server.storage})`);
  if (server.metricsUrl) console.log(`Metrics for your scraper on ${server.metricsUrl}`);
  const stop = (signal: string) => {
    console.log(`${signal}: draining…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
