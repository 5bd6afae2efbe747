import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The reference server's command line (needs `npm run build`). */
export const cliPath = fileURLToPath(new URL('../../../server/bin/confab-server.js', import.meta.url));

const baseEnv = { CONFAB_PASSWORD_COST: '4', LOG_LEVEL: 'silent' };

/** A reference server in a child process, on a fixed port once started, with its own data directory. */
export interface TestServer {
  /** `http://127.0.0.1:PORT` — the same across restarts. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the process (SIGTERM drains, SIGKILL does not) and waits for it to exit. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again after `stop`, on the same port and data directory. */
  start(): Promise<void>;
  /** Stops it and starts it again on the same port and data directory. */
  restart(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Freezes the process (SIGSTOP) — a dead peer that still holds its sockets open — or thaws it (SIGCONT). */
  freeze(frozen: boolean): void;
  /** A host-app token for `user`, signed with this server's secret (`confab-server token`). */
  token(user: string, ttlSeconds?: number, scope?: string): Promise<string>;
  /** Kills the process and removes the data directory. */
  dispose(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
  /** Set when we stop it; any other exit is reported. */
  stopping: boolean;
}

function launch(port: number, dataDir: string, env: Record<string, string>, timeoutMs = 15_000): Promise<Running> {
  const child = spawn(
    process.execPath,
    [cliPath, '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir],
    {
      env: { ...process.env, ...baseEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    let started = false;
    const fail = (why: string) => {
      if (started) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}\n${output.slice(-2000)}`));
    };
    const timer = setTimeout(() => fail(`confab-server printed no URL within ${timeoutMs} ms`), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (started) return;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      started = true;
      const running: Running = { child, url, exited, stopping: false };
      child.once('exit', (code, signal) => {
        if (!running.stopping)
          console.error(`confab-server ${url} exited by itself (${code ?? signal})\n${output.slice(-2000)}`);
      });
      resolve(running);
    });
    child.once('exit', (code, signal) => fail(`confab-server exited early (code ${code}, signal ${signal})`));
    child.once('error', (error) => fail(`confab-server did not start: ${error.message}`));
  });
}

/**
 * Starts `confab-server` on an ephemeral port with a fresh data directory. `env` tunes it
 * (`CONFAB_REPLAY_WINDOW`, `CONFAB_ACCESS_TTL`, `CONFAB_SEND_RATE`, …). Call `dispose` when done.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-core-'));
  let running: Running;
  try {
    running = await launch(0, dataDir, env);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const url = running.url;
  const port = Number(new URL(url).port);
  let current: Running | undefined = running;

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const proc = current;
    current = undefined;
    if (!proc) return;
    proc.stopping = true;
    if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill(signal);
    await proc.exited;
  };

  const start = async () => {
    if (current) return;
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        current = await launch(port, dataDir, env);
        return;
      } catch (error) {
        lastError = error; // the port may linger for a moment after a kill
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw lastError;
  };

  return {
    url,
    port,
    dataDir,
    stop,
    start,
    async restart(signal = 'SIGTERM') {
      await stop(signal);
      await start();
    },
    freeze(frozen) {
      current?.child.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
    },
    async token(user, ttlSeconds, scope) {
      const args = [cliPath, 'token', '--user', user, '--data-dir', dataDir];
      if (ttlSeconds !== undefined) args.push('--ttl', String(ttlSeconds));
      if (scope !== undefined) args.push('--scope', scope);
      const { stdout } = await promisify(execFile)(process.execPath, args, {
        env: { ...process.env, ...baseEnv, ...env },
        timeout: 15_000,
      });
      const token = /[\w-]+\.[\w-]+\.[\w-]+/.exec(stdout)?.[0];
      if (!token) throw new Error(`confab-server token printed no JWT: ${stdout.slice(0, 300)}`);
      return token;
    },
    async dispose() {
      await stop('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
