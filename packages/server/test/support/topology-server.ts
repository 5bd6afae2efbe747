import { type ChildProcess, spawn } from 'node:child_process';
import { cliPath } from './cli-server.js';
import { killOnExit } from './topology-children.js';
import { waitUntil } from './topology-ports.js';

/** How a process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One `confab-server` child process (the built CLI, bin/confab-server.js) on a fixed loopback port, so that it
 * can be killed and started again behind the same nginx upstream line.
 */
export class ServerProcess {
  #child: ChildProcess | undefined;
  #exited: Promise<Exit> = Promise.resolve({ code: 0, signal: null });
  #output = '';
  /** Exits nobody asked for (a crash), with the output before them. */
  readonly crashes: string[] = [];
  #stopping = false;

  constructor(
    readonly name: string,
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** The end of what it printed (stdout and stderr). */
  get output(): string {
    return this.#output.slice(-4000);
  }

  /** Starts it and resolves once it prints its URL. */
  async start(timeoutMs = 20_000): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    this.#stopping = false;
    const child = spawn(process.execPath, [cliPath], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    killOnExit(child);
    let listening = false;
    const keep = (chunk: Buffer) => {
      this.#output = (this.#output + chunk.toString()).slice(-20_000);
      listening ||= this.#output.includes(`listening on ${this.url}`);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.#exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        if (!this.#stopping) this.crashes.push(`${this.name} exited (${code ?? signal}): ${this.output}`);
        resolve({ code, signal });
      }),
    );
    await waitUntil(
      () => {
        if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}: ${this.output}`);
        return listening;
      },
      `${this.name} listening`,
      timeoutMs,
    );
  }

  /** Sends `signal` and waits for the exit (SIGTERM: the graceful drain; SIGKILL: a crash). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> {
    this.#stopping = true;
    if (this.running) this.#child?.kill(signal);
    return this.#exited;
  }

  /** The sockets it holds, from its `confab_open_sockets` gauge (needs `CONFAB_METRICS=public`). */
  async openSockets(): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    const sample = /^confab_open_sockets (\d+)/m.exec(text);
    if (!sample) throw new Error(`${this.name} /metrics has no confab_open_sockets`);
    return Number(sample[1]);
  }

  /** Resolves once `GET /readyz` answers 200. */
  async ready(timeoutMs = 20_000): Promise<void> {
    const isReady = () =>
      fetch(`${this.url}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
    await waitUntil(isReady, `${this.name} ready`, timeoutMs, 100);
  }
}
