// The three servers one load generator drives, each behind the same small interface: start the child,
// connect a socket into a room, build a message frame, and tell a delivery from the other frames.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, confabEnv, connectMember, createChannels, fetchTicket, hostToken, inBatches } from './confab-setup.mjs';
import { createDatabase, postgresReachable } from './postgres.mjs';
import { startNode, stop } from './processes.mjs';
import { redisReachable, redisUrl } from './redis.mjs';
import { clientFrame, openSocket } from './ws-client.mjs';

const here = new URL('..', import.meta.url).pathname;
const READY = /listening on (\d+)/;
const CONNECT_WIDTH = 32;

/**
 * @typedef {object} Room  a channel (or room) and how many sockets join it
 * @property {number} members
 * @typedef {object} Layout
 * @property {Room[]} rooms
 * @property {number} sendersPerRoom  the first sockets of each room also send
 * @typedef {object} Sender  @property {(text: string) => Buffer} frame  @property {{ sendRaw(b: Buffer): void }} socket
 */

/** With BENCH_CPU_PROF=<dir>, every server child writes a V8 CPU profile there when it stops. */
const profileArgs = () =>
  process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];

async function startChild(script, env = {}) {
  const { child, match } = await startNode([join(here, 'servers', script)], {
    env,
    ready: READY,
    nodeArgs: ['--expose-gc', ...profileArgs()],
  });
  return { child, port: Number(match[1]) };
}

/** Opens every room's sockets with `open(roomIndex, memberIndex, globalIndex)`; returns the senders. */
async function openRooms(layout, open) {
  const plan = [];
  layout.rooms.forEach((room, r) => {
    for (let m = 0; m < room.members; m++) plan.push([r, m]);
  });
  const sockets = new Array(plan.length);
  await inBatches(plan.length, CONNECT_WIDTH, async (i) => {
    sockets[i] = await open(plan[i][0], plan[i][1], i);
  });
  return sockets;
}

/** Sockets of `layout` that send, with the frame builder for their room. */
function senders(layout, sockets, frameFor) {
  const out = [];
  let i = 0;
  layout.rooms.forEach((room, r) => {
    for (let m = 0; m < room.members; m++, i++)
      if (m < layout.sendersPerRoom) out.push({ socket: sockets[i], frame: frameFor(r) });
  });
  return out;
}

/** The bare `ws` broadcast server. */
export const bareWs = {
  name: 'bare `ws` broadcast',
  key: 'ws',
  async start() {
    const { child, port } = await startChild('ws-broadcast.mjs');
    return {
      child,
      isDelivery: () => true,
      async connect(layout, onMessage) {
        const sockets = await openRooms(layout, (r) => openSocket({ port, path: `/?room=r${r}`, onMessage }));
        return { sockets, senders: senders(layout, sockets, () => (text) => clientFrame(text)) };
      },
      stop: () => stop(child),
    };
  },
};

const EIO_PING = 0x32; // "2"
const SIO_EVENT = Buffer.from('42');

/** Socket.IO 4 rooms; the generator speaks engine.io v4 / socket.io v5 over the WebSocket transport. */
export const socketIo = {
  name: 'Socket.IO room',
  key: 'socketio',
  async start() {
    const { child, port } = await startChild('socketio-room.mjs');
    const connectOne = (r, onMessage) =>
      new Promise((resolve, reject) => {
        let ready = false;
        openSocket({
          port,
          path: `/socket.io/?EIO=4&transport=websocket&room=r${r}`,
          onMessage: (payload, socket) => {
            if (payload.length === 1 && payload[0] === EIO_PING) return socket.send('3');
            if (ready) return onMessage(payload);
            const text = payload.toString();
            if (text.startsWith('0')) socket.send('40');
            else if (text.startsWith('40')) {
              ready = true;
              resolve(socket);
            }
          },
        }).catch(reject);
      });
    return {
      child,
      isDelivery: (payload) => payload[0] === SIO_EVENT[0] && payload[1] === SIO_EVENT[1],
      async connect(layout, onMessage) {
        const sockets = await openRooms(layout, (r) => connectOne(r, onMessage));
        return {
          sockets,
          senders: senders(layout, sockets, () => (text) => clientFrame(`42["m",${JSON.stringify(text)}]`)),
        };
      },
      stop: () => stop(child),
    };
  },
};

const EVENT_PREFIX = Buffer.from('{"type":"event"');

/**
 * Confab on SQLite, or on a fresh PostgreSQL database with (`redis`) Redis as its scale-out bus, as one process
 * of a many-process deployment runs: real tickets, membership, `subscribe`, every message stored.
 */
function confabTarget({ postgres, redis = false }) {
  const storage = postgres ? `PostgreSQL${redis ? ' + Redis bus' : ''}` : 'SQLite';
  return {
    name: `Confab (${storage}, every message stored)`,
    key: postgres ? `confab-pg${redis ? '-redis' : ''}` : 'confab',
    start: () => startConfab(postgres, redis),
  };
}

async function startConfab(postgres, redis) {
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-bench-'));
  const database = postgres ? await createDatabase() : undefined;
  const env = {
    ...confabEnv(dataDir),
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(redis ? { REDIS_URL: redisUrl } : {}),
  };
  const secret = env.CONFAB_JWT_SECRET;
  let users = 0;
  const server = {
    ...(await startChild('confab.mjs', env)),
    secret,
    /** The child's environment: where its data lives (CONFAB_DATA_DIR, DATABASE_URL). */
    env,
    get baseUrl() {
      return `http://127.0.0.1:${this.port}`;
    },
    isDelivery: (payload) => payload.compare(EVENT_PREFIX, 0, EVENT_PREFIX.length, 0, EVENT_PREFIX.length) === 0,
    /** Creates the rooms as channels; returns their ids. */
    async channels(layout) {
      const owner = hostToken(secret, 'bench-owner');
      return createChannels(this.baseUrl, owner, layout.rooms.length, `bench-${Date.now().toString(36)}`);
    },
    /** Makes one new user per socket of `layout` a member of its room's channel (REST); returns their tokens. */
    async join(layout, ids) {
      const tokens = [];
      await openRooms(layout, async (r, _m, i) => {
        tokens[i] = hostToken(secret, `bench-user-${users++}`);
        await api(this.baseUrl, tokens[i], 'PUT', `/channels/${ids[r]}/members/me`);
      });
      return tokens;
    },
    /** A single-use socket ticket per token. */
    async tickets(tokens) {
      const tickets = [];
      await inBatches(tokens.length, CONNECT_WIDTH, async (i) => {
        tickets[i] = await fetchTicket(this.baseUrl, tokens[i]);
      });
      return tickets;
    },
    /**
     * Opens and subscribes one socket per member of `layout` (joining them and fetching their tickets
     * first unless given); `subscribeSeconds` times the sockets alone: upgrades, `hello`, and `subscribe`
     * answered with `subscribed` (and the presence list) for every socket.
     */
    async connect(layout, onMessage, channelIds, joined, given) {
      const ids = channelIds ?? (await this.channels(layout));
      const tokens = joined ?? (await this.join(layout, ids));
      const tickets = given ?? (await this.tickets(tokens));
      const { baseUrl, port } = this;
      const subscribeStart = performance.now();
      const sockets = await openRooms(layout, (r, _m, i) =>
        connectMember({ baseUrl, port, ticket: tickets[i], channelIds: [ids[r]], onMessage }),
      );
      const subscribeSeconds = (performance.now() - subscribeStart) / 1000;
      let n = 0;
      const frameFor = (r) => (text) =>
        clientFrame(
          `{"type":"send","clientMessageId":"b${(n++).toString(36)}","channelId":"${ids[r]}","body":{"type":"text","text":${JSON.stringify(text)}}}`,
        );
      return { sockets, senders: senders(layout, sockets, frameFor), subscribeSeconds };
    },
    /** Stops the process and starts a fresh one on the same data: memory without the set-up's garbage. */
    async restart() {
      await stop(this.child);
      Object.assign(this, await startChild('confab.mjs', env));
    },
    async stop() {
      await stop(this.child);
      await rm(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
  return server;
}

export const confab = confabTarget({ postgres: false });
export const confabPostgres = confabTarget({ postgres: true });
export const confabScaledOut = confabTarget({ postgres: true, redis: true });

/**
 * The servers to compare: Confab on PostgreSQL + Redis too when both answer (BENCH_DATABASE_URL and
 * BENCH_REDIS_URL, or the local defaults), else on PostgreSQL alone when it answers.
 */
export async function availableTargets() {
  const [postgres, redis] = await Promise.all([postgresReachable(), redisReachable()]);
  if (!postgres) return [bareWs, socketIo, confab];
  return [bareWs, socketIo, confab, redis ? confabScaledOut : confabPostgres];
}
