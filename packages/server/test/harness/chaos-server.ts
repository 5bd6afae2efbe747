import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./chaos-server-main.ts', import.meta.url));

/** A server process that has loaded its code and waits to be told to start. */
interface Warm {
  child: ChildProcess;
  exited: Promise<void>;
}

/** How a restart stops the process: a graceful drain, or a crash. */
export type StopSignal = 'SIGTERM' | 'SIGKILL';

/** A free loopback port (the server keeps it across restarts, behind the proxy). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/**
 * The reference server in a child process (from source, through tsx) on a fixed port and data directory, so
 * that it can be stopped with SIGTERM or SIGKILL and started again with the same data behind the same port.
 */
export class ServerProcess {
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();
  #output = '';
  #crashes = 0;
  #spare: Warm | undefined;
  #disposed = false;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {}

  /** Makes a data directory and a port, and starts the server. */
  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const dataDir = await mkdtemp(join(tmpdir(), 'confab-chaos-'));
    const server = new ServerProcess(await freePort(), dataDir, env);
    try {
      await server.start();
    } catch (error) {
      await server.dispose();
      throw error;
    }
    return server;
  }

  /** `http://127.0.0.1:PORT`, straight to the server (no proxy). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.#child !== undefined;
  }

  /** How often the process exited without being told to. */
  get crashes(): number {
    return this.#crashes;
  }

  /** Starts the process (a few attempts: a port may linger after a kill) and waits until it listens. */
  async start(timeoutMs = 30_000): Promise<void> {
    if (this.#child) return;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.#launch(deadline - Date.now());
      } catch (error) {
        if (Date.now() + 500 >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  /** Stops the process with `signal` and waits for it to exit. */
  async stop(signal: StopSignal): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await this.#exited;
  }

  /** Kills the process (if any) and removes the data directory; safe to call twice. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    const spare = this.#spare;
    this.#spare = undefined;
    spare?.child.kill('SIGKILL');
    await Promise.all([this.stop('SIGKILL'), spare?.exited]);
    await rm(this.dataDir, { recursive: true, force: true });
  }

  /** The last lines the server printed (for a report when it misbehaves). */
  get output(): string {
    return this.#output.slice(-4000);
  }

  /**
   * A process with the server's code loaded, waiting for a line on stdin to open the database and listen: a
   * restart then costs what a server's start costs, not what loading its code under a busy CPU costs.
   */
  #warm(): Warm {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', entry, '--port', String(this.port), '--host', '127.0.0.1', '--data-dir', this.dataDir],
      { env: { ...process.env, ...this.env }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const orphaned = () => child.kill('SIGKILL'); // the harness died: take the server with it
    process.once('exit', orphaned);
    child.once('exit', () => process.off('exit', orphaned));
    child.once('error', () => {}); // reported by `#launch` as an early exit
    return { child, exited };
  }

  #launch(timeoutMs: number): Promise<void> {
    const { child, exited } = this.#spare ?? this.#warm();
    this.#spare = undefined;
    const record = (chunk: Buffer) => {
      this.#output = (this.#output + chunk.toString()).slice(-20_000);
    };
    let printed = '';
    child.stderr?.on('data', record);
    child.once('exit', () => {
      if (this.#child !== child) return;
      this.#child = undefined;
      this.#crashes++;
    });
    return new Promise((resolve, reject) => {
      let started = false;
      const fail = (why: string) => {
        if (started) return;
        started = true;
        clearTimeout(timer);
        child.kill('SIGKILL');
        void exited.then(() => reject(new Error(`${why}\n${this.output}`)));
      };
      const timer = setTimeout(() => fail(`the server did not listen within ${timeoutMs} ms`), timeoutMs);
      child.stdout?.on('data', (chunk: Buffer) => {
        record(chunk);
        printed += chunk.toString();
        if (started || !/listening on http/.test(printed)) return;
        started = true;
        clearTimeout(timer);
        this.#child = child;
        this.#exited = exited;
        if (!this.#disposed) this.#spare = this.#warm();
        resolve();
      });
      void exited.then(() => fail(`the server exited early (code ${child.exitCode}, signal ${child.signalCode})`));
      child.stdin?.end('start\n');
    });
  }
}
