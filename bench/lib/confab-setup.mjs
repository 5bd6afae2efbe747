// Confab's real auth and socket protocol, as the load generator needs them: host-app tokens signed the way
// an embedding site's backend signs them (HS256 with the deployment's secret), a public channel, members,
// one single-use ticket per socket, `subscribe`, and waiting for `subscribed`.
import { createHmac, randomBytes } from 'node:crypto';
import { openSocket } from './ws-client.mjs';

/** Settings for a Confab child in the bench: quiet, and limits opened for a load generator on one address. */
export function confabEnv(dataDir) {
  return {
    CONFAB_DATA_DIR: dataDir,
    CONFAB_JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    CONFAB_SEND_RATE: '1000000',
    CONFAB_WRITE_RATE: '1000000',
    CONFAB_AUTH_RATE: '1000000',
    CONFAB_FRAME_RATE: '1000000',
    CONFAB_USER_FRAME_RATE: '1000000',
    CONFAB_SOCKET_BACKLOG: String(64 * 1024 * 1024),
    CONFAB_TICKET_TTL: '600', // tickets for thousands of sockets are fetched before the sockets open
  };
}

const base64url = (value) => Buffer.from(value).toString('base64url');

/** A host-app token for user `sub`, valid for an hour. */
export function hostToken(secret, sub) {
  const now = Math.floor(Date.now() / 1000);
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify({ sub, name: sub, scope: 'chat:read chat:write', iat: now, exp: now + 3600 }));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** A REST call as user `token`; throws on a non-2xx answer. */
export async function api(baseUrl, token, method, path, body) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Runs `task(i)` for i in [0, count) with at most `width` at a time. */
export async function inBatches(count, width, task) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
}

/** Creates `count` public channels owned by `token`; returns their ids. */
export async function createChannels(baseUrl, token, count, prefix) {
  const ids = [];
  for (let i = 0; i < count; i++) {
    const channel = await api(baseUrl, token, 'POST', '/channels', { name: `${prefix}-${i}`, visibility: 'public' });
    ids.push(channel.id);
  }
  return ids;
}

/**
 * Opens an authenticated socket with `ticket` (or a fresh one for `token`): the upgrade, `hello`; subscribes it to
 * `channelIds` (none is fine: a socket that only sends) and resolves once every one answered `subscribed`. Frames are handed to `onMessage`
 * from then on. Pings at the server's heartbeat so the server keeps the idle socket.
 */
/** A single-use socket ticket for `token`. */
export async function fetchTicket(baseUrl, token) {
  return (await api(baseUrl, token, 'POST', '/auth/ws-ticket')).ticket;
}

export async function connectMember({ baseUrl, port, token, ticket, channelIds, onMessage }) {
  ticket ??= await fetchTicket(baseUrl, token);
  let heartbeatMs = 25_000;
  let subscribed = false;
  const left = new Set(channelIds);
  let settle;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  const socket = await openSocket({
    port,
    path: `/api/v1/ws?ticket=${encodeURIComponent(ticket)}`,
    onMessage(payload, client) {
      if (subscribed) return onMessage(payload);
      const frame = JSON.parse(payload.toString());
      if (frame.type === 'hello') {
        heartbeatMs = frame.heartbeatMs;
        if (left.size === 0) {
          subscribed = true;
          return settle.resolve();
        }
        client.send(JSON.stringify({ type: 'subscribe', channels: channelIds.map((id) => ({ id })) }));
      } else if (frame.type === 'subscribed') {
        left.delete(frame.channelId);
        subscribed = left.size === 0;
        if (subscribed) settle.resolve();
      } else if (frame.type === 'error') settle.reject(new Error(`subscribe: ${frame.code} ${frame.detail}`));
    },
    onClose: () => settle.reject(new Error('socket closed before it was subscribed')),
  });
  await ready;
  const ping = setInterval(() => socket.send('{"type":"ping"}'), heartbeatMs / 2);
  ping.unref();
  socket.socket.once('close', () => clearInterval(ping));
  return socket;
}
