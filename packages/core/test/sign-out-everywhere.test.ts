// `logoutEverywhere()` and `changePassword()` against a real server (run from source, so the test follows
// the server in this tree rather than its last build).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { SignJWT } from 'jose';
import { startTestServer } from '../../server/test/support/test-server.js';
import { type ChatClient, type ChatClientOptions, ConfabError, createChatClient } from '../src/index.js';
import { NodeWebSocket } from './support/harness.js';
import { memoryStorage } from './support/memory-storage.js';
import { uniqueName } from './support/rest.js';

const server = await startTestServer();
const clients: ChatClient[] = [];
after(() => {
  for (const client of clients) client.disconnect();
});
const client = (options: Partial<ChatClientOptions> = {}) => {
  const made = createChatClient({ baseUrl: server.url, WebSocket: NodeWebSocket, ...options });
  clients.push(made);
  return made;
};
const password = 'correct-horse-battery';

/** The error a promise rejects with. */
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('expected a rejection'),
    (error: unknown) => error,
  );

test('logoutEverywhere signs the account out here and on every other device', async () => {
  const remember = memoryStorage();
  const laptop = client({ remember });
  const username = uniqueName('everywhere');
  await laptop.register({ username, password });
  const phone = client();
  await phone.login({ username, password });
  assert.equal((await phone.api.GET('/api/v1/me')).response.status, 200);

  await laptop.logoutEverywhere();
  assert.equal(laptop.$auth.get(), 'signed-out');
  assert.equal(laptop.$me.get(), null);
  assert.equal(remember.items.size, 0, 'nothing is left to resume');

  assert.equal((await phone.api.GET('/api/v1/me')).response.status, 401, 'the other device is refused');
  assert.equal(phone.$auth.get(), 'signed-out', 'and finds itself signed out, its refresh token revoked');
});

test('changePassword keeps this client signed in and signs the others out', async () => {
  const here = client();
  const username = uniqueName('password');
  const user = await here.register({ username, password });
  const elsewhere = client();
  await elsewhere.login({ username, password });
  const newPassword = 'battery-staple-horse-correct';

  const wrong = await rejection(here.changePassword({ currentPassword: 'not-it', newPassword }));
  assert.ok(wrong instanceof ConfabError, String(wrong));
  assert.equal(wrong.code, 'forbidden');
  assert.equal(wrong.status, 403);

  await here.changePassword({ currentPassword: password, newPassword });
  assert.equal(here.$auth.get(), 'signed-in');
  assert.equal((await here.api.GET('/api/v1/me')).data?.id, user.id, 'this client carries on');
  assert.equal((await elsewhere.api.GET('/api/v1/me')).response.status, 401, 'the other one is refused');
  assert.equal(elsewhere.$auth.get(), 'signed-out');

  const again = await client().login({ username, password: newPassword });
  assert.equal(again.id, user.id, 'the new password signs in');
});

test('a host-app user cannot sign out everywhere here: the client says so and stays signed in', async () => {
  const token = await new SignJWT({ name: 'Hosted' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(uniqueName('host'))
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(server.jwtSecret));
  const hosted = client({ token });
  const error = await rejection(hosted.logoutEverywhere());
  assert.ok(error instanceof ConfabError, String(error));
  assert.equal(error.code, 'forbidden');
  assert.equal(hosted.$auth.get(), 'signed-in');
  assert.equal((await hosted.api.GET('/api/v1/me')).response.status, 200);
});
