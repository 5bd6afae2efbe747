// Uploads (issue 13): the type read from the bytes, the size limit, image dimensions, who may reference and
// fetch an upload, signed links and the headers the bytes are served with, links in everything that
// carries a message, and the sweep of uploads no message references.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { type CheckContext, expectProblem, expectStatus, type KitUser, newClientId } from '@confab/conformance';
import type { EventPage, Message, MessagePage, Upload } from '@confab/protocol';
import { LocalBlobStore } from '../src/blobs/local-blob-store.js';
import { openDatabase } from '../src/db/connect.js';
import { createSqlRepository } from '../src/repository/sql-repository.js';
import { sqlUploads } from '../src/repository/sql-uploads.js';
import { UploadLinks } from '../src/uploads/upload-links.js';
import { UploadService } from '../src/uploads/upload-service.js';
import { kitFor } from './support/kit.js';
import { postgresReachable, testDatabase } from './support/postgres.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** A 3×2 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEUlEQVR4nGNgYGD4zwADEBYAFf4B/305x2wAAAAASUVORK5CYII=',
  'base64',
);
/** The start of an MP4 file (an `ftyp` box, brand isom). */
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\x02\0isomiso2'), Buffer.alloc(64)]);
const HTML = '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>';

function form(parts: [field: string, content: Uint8Array | string, name?: string, type?: string][]): FormData {
  const data = new FormData();
  for (const [field, content, name, type] of parts) {
    if (name === undefined) data.append(field, String(content));
    else data.append(field, new Blob([content as BlobPart], { type: type ?? 'application/octet-stream' }), name);
  }
  return data;
}

function upload(kit: CheckContext, user: KitUser, content: Uint8Array | string, name = 'file.bin', type?: string) {
  return kit.http.request<Upload>('POST', '/api/v1/uploads', {
    token: user.token,
    form: form([['file', content, name, type]]),
  });
}

async function stored(kit: CheckContext, user: KitUser, content: Uint8Array | string, name?: string) {
  return expectStatus(await upload(kit, user, content, name), 201, `uploading ${name}`);
}

function send(kit: CheckContext, user: KitUser, channelId: string, body: unknown) {
  return kit.http.post<Message>(`/api/v1/channels/${channelId}/messages`, user.token, {
    clientMessageId: newClientId(),
    body,
  });
}

/** GETs a link the way a browser would: resolved against the base URL, no Authorization header. */
async function follow(server: TestServer, url: string) {
  const response = await fetch(new URL(url, `${server.url}/`));
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const bodyOf = (message: Message) =>
  message.body as { url?: string; uploadId?: string; width?: number; height?: number; name?: string; size?: number };

/** A server, its kit, and Alice and Bob in a private channel of Alice's, Carol outside. */
async function room(t: TestContext, overrides = {}) {
  const server = await startTestServer({ writeRate: 1000, sendRate: 1000, ...overrides }, t);
  const kit = kitFor(server.url, t);
  const [alice, bob, carol] = await kit.fixtures.users(3);
  const channel = await kit.fixtures.channel(alice!, 'private', [bob!.id]);
  return { server, kit, alice: alice!, bob: bob!, carol: carol!, channel };
}

test('an upload is stored under the type its bytes show, an image with its size; the rest is refused', async (t) => {
  const { kit, alice } = await room(t);
  const image = await stored(kit, alice, PNG, '../../etc/holiday\u202Egnp.jpg');
  assert.equal(image.contentType, 'image/png');
  assert.deepEqual([image.width, image.height, image.size], [3, 2, PNG.length]);
  assert.equal(image.name, 'holidaygnp.jpg', 'the name loses its path and its control characters');
  const notes = await stored(kit, alice, 'line one\r\n\tline two\n', 'notes.txt');
  assert.deepEqual([notes.contentType, notes.width], ['text/plain', undefined]);
  assert.equal((await stored(kit, alice, MP4, 'clip.mp4')).contentType, 'video/mp4');
  for (const [what, content, name, type] of [
    ['HTML named .png, claiming image/png', HTML, 'cat.png', 'image/png'],
    ['HTML with leading blanks', `\n  ${HTML}`, 'notes.txt', 'text/plain'],
    ['SVG', SVG, 'logo.svg', 'image/svg+xml'],
    ['binary bytes of no known type', Buffer.from([0, 1, 2, 3, 250, 251]), 'blob.bin', undefined],
    ['a PNG signature with no image behind it', PNG.subarray(0, 16), 'broken.png', 'image/png'],
  ] as const)
    expectProblem(await upload(kit, alice, content, name, type), 415, 'unsupported_media_type', what);
  expectProblem(await upload(kit, alice, '', 'empty.txt'), 400, 'invalid_request', 'an empty file');
  const path = '/api/v1/uploads';
  const shapes: [string, FormData][] = [
    ['no file part', form([['note', 'hello']])],
    ['the file in another part', form([['attachment', PNG, 'a.png']])],
    [
      'two files',
      form([
        ['file', PNG, 'a.png'],
        ['file', PNG, 'b.png'],
      ]),
    ],
  ];
  for (const [what, body] of shapes)
    expectProblem(
      await kit.http.request('POST', path, { token: alice.token, form: body }),
      400,
      'invalid_request',
      what,
    );
  expectProblem(
    await kit.http.request('POST', path, { token: alice.token, json: { file: 'data' } }),
    415,
    'unsupported_media_type',
    'a JSON body',
  );
});

test('an upload past the limit is refused with 413 and nothing is stored', async (t) => {
  const { server, kit, alice } = await room(t, { uploadLimit: 1000 });
  const reply = await upload(kit, alice, 'x'.repeat(5000), 'big.txt');
  expectProblem(reply, 413, 'payload_too_large');
  await stored(kit, alice, 'x'.repeat(1000), 'fits.txt');
  const files = await readdir(join(server.dataDir, 'uploads'));
  assert.equal(files.length, 1, `files in the store: ${files}`);
});

test("a message references only the sender's own uploads, of a fitting type, and takes what they say", async (t) => {
  const { kit, alice, bob, channel } = await room(t);
  const image = await stored(kit, alice, PNG, 'dot.png');
  const notes = await stored(kit, alice, 'notes\n', 'notes.txt');
  const clip = await stored(kit, alice, MP4, 'clip.mp4');
  const sent = expectStatus(
    await send(kit, alice, channel.id, {
      type: 'image',
      uploadId: image.id,
      url: 'https://elsewhere.example/x.png',
      width: 500,
      height: 500,
      alt: 'a dot',
    }),
    201,
  );
  const body = bodyOf(sent);
  assert.deepEqual([body.width, body.height, body.name, body.size], [3, 2, 'dot.png', PNG.length]);
  assert.match(body.url ?? '', new RegExp(`^api/v1/uploads/${image.id}/content\\?expires=\\d+&signature=[\\w-]+$`));
  expectStatus(await send(kit, alice, channel.id, { type: 'video', uploadId: clip.id }), 201, 'a video by upload');
  expectStatus(await send(kit, alice, channel.id, { type: 'file', uploadId: image.id }), 201, 'an image as a file');
  const refused: [string, unknown][] = [
    ['an image that is text', { type: 'image', uploadId: notes.id }],
    ['a video that is an image', { type: 'video', uploadId: image.id }],
    ['no such upload', { type: 'file', uploadId: '0190aaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa' }],
  ];
  for (const [what, refusedBody] of refused)
    expectProblem(await send(kit, alice, channel.id, refusedBody), 400, 'invalid_request', what);
  const bobs = await stored(kit, bob, 'mine\n', 'bob.txt');
  expectProblem(
    await send(kit, alice, channel.id, { type: 'file', uploadId: bobs.id }),
    400,
    'invalid_request',
    "someone else's upload",
  );
  const own = expectStatus(await send(kit, bob, channel.id, { type: 'file', uploadId: bobs.id }), 201);
  const alicesText = expectStatus(await send(kit, alice, channel.id, { type: 'text', text: 'hi' }), 201);
  expectProblem(
    await kit.http.patch(`/api/v1/messages/${alicesText.id}`, alice.token, {
      body: { type: 'file', uploadId: bobs.id },
    }),
    400,
    'invalid_request',
    "an edit that swaps in someone else's upload",
  );
  const edited = expectStatus(
    await kit.http.patch<Message>(`/api/v1/messages/${own.id}`, bob.token, { body: { type: 'text', text: 'gone' } }),
    200,
  );
  assert.equal(bodyOf(edited).url, undefined);
});

test('the bytes behind a signed link: no header needed, safe headers, tampering and expiry refused', async (t) => {
  const { server, kit, alice } = await room(t);
  const image = await stored(kit, alice, PNG, 'dot.png');
  const notes = await stored(kit, alice, 'día\n', 'résumé; final.txt');
  const picture = await follow(server, image.url);
  assert.equal(picture.status, 200);
  assert.deepEqual(picture.bytes, PNG);
  assert.equal(picture.headers.get('content-type'), 'image/png');
  assert.equal(picture.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(picture.headers.get('content-security-policy'), "sandbox; default-src 'none'");
  assert.match(picture.headers.get('content-disposition') ?? '', /^inline; filename="dot.png"/);
  assert.match(picture.headers.get('cache-control') ?? '', /^private, max-age=\d+$/);
  const file = await follow(server, notes.url);
  assert.equal(file.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(
    file.headers.get('content-disposition'),
    `attachment; filename="r_sum__ final.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9%3B%20final.txt`,
  );
  assert.equal(file.bytes.toString(), 'día\n');

  const again = expectStatus(await kit.http.get<Upload>(`/api/v1/uploads/${image.id}`, alice.token), 200);
  assert.equal(again.url, image.url, 'links minted within the hour are the same (cacheable)');
  const expires = Number(new URL(image.url, server.url).searchParams.get('expires'));
  assert.ok(expires * 1000 >= Date.now() + 3600_000, 'a link lives at least an hour');

  const links = new UploadLinks(server.jwtSecret);
  const expired = links.mint(image.id, Date.now() - 3 * 3600_000);
  const other = links.mint(notes.id);
  const signatureOf = (url: string) => new URL(url, server.url).searchParams.get('signature');
  const forged: [string, string][] = [
    ['an expired link', expired],
    [
      'a tampered signature',
      image.url.replace(/signature=./, (s) => (s.endsWith('A') ? 'signature=B' : 'signature=A')),
    ],
    ['a later expiry', image.url.replace(/expires=\d+/, `expires=${expires + 3600}`)],
    ["another upload's signature", image.url.replace(/signature=.*/, `signature=${signatureOf(other)}`)],
    ['a link signed with another secret', new UploadLinks('another deployment').mint(image.id)],
  ];
  for (const [what, url] of forged) {
    const reply = await follow(server, url);
    assert.equal(reply.status, 403, what);
    assert.equal(JSON.parse(reply.bytes.toString()).code, 'forbidden', what);
  }
  const unknown = await follow(server, links.mint('0190aaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa'));
  assert.equal(unknown.status, 404);
  const malformed = await follow(server, `api/v1/uploads/${image.id}/content?expires=soon&signature=x`);
  assert.equal(malformed.status, 400);
});

test('an SVG the operator allows is still served as an attachment, never inline', async (t) => {
  const { server, kit, alice } = await room(t, { uploadTypes: ['image/png', 'image/svg+xml'] });
  const logo = await stored(kit, alice, SVG, 'logo.svg');
  assert.equal(logo.contentType, 'image/svg+xml');
  const served = await follow(server, logo.url);
  assert.match(served.headers.get('content-disposition') ?? '', /^attachment;/);
  assert.equal(served.headers.get('content-security-policy'), "sandbox; default-src 'none'");
  expectProblem(await upload(kit, alice, 'text\n', 'notes.txt'), 415, 'unsupported_media_type', 'text, not allowed');
});

async function accessRules(t: TestContext, server: TestServer) {
  const kit = kitFor(server.url, t);
  const [alice, bob, carol] = await kit.fixtures.users(3);
  const channel = await kit.fixtures.channel(alice!, 'private', [bob!.id]);
  const image = await stored(kit, alice!, PNG, 'dot.png');
  const path = `/api/v1/uploads/${image.id}`;
  expectStatus(await kit.http.get(path, alice!.token), 200, 'the uploader');
  expectProblem(await kit.http.get(path, bob!.token), 404, 'not_found', 'a member before it is posted');
  const message = expectStatus(await send(kit, alice!, channel.id, { type: 'image', uploadId: image.id }), 201);
  expectStatus(await kit.http.get(path, bob!.token), 200, 'a member once it is posted');
  expectProblem(await kit.http.get(path, carol!.token), 404, 'not_found', 'a non-member');
  expectStatus(await kit.http.delete(`/api/v1/messages/${message.id}`, alice!.token), 200);
  expectProblem(await kit.http.get(path, bob!.token), 404, 'not_found', 'a member after the message is deleted');
  expectStatus(await kit.http.get(path, alice!.token), 200, 'the uploader after the message is deleted');
}

test('who gets an upload: its uploader, and members once a message references it (SQLite)', async (t) => {
  await accessRules(t, await startTestServer({}, t));
});

test('who gets an upload: its uploader, and members once a message references it (PostgreSQL)', async (t) => {
  if (!(await postgresReachable())) return t.skip('PostgreSQL is not reachable');
  const database = await testDatabase(t);
  await accessRules(t, await database.start());
});

test('every message that leaves the server carries a link: pages, events, socket events and acks', async (t) => {
  const { server, kit, alice, bob, channel } = await room(t);
  const image = await stored(kit, alice, PNG, 'dot.png');
  const { socket: bobs } = await kit.openSocket(bob.token);
  bobs.send({ type: 'subscribe', channels: [{ id: channel.id }] });
  await bobs.waitFor('subscribed', (f) => f.channelId === channel.id);
  const { socket: alices } = await kit.openSocket(alice.token);
  const clientMessageId = newClientId();
  alices.send({ type: 'send', clientMessageId, channelId: channel.id, body: { type: 'image', uploadId: image.id } });
  const ack = await alices.waitFor('ack', (f) => f.clientMessageId === clientMessageId);
  const event = await bobs.waitFor('event', (f) => f.kind === 'message:created');
  const fromEvent = (event.data as { message: Message }).message;
  const page = expectStatus(await kit.http.get<MessagePage>(`/api/v1/channels/${channel.id}/messages`, bob.token), 200);
  const events = expectStatus(
    await kit.http.get<EventPage>(`/api/v1/channels/${channel.id}/events?afterSeq=0`, bob.token),
    200,
  );
  const reacted = expectStatus(
    await kit.http.put<Message>(`/api/v1/messages/${ack.message.id}/reactions/${encodeURIComponent('👍')}`, bob.token),
    200,
  );
  const replayed = (await kit.openSocket(bob.token)).socket;
  replayed.send({ type: 'subscribe', channels: [{ id: channel.id, afterSeq: 0 }] });
  const replay = await replayed.waitFor('event', (f) => f.kind === 'message:created');
  const carried = [
    ack.message,
    fromEvent,
    page.items[0]!,
    (events.items.find((e) => e.kind === 'message:created')!.data as { message: Message }).message,
    reacted,
    (replay.data as { message: Message }).message,
  ];
  for (const message of carried) {
    assert.equal(bodyOf(message).uploadId, image.id);
    assert.equal((await follow(server, bodyOf(message).url!)).status, 200);
  }
});

test('the sweep deletes uploads no message references, row and bytes, and spares posted and claimed ones', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-sweep-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));
  const handle = openDatabase({ databaseUrl: undefined, dataDir });
  const repo = await createSqlRepository(handle);
  t.after(() => repo.close());
  const blobs = new LocalBlobStore(join(dataDir, 'uploads'));
  const service = new UploadService(sqlUploads(handle.db), blobs, new UploadLinks('secret'), {
    types: ['text/plain'],
    ttlMs: 3600_000,
    writeLimiter: { spend: () => {} },
    log: { warn: () => {} } as never,
  });
  const user = await repo.createUser({ username: 'sweeper', displayName: 'S', passwordHash: null });
  const actor = { user, scopes: ['chat:read', 'chat:write'] as const } as never;
  const channel = await repo.createChannel({
    name: 'sweep',
    visibility: 'private',
    topic: '',
    createdBy: user.id,
    memberIds: [user.id],
    directKey: null,
  });
  const [posted, claimed, loose] = [
    await service.create(actor, 'posted.txt', Buffer.from('posted\n')),
    await service.create(actor, 'claimed.txt', Buffer.from('claimed\n')),
    await service.create(actor, 'loose.txt', Buffer.from('loose\n')),
  ];
  const { value } = await repo.sendMessage({
    channelId: channel.id,
    authorId: user.id,
    clientMessageId: 'c1',
    body: await service.prepare(actor, { type: 'file', uploadId: posted!.id }),
    parentId: null,
    mentions: [],
    mentionsChannel: false,
  } as never);
  await service.posted(value.message);
  const later = Date.now() + 2 * 3600_000;
  assert.equal(await service.sweep(Date.now()), 0, 'nothing is old enough yet');
  assert.equal(await service.sweep(later), 2, 'the claimed one is swept too when its claim is as old');
  assert.ok(existsSync(join(dataDir, 'uploads', posted!.id)), 'the posted upload stays');
  for (const gone of [claimed!, loose!])
    assert.ok(!existsSync(join(dataDir, 'uploads', gone.id)), `${gone.name} stays`);
  const fresh = await service.create(actor, 'fresh.txt', Buffer.from('fresh\n'));
  await service.prepare(actor, { type: 'file', uploadId: fresh.id });
  assert.equal(await service.sweep(Date.now() + 1000), 0, 'a fresh claim is spared');
  await service.posted({ ...value.message, body: null });
  assert.equal(await service.sweep(later + 3600_000), 2, 'a deleted message leaves its upload to the sweep');
  await service.close();
});

test('a running server sweeps on its own', async (t) => {
  const { server, kit, alice } = await room(t, { uploadTtlMs: 200 });
  const loose = await stored(kit, alice, 'loose\n', 'loose.txt');
  const file = join(server.dataDir, 'uploads', loose.id);
  for (let i = 0; i < 200 && existsSync(file); i++) await delay(25);
  assert.ok(!existsSync(file), 'the unreferenced upload is swept');
  expectProblem(await kit.http.get(`/api/v1/uploads/${loose.id}`, alice.token), 404, 'not_found');
});

/** An upload whose body never finishes: the headers and the start of the file, then nothing. */
function hangingUpload(server: TestServer, user: KitUser) {
  const boundary = 'confab-hanging-upload';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`;
  const request = httpRequest(`${server.url}/api/v1/uploads`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${user.token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + 1024 * 1024),
    },
  });
  request.on('error', () => {}); // destroyed on purpose
  const hanging = { request, answered: false };
  request.on('response', () => {
    hanging.answered = true;
  });
  request.write(head);
  return hanging;
}

test('uploads read at once are bounded per user (429 past two), and a dropped upload gives its place back', async (t) => {
  const server = await startTestServer({}, t);
  const kit = kitFor(server.url, t);
  const [mallory, alice] = await kit.fixtures.users(2);
  const hanging = [hangingUpload(server, mallory!), hangingUpload(server, mallory!)];
  t.after(() => {
    for (const { request } of hanging) request.destroy();
  });
  // Once both are being read, a third is refused. A probe that arrives before one of them has started takes
  // that one's place (and it is answered 429): start it again and probe again.
  let third = await upload(kit, mallory!, PNG, 'third.png');
  for (let i = 0; third.status !== 429 && i < 100; i++) {
    await delay(50);
    for (const [n, { answered, request }] of hanging.entries())
      if (answered) {
        request.destroy();
        hanging[n] = hangingUpload(server, mallory!);
      }
    third = await upload(kit, mallory!, PNG, 'third.png');
  }
  const problem = expectProblem(third, 429, 'rate_limited', 'a third upload at once');
  assert.equal(problem.retryAfter, 1);
  await stored(kit, alice!, PNG, 'alice.png'); // another user is not held up

  for (const { request } of hanging) request.destroy();
  let again = await upload(kit, mallory!, PNG, 'after.png');
  for (let i = 0; again.status === 429 && i < 100; i++) {
    await delay(50);
    again = await upload(kit, mallory!, PNG, 'after.png');
  }
  expectStatus(again, 201, 'an upload once the dropped ones gave their places back');
});

test('a truncated image is refused whatever bytes follow it in memory (it is measured from its own bytes)', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-measure-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));
  const handle = openDatabase({ databaseUrl: undefined, dataDir });
  const repo = await createSqlRepository(handle);
  t.after(() => repo.close());
  const service = new UploadService(
    sqlUploads(handle.db),
    new LocalBlobStore(join(dataDir, 'uploads')),
    new UploadLinks('secret'),
    {
      types: ['image/png'],
      ttlMs: 3600_000,
      writeLimiter: { spend: () => {} },
      log: { warn: () => {} } as never,
    },
  );
  const user = await repo.createUser({ username: 'measurer', displayName: 'M', passwordHash: null });
  const actor = { user, scopes: ['chat:read', 'chat:write'] as const } as never;
  // The PNG's signature and IHDR header, then — in the same memory, past the file's end — a width and height.
  const memory = Buffer.concat([
    PNG.subarray(0, 16),
    Buffer.from([0, 0, 0x9c, 0x40, 0, 0, 0x9c, 0x40]),
    PNG.subarray(24),
  ]);
  const truncated = memory.subarray(0, 16);
  await assert.rejects(service.create(actor, 'broken.png', truncated), { code: 'unsupported_media_type' });
});
