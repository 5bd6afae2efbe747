import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderConfabNginx } from './nginx-template.js';
import { killOnExit } from './topology-children.js';
import { accepts, freePort, waitUntil } from './topology-ports.js';

/** The nginx binary the tests run (Debian's package); `NGINX` overrides it. */
export const nginxBinary = process.env.NGINX ?? '/usr/sbin/nginx';

/** Whether nginx is installed. In CI it must be: a CI run without it fails instead of skipping. */
export function nginxAvailable(): boolean {
  const found = existsSync(nginxBinary);
  if (!found && process.env.CI) throw new Error(`nginx is not installed at ${nginxBinary}`);
  return found;
}

/** A private nginx in front of some server processes. */
export interface Nginx {
  /** `http://127.0.0.1:port` */
  url: string;
  port: number;
  /** The end of nginx's error log (for a failing test's message). */
  errorLog(): Promise<string>;
  /** Stops nginx (SIGTERM to the master; it ends its workers) and removes its folder. */
  stop(): Promise<void>;
}

/** The main file: nginx.conf around the rendered deploy/nginx/confab.conf (`dir`/confab.conf), every path inside `dir`. */
export function nginxMainConfig(dir: string): string {
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  return `worker_processes 1;
error_log ${join(dir, 'error.log')} warn;
pid ${join(dir, 'nginx.pid')};
events { worker_connections 8192; }
worker_rlimit_nofile 20000;
http {
    access_log off;
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
    include ${join(dir, 'confab.conf')};
}
`;
}

/**
 * Starts nginx on a free loopback port with deploy/nginx/confab.conf rendered for `upstreams` (`host:port`
 * each), and resolves once it accepts connections.
 */
export async function startNginx(upstreams: readonly string[]): Promise<Nginx> {
  const dir = await mkdtemp(join(tmpdir(), 'confab-nginx-'));
  // Workers run as an unprivileged user when the master is root: they must reach the folder and its temp paths.
  await chmod(dir, 0o755);
  for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    await mkdir(join(dir, name));
    await chmod(join(dir, name), 0o777);
  }
  const port = await freePort();
  await writeFile(join(dir, 'confab.conf'), renderConfabNginx({ listen: `127.0.0.1:${port}`, upstreams }));
  await writeFile(join(dir, 'nginx.conf'), nginxMainConfig(dir));
  const errorLog = () =>
    readFile(join(dir, 'error.log'), 'utf8').then(
      (log) => log.slice(-3000),
      () => '',
    );

  const child: ChildProcess = spawn(nginxBinary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  killOnExit(child, 'SIGTERM');
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}`);
      return accepts(port);
    }, 'nginx accepting connections');
  } catch (error) {
    const log = await errorLog();
    await stop();
    throw new Error(`${(error as Error).message}\n${log}`);
  }
  return { url: `http://127.0.0.1:${port}`, port, errorLog, stop };
}
