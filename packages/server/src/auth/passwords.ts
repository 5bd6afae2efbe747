import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ChatError } from '../errors.js';

/**
 * The worker's code, inline so that it runs the same from source (tsx) and from the bundle. It loads
 * bcryptjs from the URL it is given and answers one job at a time.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.bcryptjs).then(({ default: bcrypt }) => {
  parentPort.on('message', ({ op, password, saltOrHash }) => {
    try {
      const result = op === 'hash' ? bcrypt.hashSync(password, saltOrHash) : bcrypt.compareSync(password, saltOrHash);
      parentPort.postMessage({ result });
    } catch (error) {
      parentPort.postMessage({ error: String(error) });
    }
  });
});
`;

type Job = {
  op: 'hash' | 'compare';
  password: string;
  saltOrHash: string | number;
  resolve(result: unknown): void;
  reject(error: Error): void;
};

/** Jobs each worker may have waiting before new ones are refused with 503, so a flood cannot queue unbounded. */
const QUEUE_PER_WORKER = 64;

/**
 * Hashes and checks built-in passwords with bcrypt on a pool of worker threads (one per core, started on
 * first use), so a flood of sign-ins never blocks the event loop that answers everything else.
 */
export class PasswordHasher {
  readonly #cost: number;
  readonly #size: number;
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Job>();
  readonly #queue: Job[] = [];
  #workers: Worker[] = [];
  #decoy: Promise<string> | undefined;
  #closed = false;

  constructor(cost: number, size = availableParallelism()) {
    this.#cost = cost;
    this.#size = Math.max(1, size);
  }

  /** Hashes a built-in password at the configured cost. */
  hash(password: string): Promise<string> {
    return this.#run('hash', password, this.#cost) as Promise<string>;
  }

  /**
   * Checks a password against its hash; with no hash (no such user) it checks against a decoy of the same
   * cost, so the time taken does not reveal whether a username exists.
   */
  async verify(password: string, hash: string | null | undefined): Promise<boolean> {
    const decoy = this.#decoyHash();
    const ok = (await this.#run('compare', password, hash ?? (await decoy))) as boolean;
    return ok && !!hash;
  }

  /** The decoy hash, made once ahead of need; one that failed (queue full, server stopping) is made again next time. */
  #decoyHash(): Promise<string> {
    if (this.#decoy) return this.#decoy;
    const decoy = this.hash('not-a-password');
    decoy.catch(() => {
      if (this.#decoy === decoy) this.#decoy = undefined;
    });
    this.#decoy = decoy;
    return decoy;
  }

  /** Stops the workers; jobs still waiting fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new ChatError('unavailable', 'The server is stopping.'));
    const workers = this.#workers;
    this.#workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #run(op: Job['op'], password: string, saltOrHash: string | number): Promise<unknown> {
    if (this.#closed) return Promise.reject(new ChatError('unavailable', 'The server is stopping.'));
    if (this.#queue.length >= this.#size * QUEUE_PER_WORKER)
      return Promise.reject(new ChatError('unavailable', 'Too many passwords are being checked; retry shortly.'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ op, password, saltOrHash, resolve, reject });
      this.#next();
    });
  }

  #next(): void {
    if (this.#queue.length === 0) return;
    const worker = this.#idle.pop() ?? (this.#workers.length < this.#size ? this.#start() : undefined);
    if (!worker) return;
    const job = this.#queue.shift()!;
    this.#busy.set(worker, job);
    worker.postMessage({ op: job.op, password: job.password, saltOrHash: job.saltOrHash });
  }

  #start(): Worker {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { bcryptjs: import.meta.resolve('bcryptjs') },
    });
    this.#workers.push(worker);
    worker.on('message', ({ result, error }: { result?: unknown; error?: string }) => {
      const job = this.#busy.get(worker);
      this.#busy.delete(worker);
      if (error === undefined) job?.resolve(result);
      else job?.reject(new Error(error));
      this.#idle.push(worker);
      this.#next();
    });
    worker.on('error', (error) => this.#lose(worker, error));
    worker.on('exit', () => this.#lose(worker, new Error('the password worker stopped')));
    return worker;
  }

  /** A worker died: its job fails, and a fresh worker takes over the queue (unless closing). */
  #lose(worker: Worker, error: Error): void {
    this.#busy.get(worker)?.reject(error);
    this.#busy.delete(worker);
    this.#workers = this.#workers.filter((w) => w !== worker);
    const idle = this.#idle.indexOf(worker);
    if (idle >= 0) this.#idle.splice(idle, 1);
    if (!this.#closed) this.#next();
  }
}
