// The server honours its configuration: limits, windows and lifetimes set away from their defaults.
// (The contract itself, with default settings, is checked by the conformance kit in conformance.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import {
  connectSocket,
  expectProblem,
  expectStatus,
  newClientId,
  type Reply,
  refusedStatus,
} from '@confab/conformance';
import type { EventPage, Message, Problem, WsTicket } from '@confab/protocol';
import { configFromEnv } from '../src/index.js';
import { kitFor } from './support/kit.js';
import { startTestServer } from './support/test-server.js';

const text = (value: string) => ({ type: 'text', text: value });

test('sendRate 1: the burst is 10, then REST answers 429 and the socket rate_limited, both with retryAfter', async (t) => {
  const server = await startTestServer({ sendRate: 1 }, t);
  const { http, fixtures, openSocket } = kitFor(server.url, t);
  const owner = await fixtures.user();
  const channel = await fixtures.channel(owner);
  const path = `/api/v1/channels/${channel.id}/messages`;

  let accepted = 0;
  let limited: Reply<Message & Problem> | undefined;
  for (let i = 0; i < 15 && !limited; i++) {
    const reply = await http.post<Message & Problem>(path, owner.token, {
      clientMessageId: newClientId(),
      body: text(`${i}`),
    });
    if (reply.status === 201) accepted++;
    else limited = reply;
  }
  assert.ok(limited, 'no 429 within 15 sends');
  assert.equal(accepted, 10);
  expectProblem(limited, 429, 'rate_limited');
  assert.equal(limited.headers.get('retry-after'), '1');

  const other = await fixtures.user();
  await fixtures.join(other, channel.id);
  const { socket } = await openSocket(other.token);
  const ids = Array.from({ length: 15 }, () => newClientId());
  for (const clientMessageId of ids)
    socket.send({ type: 'send', clientMessageId, channelId: channel.id, body: text('x') });
  const last = ids.at(-1);
  const answers = await socket.collectUntil(
    (f) => (f.type === 'ack' && f.clientMessageId === last) || (f.type === 'error' && f.ref === last),
  );
  assert.equal(answers.filter((f) => f.type === 'ack').length, 10);
  const errors = answers.filter((f) => f.type === 'error');
  assert.ok(
    errors.length > 0 && errors.every((f) => f.type === 'error' && f.code === 'rate_limited' && f.retryAfter === 1),
  );
});

test('bodyLimit and frameLimit: a smaller limit refuses smaller bodies (413) and frames (payload_too_large)', async (t) => {
  const server = await startTestServer({ bodyLimit: 16 * 1024, frameLimit: 4096 }, t);
  const { http, fixtures, openSocket } = kitFor(server.url, t);
  const user = await fixtures.user();
  const channel = await fixtures.channel(user);
  const path = `/api/v1/channels/${channel.id}/messages`;
  const image = (alt: number) => ({
    type: 'image',
    url: 'https://example.com/a.png',
    width: 1,
    height: 1,
    alt: 'x'.repeat(alt),
  });
  const big = await http.post(path, user.token, { clientMessageId: newClientId(), body: image(20_000) });
  expectProblem(big, 413, 'payload_too_large');
  const fits = await http.post(path, user.token, { clientMessageId: newClientId(), body: image(12_000) });
  expectProblem(fits, 400, 'invalid_request');

  const { socket } = await openSocket(user.token);
  socket.sendRaw(JSON.stringify({ type: 'ping', id: 'x'.repeat(5000) }));
  assert.equal((await socket.waitFor('error')).code, 'payload_too_large');
  socket.sendRaw(JSON.stringify({ type: 'ping', id: 'x'.repeat(3000) }));
  assert.equal((await socket.waitFor('error')).code, 'invalid_frame');
  await socket.roundTrip();
});

test('replayWindow 5: up to 5 missed events are replayed, more answer resync (socket and REST)', async (t) => {
  const server = await startTestServer({ replayWindow: 5 }, t);
  const { http, fixtures, openSocket } = kitFor(server.url, t);
  const alice = await fixtures.user();
  const channel = await fixtures.channel(alice);
  for (let i = 0; i < 6; i++) await fixtures.post(alice, channel.id, `m${i}`);
  const head = expectStatus(
    await http.get<{ lastSeq: number }>(`/api/v1/channels/${channel.id}`, alice.token),
    200,
  ).lastSeq;
  const { socket } = await openSocket(alice.token);

  const subscribe = async (afterSeq: number) => {
    socket.send({ type: 'subscribe', channels: [{ id: channel.id, afterSeq }] });
    return (await socket.collectUntil((f) => f.type === 'subscribed')).filter((f) => f.type !== 'presence');
  };
  assert.deepEqual(await subscribe(head - 6), [
    { type: 'resync', channelId: channel.id, seq: head },
    { type: 'subscribed', channelId: channel.id, seq: head },
  ]);
  const replayed = await subscribe(head - 5);
  assert.deepEqual(
    replayed.map((f) => (f.type === 'event' ? f.seq : f.type)),
    [head - 4, head - 3, head - 2, head - 1, head, 'subscribed'],
  );
  const events = (afterSeq: number) =>
    http.get<EventPage>(`/api/v1/channels/${channel.id}/events?afterSeq=${afterSeq}`, alice.token);
  assert.deepEqual(expectStatus(await events(head - 6), 200), { items: [], headSeq: head, resync: true });
  assert.equal(expectStatus(await events(head - 5), 200).items.length, 5);
});

test('allowedOrigins: the socket refuses other origins with 403 and opens for listed ones', async (t) => {
  const server = await startTestServer({ allowedOrigins: ['https://app.example'] }, t);
  const { fixtures, transcript, frameTimeoutMs } = kitFor(server.url, t);
  const alice = await fixtures.user();
  const evil = await refusedStatus(server.url, await fixtures.ticket(alice.token), transcript, frameTimeoutMs, {
    origin: 'https://evil.example',
  });
  assert.equal(evil, 403);
  const good = await connectSocket(server.url, await fixtures.ticket(alice.token), transcript, frameTimeoutMs, {
    origin: 'https://app.example',
  });
  t.after(() => good.close());
  assert.equal((await good.next()).type, 'hello');
});

test('ticketTtlSeconds 1: a ticket used after it expired is refused with 401', async (t) => {
  const server = await startTestServer({ ticketTtlSeconds: 1 }, t);
  const { http, fixtures, transcript, frameTimeoutMs } = kitFor(server.url, t);
  const alice = await fixtures.user();
  const { ticket, expiresAt } = expectStatus(await http.post<WsTicket>('/api/v1/auth/ws-ticket', alice.token), 200);
  await delay(Math.max(0, Date.parse(expiresAt) - Date.now()) + 50);
  assert.equal(await refusedStatus(server.url, ticket, transcript, frameTimeoutMs), 401);
});

test('CONFAB_LINK_PREVIEWS and CONFAB_LINK_PREVIEW_ALLOW: on by default, off when asked; malformed values are refused', () => {
  assert.deepEqual([configFromEnv({}).linkPreviews, configFromEnv({}).linkPreviewAllow], ['on', undefined]);
  const config = configFromEnv({
    CONFAB_LINK_PREVIEWS: 'off',
    CONFAB_LINK_PREVIEW_ALLOW: '127.0.0.1:8080, wiki.intranet ,10.0.0.0/8,[::1]:9000',
  });
  assert.equal(config.linkPreviews, 'off');
  assert.deepEqual(config.linkPreviewAllow, ['127.0.0.1:8080', 'wiki.intranet', '10.0.0.0/8', '[::1]:9000']);
  assert.throws(() => configFromEnv({ CONFAB_LINK_PREVIEWS: 'yes' }), /CONFAB_LINK_PREVIEWS must be "on" or "off"/);
  assert.throws(() => configFromEnv({ CONFAB_LINK_PREVIEW_ALLOW: 'host:99999' }), /CONFAB_LINK_PREVIEW_ALLOW/);
});

test('CONFAB_UPLOAD_LIMIT, CONFAB_UPLOAD_TYPES, CONFAB_UPLOAD_TTL_MS and CONFAB_S3_*: defaults, values, refusals', () => {
  const defaults = configFromEnv({});
  assert.equal(defaults.uploadLimit, 10 * 1024 * 1024);
  assert.equal(defaults.uploadTtlMs, 24 * 3600 * 1000);
  assert.deepEqual(
    [...defaults.uploadTypes],
    ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'video/mp4', 'video/webm'],
  );
  assert.equal(defaults.s3, undefined);
  const set = configFromEnv({
    CONFAB_UPLOAD_LIMIT: '2048',
    CONFAB_UPLOAD_TYPES: 'png, jpg,text/plain,application/x-custom',
    CONFAB_UPLOAD_TTL_MS: '60000',
    CONFAB_S3_ENDPOINT: 'http://127.0.0.1:9000',
    CONFAB_S3_BUCKET: 'uploads',
    CONFAB_S3_ACCESS_KEY_ID: 'id',
    CONFAB_S3_SECRET_ACCESS_KEY: 'secret',
  });
  assert.equal(set.uploadLimit, 2048);
  assert.deepEqual(set.uploadTypes, ['image/png', 'image/jpeg', 'text/plain', 'application/x-custom']);
  assert.equal(set.uploadTtlMs, 60_000);
  assert.deepEqual(set.s3, {
    endpoint: 'http://127.0.0.1:9000',
    bucket: 'uploads',
    region: 'us-east-1',
    accessKeyId: 'id',
    secretAccessKey: 'secret',
  });
  assert.throws(() => configFromEnv({ CONFAB_UPLOAD_TYPES: 'png,exe' }), /CONFAB_UPLOAD_TYPES: "exe"/);
  assert.throws(() => configFromEnv({ CONFAB_UPLOAD_LIMIT: 'ten' }), /CONFAB_UPLOAD_LIMIT/);
  assert.throws(() => configFromEnv({ CONFAB_S3_ENDPOINT: 'http://s3.local' }), /CONFAB_S3_BUCKET must be set/);
  assert.throws(() => configFromEnv({ CONFAB_S3_ENDPOINT: 's3.local', CONFAB_S3_BUCKET: 'b' }), /CONFAB_S3_ENDPOINT/);
});
