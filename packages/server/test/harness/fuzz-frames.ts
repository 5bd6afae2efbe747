import { checkServerFrame, type ServerFrame } from '@confab/protocol';
import fc from 'fast-check';
import WebSocket from 'ws';
import { honours, mutations, validArbitrary } from './fuzz-schema.js';
import type { FuzzWorld } from './fuzz-world.js';

/** A frame to send, and whether the contract says it must be refused. */
export interface FuzzFrame {
  data: string | Buffer;
  invalid: boolean;
  label: string;
}

/** The codes that answer a frame that breaks its schema (or the size limit). */
const SCHEMA_CODES = new Set(['invalid_frame', 'unknown_frame_type', 'payload_too_large']);
/** Frames other activity may interleave with the answers to a batch. */
const NOTICES = new Set(['event', 'presence', 'added', 'typing', 'unsubscribed']);
const CLIENT_FRAME = { $ref: '#/components/schemas/ClientFrame' };
const FRAME_TYPES = ['SubscribeFrame', 'UnsubscribeFrame', 'SendFrame', 'TypingFrame', 'ReadFrame', 'PingFrame'];

/** A socket that keeps every frame the server sends, for batches that end with ping → pong. */
export class FrameSocket {
  readonly #received: unknown[] = [];
  #wake: (() => void) | undefined;
  #closed: { code: number; reason: string } | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        frame = { unparsable: data.toString().slice(0, 200) };
      }
      this.#received.push(frame);
      this.#wake?.();
    });
    ws.on('close', (code, reason) => {
      this.#closed = { code, reason: reason.toString() };
      this.#wake?.();
    });
    ws.on('error', () => {});
  }

  /** Opens a socket with a fresh ticket for `token`. */
  static async open(baseUrl: string, token: string): Promise<FrameSocket> {
    const reply = await fetch(`${baseUrl}/api/v1/auth/ws-ticket`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const { ticket } = (await reply.json()) as { ticket: string };
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new FrameSocket(ws);
  }

  /**
   * Sends the frames, then a ping, and returns every frame received up to its pong (the pong excluded);
   * throws when the socket closes or no pong comes.
   */
  async exchange(frames: (string | Buffer)[], pingId: string, timeoutMs = 15_000): Promise<unknown[]> {
    const start = this.#received.length;
    for (const frame of frames) this.ws.send(frame);
    this.ws.send(JSON.stringify({ type: 'ping', id: pingId }));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.#received.findIndex(
        (f, i) => i >= start && (f as ServerFrame).type === 'pong' && (f as { id?: string }).id === pingId,
      );
      if (index >= 0) return this.#received.splice(0, index + 1).slice(start, index);
      if (this.#closed) throw new Error(`the socket closed (${this.#closed.code} ${this.#closed.reason})`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no pong within ${timeoutMs} ms`);
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

  close(): void {
    this.ws.terminate();
  }
}

/** Frames of every kind: valid ones from the schemas, one-change mutations of them, and noise. */
export function frameArbitrary(world: FuzzWorld, frameLimit: number): fc.Arbitrary<FuzzFrame> {
  const valid = fc.oneof(
    ...FRAME_TYPES.map((name) => validArbitrary({ $ref: `#/components/schemas/${name}` }, world.hints)),
  );
  const mutated = fc
    .tuple(valid, fc.nat())
    .map(([frame, n]) => {
      const options = mutations(CLIENT_FRAME, frame, 'frame');
      return options[n % options.length]!;
    })
    .map((v) => ({ data: JSON.stringify(v.value) ?? 'undefined', label: v.label }));
  const noise = fc.oneof(
    fc.string({ maxLength: 200 }).map((s) => ({ data: s, label: 'a random string' })),
    fc.json({ maxDepth: 4 }).map((s) => ({ data: s, label: 'random JSON' })),
    fc
      .jsonValue({ maxDepth: 3 })
      .map((v) => ({ data: JSON.stringify({ type: 'send', ...Object(v) }), label: 'a random send' })),
    fc.uint8Array({ maxLength: 64 }).map((b) => ({ data: Buffer.from(b), label: 'a binary frame' })),
    fc
      .constantFrom('{', '[]', 'null', '{"type":null}', '{"type":"__proto__"}', '{"type":"constructor"}', '\u0000')
      .map((s) => ({ data: s, label: s })),
    fc.constant({
      data: JSON.stringify({ type: 'ping', id: 'x'.repeat(frameLimit) }),
      label: 'a frame over the limit',
    }),
    fc
      .integer({ min: 2000, max: 20_000 })
      .map((depth) => ({ data: `${'['.repeat(depth)}${']'.repeat(depth)}`, label: 'deeply nested JSON' })),
  );
  return fc
    .oneof(
      {
        weight: 2,
        arbitrary: valid.map((v) => ({ data: JSON.stringify(v), label: `a valid ${(v as { type: string }).type}` })),
      },
      { weight: 4, arbitrary: mutated },
      { weight: 3, arbitrary: noise },
    )
    .map((f) => ({ ...f, invalid: !isValidFrame(f.data, frameLimit) }));
}

function isValidFrame(data: string | Buffer, frameLimit: number): boolean {
  if (typeof data !== 'string' || Buffer.byteLength(data) > frameLimit) return false;
  try {
    return honours(CLIENT_FRAME, JSON.parse(data));
  } catch {
    return false;
  }
}

/**
 * Why the frames answering a batch are wrong, or undefined: every frame honours its schema, nothing is an
 * `internal_error`, and each refused frame got its error (exactly one each, when the whole batch was bad).
 */
export function frameVerdict(batch: FuzzFrame[], answers: unknown[]): string | undefined {
  for (const answer of answers) {
    const checked = checkServerFrame(answer);
    if (!checked.ok)
      return `a frame that breaks its schema (${checked.detail}): ${JSON.stringify(answer).slice(0, 200)}`;
    if (checked.value.type === 'error' && checked.value.code === 'internal_error') return 'an internal_error frame';
  }
  const refusals = (answers as ServerFrame[]).filter((f) => f.type === 'error' && SCHEMA_CODES.has(f.code)).length;
  const invalid = batch.filter((f) => f.invalid).length;
  if (invalid === batch.length) {
    const others = (answers as ServerFrame[]).filter((f) => f.type !== 'error' && !NOTICES.has(f.type));
    if (others.length) return `bad frames answered ${others.map((f) => f.type).join(', ')}`;
    if (refusals !== invalid) return `${invalid} bad frames answered ${refusals} schema errors`;
  } else if (refusals < invalid) {
    return `${invalid} bad frames answered only ${refusals} schema errors`;
  }
  return undefined;
}
