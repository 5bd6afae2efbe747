import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@confab/server';

/** The reference server with its default limits, on SQLite in a temporary directory. */
export interface ReferenceServer {
  url: string;
  jwtSecret: string;
  /** Stops the server and removes its data directory. */
  close(): Promise<void>;
}

/** Starts the reference server on an ephemeral port (fast password hashing, no logs, `/metrics` public for `ops.metrics`). */
export async function startReference(): Promise<ReferenceServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-kit-'));
  const jwtSecret = randomBytes(32).toString('base64url');
  const server = await startServer({
    port: 0,
    dataDir,
    logLevel: 'silent',
    passwordCost: 4,
    jwtSecret,
    metrics: 'public',
  });
  return {
    url: server.url,
    jwtSecret,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
