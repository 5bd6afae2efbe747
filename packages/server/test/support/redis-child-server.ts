import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./redis-child-main.ts', import.meta.url));

/** Runs `confab-server` (from source, through tsx) with `env` in a child process. */
function spawnCli(args: string[], env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', CONFAB_PASSWORD_COST: '4', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A server process that a test can kill without warning. */
export interface ChildServer {
  url: string;
  /** `kill -9`: no drain, no goodbye to Redis. Resolves once it has exited. */
  kill(): Promise<void>;
}

/** Starts a server in a child process (port 0 on loopback) and resolves with its URL; it is killed after `t`. */
export async function startChildServer(t: TestContext, env: Record<string, string>): Promise<ChildServer> {
  const child = spawnCli([], { PORT: '0', HOST: '127.0.0.1', ...env });
  const exited = once(child, 'exit');
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  t.after(kill);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL from the child server:\n${output}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`the child server exited with ${code}:\n${output}`)));
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { url, kill };
}

/** Runs `confab-server migrate` in a child process; resolves with its exit code and output. */
export async function runMigrate(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawnCli(['migrate'], env);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}
