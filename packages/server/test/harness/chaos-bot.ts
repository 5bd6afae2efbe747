import WS from 'ws';
import { type ChannelRoom, type ChatClient, createChatClient, type Message } from '../../../core/src/index.js';
import type { Random } from './chaos-random.js';

/** `ws` as the WebSocket constructor the client expects (Node 20 has none built in). */
export const NodeWebSocket = WS as unknown as typeof WebSocket;

/** What went over a bot's sockets, as far as the figures need it. */
export interface WireCounts {
  /** `send` frames written (first transmissions and retransmissions). */
  sendFrames: number;
  /** `resync` frames received (the server could not replay everything that was missed). */
  resyncs: number;
  /** `error` frames received, by code. */
  errors: Record<string, number>;
  /** Connections closed, by close code (1006: cut without a close frame). */
  closes: Record<string, number>;
}

/** `ws`, counting into `counts`. */
function countingSocket(counts: WireCounts): typeof WebSocket {
  class CountingWebSocket extends WS {
    constructor(...args: ConstructorParameters<typeof WS>) {
      super(...args);
      const send = this.send.bind(this) as (data: unknown) => void;
      this.send = ((data: unknown) => {
        if (typeof data === 'string' && data.startsWith('{"type":"send"')) counts.sendFrames++;
        send(data);
      }) as WS['send'];
    }

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'close') counts.closes[String(args[0])] = (counts.closes[String(args[0])] ?? 0) + 1;
      if (event === 'message') {
        const text = String(args[0]);
        if (text.includes('"type":"resync"')) counts.resyncs++;
        else if (text.includes('"type":"error"')) {
          const { code } = JSON.parse(text) as { code: string };
          counts.errors[code] = (counts.errors[code] ?? 0) + 1;
        }
      }
      return super.emit(event, ...args);
    }
  }
  return CountingWebSocket as unknown as typeof WebSocket;
}

/** Large enough that a bot's window never trims: its copy is the whole channel. */
const WHOLE_CHANNEL = 1_000_000;

/** One send as the bot saw it. */
export interface SendRecord {
  clientMessageId: string;
  channelId: string;
  text: string;
  /** Set once the client said it was sent (the promise of `room.send` resolved). */
  acked?: Message;
  /** Set when the client gave up on it (the promise rejected). */
  refused?: string;
  /** Set when the client misbehaved: no optimistic echo, or an acknowledgement for another message. */
  problem?: string;
}

/**
 * A chat user on a real `@confab/core` client: it observes every channel it is in (so its copy is kept live)
 * and, while `chatting`, sends text messages at random moments with the client's normal send (optimistic echo
 * plus outbox), recording every send and what became of it.
 */
export class Bot {
  readonly client: ChatClient;
  readonly sends: SendRecord[] = [];
  readonly #rooms = new Map<string, ChannelRoom>();
  readonly #stops: Array<() => void> = [];
  readonly #settling = new Set<Promise<unknown>>();
  #chatting: Promise<void> | undefined;
  #running = false;
  readonly wire: WireCounts = { sendFrames: 0, resyncs: 0, errors: {}, closes: {} };

  constructor(
    readonly name: string,
    baseUrl: string,
    private readonly random: Random,
  ) {
    this.client = createChatClient({ baseUrl, WebSocket: countingSocket(this.wire), windowSize: WHOLE_CHANNEL });
  }

  async register(): Promise<void> {
    await this.client.register({ username: this.name, password: `${this.name}-password` });
  }

  /** Starts observing a channel's messages: loads it, subscribes, and keeps it current. */
  watch(channelId: string): void {
    const room = this.client.channel(channelId);
    this.#rooms.set(channelId, room);
    this.#stops.push(room.$messages.listen(() => {}));
  }

  /** The bot's copy of a channel: what `$messages` shows. */
  room(channelId: string): ChannelRoom {
    const room = this.#rooms.get(channelId);
    if (!room) throw new Error(`${this.name} does not watch ${channelId}`);
    return room;
  }

  get channelIds(): string[] {
    return [...this.#rooms.keys()];
  }

  /** Sends now and then (every `minMs`–`maxMs`) in a random channel until `stopChatting`. */
  startChatting(minMs: number, maxMs: number): void {
    this.#running = true;
    const channels = this.channelIds;
    this.#chatting = (async () => {
      while (this.#running) {
        await new Promise((resolve) => setTimeout(resolve, this.random.between(minMs, maxMs)));
        if (this.#running) this.#send(this.random.pick(channels));
      }
    })();
  }

  async stopChatting(): Promise<void> {
    this.#running = false;
    await this.#chatting;
  }

  /** Sends that the client has neither confirmed nor given up on. */
  get unsettled(): number {
    return this.#settling.size;
  }

  /** Stops observing and closes the socket. */
  stop(): void {
    this.#running = false;
    for (const stop of this.#stops.splice(0)) stop();
    this.client.disconnect();
  }

  #send(channelId: string): void {
    const room = this.room(channelId);
    const text = `${this.name} #${this.sends.length + 1}`;
    const sending = room.send({ type: 'text', text });
    const echo = room.$messages.get().at(-1);
    const echoed = echo?.pending === true && echo.body?.type === 'text' && echo.body.text === text;
    const record: SendRecord = { clientMessageId: echoed ? echo.clientMessageId : '', channelId, text };
    if (!echoed) record.problem = 'no optimistic echo';
    this.sends.push(record);
    const settled = sending.then(
      (message) => {
        record.acked = message;
        if (!record.clientMessageId) record.clientMessageId = message.clientMessageId;
        else if (message.clientMessageId !== record.clientMessageId) record.problem = 'acknowledged under another id';
      },
      (error: unknown) => {
        record.refused = error instanceof Error ? error.message : String(error);
      },
    );
    this.#settling.add(settled);
    void settled.then(() => this.#settling.delete(settled));
  }
}
