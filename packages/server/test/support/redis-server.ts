import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { TestContext } from 'node:test';

/**
 * Whether `redis-server` can be run here. In CI it must: a CI run without it fails instead of silently
 * skipping the Redis tests.
 */
export function redisServerInstalled(): boolean {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!found && process.env.CI) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
  return found;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** A private Redis for one test: in memory only, on a free loopback port. */
export interface PrivateRedis {
  url: string;
  /** Kills it at once (SIGKILL, its data gone), then starts it again on the same port. */
  restart(): Promise<void>;
  /** Kills it; resolves once it has exited. */
  stop(): Promise<void>;
  /** Starts it again (empty) on the same port after {@link stop}. */
  start(): Promise<void>;
}

/** Starts a private `redis-server` (no persistence) that is killed after `t`. */
export async function startPrivateRedis(t: TestContext): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      started.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    started.stdout?.resume();
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  t.after(stop);
  return {
    url: `redis://127.0.0.1:${port}`,
    async restart() {
      await stop();
      await start();
    },
    stop,
    start,
  };
}
