import { randomUUID } from 'node:crypto';
import type { TestContext } from 'node:test';
import pg from 'pg';
import type { ServerConfig } from '../../src/index.js';
import { startTestServer, type TestServer } from './test-server.js';

/** The PostgreSQL server the tests create their databases on (trusted on loopback in CI). */
export const adminUrl = process.env.CONFAB_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(sql: string, values: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * Whether PostgreSQL answers at {@link adminUrl}. In CI it must: a CI run that cannot reach it fails
 * instead of silently skipping the PostgreSQL tests.
 */
export async function postgresReachable(): Promise<boolean> {
  const reachable = await admin('select 1').then(
    () => true,
    () => false,
  );
  if (!reachable && process.env.CI) throw new Error(`PostgreSQL is not reachable at ${adminUrl}`);
  return reachable;
}

/** A fresh, empty database; `drop` removes it. */
async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `confab_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * A fresh database for the test `t`: `start` runs a test server on it. After `t`, the servers are closed and
 * then the database is dropped.
 */
export async function testDatabase(t: TestContext) {
  const database = await createTestDatabase();
  const servers: TestServer[] = [];
  t.after(async () => {
    for (const server of servers) await server.close();
    await database.drop();
  });
  const start = async (overrides: Partial<ServerConfig> = {}): Promise<TestServer> => {
    const server = await startTestServer({ ...overrides, databaseUrl: database.url }, t);
    servers.push(server);
    return server;
  };
  return { url: database.url, start };
}

/** Ends every connection to the database at `url` from the server side, as a restart or failover would. */
export function terminateConnections(url: string): Promise<number> {
  const name = new URL(url).pathname.slice(1);
  return admin('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
}
