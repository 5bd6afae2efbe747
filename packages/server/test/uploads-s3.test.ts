// Uploads on S3-compatible storage (issue 13): the blob store against a real S3-compatible server (s3rver,
// run in its own process), and two Confab processes sharing one bucket and one PostgreSQL database that
// serve each other's uploads through links either one minted. Concurrent sweeps share the work.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { expectStatus, type KitUser, newClientId } from '@confab/conformance';
import type { Message, MessagePage, Upload } from '@confab/protocol';
import { S3BlobStore } from '../src/blobs/s3-blob-store.js';
import { openDatabase } from '../src/db/connect.js';
import { createSqlRepository } from '../src/repository/sql-repository.js';
import { sqlUploads } from '../src/repository/sql-uploads.js';
import { UploadLinks } from '../src/uploads/upload-links.js';
import { UploadService } from '../src/uploads/upload-service.js';
import { kitFor } from './support/kit.js';
import { postgresReachable, testDatabase } from './support/postgres.js';
import { startChildServer } from './support/redis-child-server.js';
import { type PrivateS3, startPrivateS3 } from './support/s3-server.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEUlEQVR4nGNgYGD4zwADEBYAFf4B/305x2wAAAAASUVORK5CYII=',
  'base64',
);

const storeConfig = (s3: PrivateS3) => ({
  endpoint: s3.endpoint,
  bucket: s3.bucket,
  region: 'us-east-1',
  accessKeyId: s3.env.CONFAB_S3_ACCESS_KEY_ID!,
  secretAccessKey: s3.env.CONFAB_S3_SECRET_ACCESS_KEY!,
});
const storeOf = (s3: PrivateS3) => new S3BlobStore(storeConfig(s3));

test('the S3 blob store puts, gets and deletes objects on an S3-compatible server', async (t) => {
  const s3 = await startPrivateS3(t);
  const store = storeOf(s3);
  const bytes = randomBytes(300_000);
  await store.put('some-key', bytes, 'application/octet-stream');
  const stream = await store.get('some-key');
  assert.ok(stream);
  assert.deepEqual(Buffer.from(await stream.toArray().then((chunks) => Buffer.concat(chunks))), bytes);
  await store.delete('some-key');
  assert.equal(await store.get('some-key'), undefined);
  await store.delete('some-key'); // deleting what is gone is fine
  await assert.rejects(store.get('../escape'), /not a blob key/);
  const missing = new S3BlobStore({ ...storeConfig(s3), bucket: 'no-such-bucket' });
  await assert.rejects(missing.put('k', bytes, 'application/octet-stream'), /S3 PUT k answered 404/);
});

async function uploadVia(url: string, t: TestContext, user: KitUser) {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'dot.png');
  const kit = kitFor(url, t);
  return expectStatus(await kit.http.request<Upload>('POST', '/api/v1/uploads', { token: user.token, form }), 201);
}

test('two processes on one bucket and one database serve each other’s uploads through each other’s links', async (t) => {
  if (!(await postgresReachable())) return t.skip('PostgreSQL is not reachable');
  const s3 = await startPrivateS3(t);
  const database = await testDatabase(t);
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-s3-processes-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));
  const env = {
    ...s3.env,
    DATABASE_URL: database.url,
    CONFAB_JWT_SECRET: randomBytes(32).toString('base64url'),
    CONFAB_DATA_DIR: dataDir,
  };
  const [one, two] = await Promise.all([startChildServer(t, env), startChildServer(t, env)]);
  const kitOne = kitFor(one!.url, t);
  const kitTwo = kitFor(two!.url, t);
  const alice = await kitOne.fixtures.user();
  const bob = await kitOne.fixtures.user();
  const channel = await kitOne.fixtures.channel(alice, 'private', [bob.id]);
  const upload = await uploadVia(one!.url, t, alice);
  const fromTwo = await fetch(new URL(upload.url, `${two!.url}/`));
  assert.equal(fromTwo.status, 200, 'a link minted by one process works on the other');
  assert.deepEqual(Buffer.from(await fromTwo.arrayBuffer()), PNG);
  expectStatus(
    await kitTwo.http.post<Message>(`/api/v1/channels/${channel.id}/messages`, alice.token, {
      clientMessageId: newClientId(),
      body: { type: 'image', uploadId: upload.id },
    }),
    201,
  );
  const page = expectStatus(
    await kitTwo.http.get<MessagePage>(`/api/v1/channels/${channel.id}/messages`, bob.token),
    200,
  );
  const url = (page.items[0]!.body as { url: string }).url;
  const fromOne = await fetch(new URL(url, `${one!.url}/`));
  assert.equal(fromOne.status, 200, 'a link minted by the other process works on the first');
  assert.equal(fromOne.headers.get('content-type'), 'image/png');
  assert.deepEqual(Buffer.from(await fromOne.arrayBuffer()), PNG);
});

test('processes sweeping at once delete each unreferenced upload once, row and object', async (t) => {
  if (!(await postgresReachable())) return t.skip('PostgreSQL is not reachable');
  const s3 = await startPrivateS3(t);
  const database = await testDatabase(t);
  const handles = [
    openDatabase({ databaseUrl: database.url, dataDir: '.' }),
    openDatabase({ databaseUrl: database.url, dataDir: '.' }),
  ];
  const repo = await createSqlRepository(handles[0]!);
  t.after(async () => {
    await repo.close();
    await handles[1]!.db.destroy();
  });
  const services = handles.map(
    (handle) =>
      new UploadService(sqlUploads(handle.db), storeOf(s3), new UploadLinks('secret'), {
        types: ['text/plain'],
        ttlMs: 1000,
        writeLimiter: { spend: () => {} },
        log: { warn: () => {} } as never,
      }),
  );
  const user = await repo.createUser({ username: 'sweeper', displayName: 'S', passwordHash: null });
  const actor = { user, scopes: ['chat:write'] } as never;
  const ids: string[] = [];
  for (let i = 0; i < 450; i++) ids.push((await services[i % 2]!.create(actor, `${i}.txt`, Buffer.from(`${i}\n`))).id);
  const later = Date.now() + 5000;
  const counts = await Promise.all(services.map((service) => service.sweep(later)));
  assert.equal(counts[0]! + counts[1]!, ids.length, `swept ${counts}`);
  const store = storeOf(s3);
  for (const id of [ids[0]!, ids[225]!, ids.at(-1)!]) assert.equal(await store.get(id), undefined);
  assert.equal(await sqlUploads(handles[0]!.db).getUpload(ids[1]!), undefined);
  await Promise.all(services.map((service) => service.close()));
});
