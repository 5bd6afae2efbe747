import { checkServerFrame, type HelloFrame, type ServerFrame } from '@confab/protocol';
import WebSocket from 'ws';
import { CheckFailure, fail, show } from './assert.js';
import { type Transcript, truncate } from './transcript.js';

type FrameType = ServerFrame['type'];
/** The server frame of one `type`. */
export type FrameOf<T extends FrameType> = Extract<ServerFrame, { type: T }>;

/** The socket URL for a ticket: `ws(s)://host/api/v1/ws?ticket=…`. */
export const socketUrl = (baseUrl: string, ticket: string): string =>
  `${baseUrl.replace(/^http/, 'ws')}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`;

/**
 * A check's end of a socket. Received frames wait in a queue that `next`, `waitFor` and `collectUntil`
 * consume in order; `frames` keeps them all. Every frame is checked against its schema: a frame that
 * breaks it fails the check that consumes it, and `close` fails if any did.
 */
export class SocketRecorder {
  readonly frames: ServerFrame[] = [];
  /** Frames that broke the contract, described. */
  readonly invalid: string[] = [];
  /** Resolves with the close code and reason once the socket has closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly #queue: { frame: ServerFrame; problem?: string }[] = [];
  #wake: (() => void) | undefined;
  #isClosed = false;

  constructor(
    readonly ws: WebSocket,
    readonly number: number,
    readonly transcript: Transcript,
    readonly timeoutMs: number,
  ) {
    ws.on('message', (data, isBinary) => this.#receive(isBinary ? '<binary frame>' : data.toString()));
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.#isClosed = true;
        this.transcript.record({ kind: 'socket', socket: number, event: `closed with ${code} ${reason}`.trim() });
        this.#wake?.();
        resolve({ code, reason: reason.toString() });
      });
    });
    ws.on('error', () => {});
  }

  #receive(text: string): void {
    this.transcript.record({ kind: 'frame', direction: 'received', socket: this.number, text: truncate(text) });
    let value: unknown;
    let problem: string | undefined;
    try {
      value = JSON.parse(text);
    } catch {
      problem = `a frame that is not JSON: ${truncate(text, 200)}`;
    }
    if (!problem) {
      const checked = checkServerFrame(value);
      if (!checked.ok) problem = `a frame that breaks its schema (${checked.detail}): ${truncate(text, 300)}`;
    }
    if (problem) this.invalid.push(problem);
    else this.frames.push(value as ServerFrame);
    this.#queue.push(problem ? { frame: value as ServerFrame, problem } : { frame: value as ServerFrame });
    this.#wake?.();
  }

  /** Sends one frame as JSON. */
  send(frame: unknown): void {
    this.sendRaw(JSON.stringify(frame));
  }

  /** Sends text (or bytes) exactly as given. */
  sendRaw(data: string | Buffer): void {
    const text = typeof data === 'string' ? data : `<binary frame of ${data.length} bytes>`;
    this.transcript.record({ kind: 'frame', direction: 'sent', socket: this.number, text: truncate(text) });
    if (this.ws.readyState !== WebSocket.OPEN)
      fail(`socket ${this.number} is closed; cannot send ${truncate(text, 80)}`);
    this.ws.send(data);
  }

  /** The next frame in the queue. */
  async next(timeoutMs = this.timeoutMs): Promise<ServerFrame> {
    const [frame] = await this.collectUntil(() => true, timeoutMs, 'any frame');
    return frame!;
  }

  /** Consumes frames until one of `type` (matching `predicate`) arrives, and returns it. */
  async waitFor<T extends FrameType>(
    type: T,
    predicate: (frame: FrameOf<T>) => boolean = () => true,
    timeoutMs = this.timeoutMs,
  ): Promise<FrameOf<T>> {
    const frames = await this.collectUntil(
      (f) => f.type === type && predicate(f as FrameOf<T>),
      timeoutMs,
      `a "${type}" frame`,
    );
    return frames.at(-1) as FrameOf<T>;
  }

  /** Consumes and returns the frames up to and including the first that matches. */
  async collectUntil(
    predicate: (frame: ServerFrame) => boolean,
    timeoutMs = this.timeoutMs,
    what = 'the expected frame',
  ): Promise<ServerFrame[]> {
    const taken: ServerFrame[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const entry = this.#queue.shift();
      if (entry) {
        if (entry.problem) fail(`socket ${this.number}: the server sent ${entry.problem}`);
        taken.push(entry.frame);
        if (predicate(entry.frame)) return taken;
        continue;
      }
      const recent = taken.length ? `; the last frames were ${show(taken.slice(-4), 800)}` : '; no frame came';
      if (this.#isClosed) fail(`socket ${this.number} closed while waiting for ${what}${recent}`);
      const left = deadline - Date.now();
      if (left <= 0) fail(`socket ${this.number}: no ${what} within ${timeoutMs} ms${recent}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  /**
   * Consumes frames until `done` holds (it is checked first, so frames received earlier count): for
   * conditions over everything received, e.g. "ten acks" or "the event with seq 40".
   */
  async until(done: () => boolean, what: string, timeoutMs = this.timeoutMs): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) fail(`socket ${this.number}: ${what} did not happen within ${timeoutMs} ms`);
      await this.collectUntil(() => true, left, what);
    }
  }

  /** Sends a ping and waits for its pong: every frame the server sent before it is then queued. */
  async roundTrip(timeoutMs = this.timeoutMs): Promise<void> {
    const id = `rt-${Math.random().toString(36).slice(2, 10)}`;
    this.send({ type: 'ping', id });
    await this.waitFor('pong', (f) => f.id === id, timeoutMs);
  }

  /** Closes the socket (if open) and fails if any frame it received broke the contract. */
  async close(): Promise<void> {
    if (!this.#isClosed && this.ws.readyState !== WebSocket.CLOSED) {
      this.ws.close(1000);
      const timer = setTimeout(() => this.ws.terminate(), 2000);
      await this.closed;
      clearTimeout(timer);
    }
    if (this.invalid.length) fail(`socket ${this.number}: the server sent ${this.invalid[0]}`);
  }

  /** Closes the socket at once, without checks (for clean-up). */
  terminate(): void {
    this.ws.terminate();
  }
}

/** A signed-in user's socket, open and past `hello`. */
export interface OpenSocket {
  socket: SocketRecorder;
  hello: HelloFrame;
}

/**
 * Opens a socket with a ticket; resolves once it is open (the `hello` frame waits in the queue). `headers`
 * go with the upgrade request, e.g. an `origin`.
 */
export function connectSocket(
  baseUrl: string,
  ticket: string,
  transcript: Transcript,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<SocketRecorder> {
  const number = transcript.nextSocket();
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl(baseUrl, ticket), { handshakeTimeout: timeoutMs, headers });
    const socket = new SocketRecorder(ws, number, transcript, timeoutMs);
    ws.once('open', () => {
      transcript.record({ kind: 'socket', socket: number, event: 'opened' });
      resolve(socket);
    });
    ws.once('unexpected-response', (_request, response) => {
      response.resume();
      ws.terminate();
      transcript.record({ kind: 'socket', socket: number, event: `upgrade refused with ${response.statusCode}` });
      reject(new CheckFailure(`socket ${number}: the upgrade was refused with HTTP ${response.statusCode}`));
    });
    ws.once('error', (error) => reject(new CheckFailure(`socket ${number}: ${error.message}`)));
  });
}

/**
 * Tries to open a socket the server should refuse (`headers` as for `connectSocket`); resolves with the
 * HTTP status of the refusal.
 */
export function refusedStatus(
  baseUrl: string,
  ticket: string,
  transcript: Transcript,
  timeoutMs: number,
  headers: Record<string, string> = {},
) {
  const number = transcript.nextSocket();
  return new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(socketUrl(baseUrl, ticket), { handshakeTimeout: timeoutMs, headers });
    ws.once('open', () => {
      ws.terminate();
      transcript.record({ kind: 'socket', socket: number, event: 'opened (should have been refused)' });
      reject(new CheckFailure(`socket ${number}: the server accepted a socket it should have refused`));
    });
    ws.once('unexpected-response', (_request, response) => {
      response.resume();
      ws.terminate();
      transcript.record({ kind: 'socket', socket: number, event: `upgrade refused with ${response.statusCode}` });
      resolve(response.statusCode ?? 0);
    });
    ws.on('error', (error) => reject(new CheckFailure(`socket ${number}: ${error.message}`)));
  });
}
