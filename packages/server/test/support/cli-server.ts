import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The `confab-server` executable of this package. */
export const cliPath = fileURLToPath(new URL('../../bin/confab-server.js', import.meta.url));

/** Whether `npm run build` has produced what the CLI runs. */
export const cliBuilt = (): boolean =>
  existsSync(cliPath) && existsSync(fileURLToPath(new URL('../../dist/cli.js', import.meta.url)));

const cliEnv = (): NodeJS.ProcessEnv => ({ ...process.env, CONFAB_PASSWORD_COST: '4', LOG_LEVEL: 'silent' });

/** A temporary data directory; `remove` deletes it. */
export async function tempDataDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'confab-cli-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A server running in a child process. */
export interface CliServer {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `confab-server` on an ephemeral port and resolves once it prints its URL; it is killed in `after`. */
export function spawnCliServer(dataDir: string, timeoutMs = 15_000): Promise<CliServer> {
  const child = spawn(process.execPath, [cliPath, '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
    env: cliEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  after(() => stop('SIGKILL'));
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}\nstdout: ${stdout.slice(-2000)}\nstderr: ${stderr.slice(-2000)}`));
    };
    const timer = setTimeout(() => fail(`confab-server printed no URL within ${timeoutMs} ms`), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[0], child, exited, stop });
      }
    });
    child.once('exit', (code, signal) => fail(`confab-server exited early (code ${code}, signal ${signal})`));
    child.once('error', (error) => fail(`confab-server did not start: ${error.message}`));
  });
}

/** Runs `confab-server token --user NAME` on a data directory and returns what it prints. */
export async function cliToken(dataDir: string, user: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [cliPath, 'token', '--user', user, '--data-dir', dataDir],
    {
      env: cliEnv(),
      timeout: 15_000,
    },
  );
  const token = /[\w-]+\.[\w-]+\.[\w-]+/.exec(stdout)?.[0];
  if (!token) throw new Error(`confab-server token printed no JWT: ${stdout.slice(0, 500)}`);
  return token;
}
