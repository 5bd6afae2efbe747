import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, type TestContext } from 'node:test';
import { type ServerConfig, startServer } from '../../src/index.js';

/** A server on an ephemeral port with its own temporary data directory. */
export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  /** Where the data lives, as the server names it (no credentials). */
  storage: string;
  /** The HS256 secret the server signs and verifies tokens with. */
  jwtSecret: string;
  /** Stops the server and removes its data directory; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a server for one test file (or one test, when `t` is given) and stops it in the matching
 * `after` hook. Auth is not rate-limited unless a test asks for it.
 */
export async function startTestServer(overrides: Partial<ServerConfig> = {}, t?: TestContext): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-test-'));
  const jwtSecret = overrides.jwtSecret ?? randomBytes(32).toString('base64url');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'silent',
    passwordCost: 4,
    authRate: 1000,
    ...overrides,
    jwtSecret,
  }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= server.close().finally(() => rm(dataDir, { recursive: true, force: true }));
    return closing;
  };
  if (t) t.after(close);
  else after(close);
  return { url: server.url, port: server.port, dataDir, storage: server.storage, jwtSecret, close };
}
