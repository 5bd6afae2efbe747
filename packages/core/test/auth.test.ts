import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfabError } from '../src/index.js';
import { useHarness } from './support/harness.js';
import { memoryStorage } from './support/memory-storage.js';
import { recordingFetch } from './support/recording-fetch.js';
import { uniqueName } from './support/rest.js';
import { until, waitFor } from './support/wait-for.js';

const h = await useHarness();
const shortLived = await useHarness({ CONFAB_ACCESS_TTL: '31' });
const password = 'correct-horse-battery';

describe('built-in accounts', () => {
  test('register, logout and login', async () => {
    const { fetch, requests } = recordingFetch();
    const client = h.client({ fetch });
    const username = uniqueName('auth');

    const registered = await client.register({ username, password });
    assert.equal(registered.username, username);
    assert.equal(client.$me.get()?.id, registered.id);
    const me = await client.api.GET('/api/v1/me');
    assert.equal(me.data?.id, registered.id);

    await client.connect();
    assert.equal(client.$connection.get(), 'open');

    await client.logout();
    assert.equal(client.$me.get(), null);
    assert.equal(client.$connection.get(), 'closed');
    assert.ok(requests.some((r) => r.path === '/api/v1/auth/logout' && r.status === 204));
    const anonymous = await client.api.GET('/api/v1/me');
    assert.equal(anonymous.response.status, 401);

    const again = await client.login({ username, password });
    assert.equal(again.id, registered.id);
    assert.equal(client.$me.get()?.id, registered.id);
    assert.equal((await client.api.GET('/api/v1/me')).data?.id, registered.id);
  });

  test('a wrong password is a ConfabError with the contract code', async () => {
    const client = h.client();
    const username = uniqueName('auth');
    await client.register({ username, password });
    await client.logout();
    const error = await client.login({ username, password: 'not-the-password' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ConfabError, `got ${String(error)}`);
    assert.equal(error.code, 'invalid_credentials');
    assert.equal(error.status, 401);
    assert.equal(error.retryable, false);
  });

  test('the access token is renewed with the refresh token before it expires', async () => {
    const { fetch, requests } = recordingFetch();
    const client = shortLived.client({ fetch });
    const user = await client.register({ username: uniqueName('refresh'), password });

    // A 31 s token is renewed 30 s early: within a second or two the client must refresh,
    // and every request meanwhile must still succeed.
    await waitFor(
      async () => {
        const me = await client.api.GET('/api/v1/me');
        assert.equal(me.response.status, 200, `GET /me answered ${me.response.status}`);
        assert.equal(me.data?.id, user.id);
        return requests.some((r) => r.path === '/api/v1/auth/refresh' && r.status === 200);
      },
      8_000,
      'a successful POST /auth/refresh while GET /me keeps working',
    );
    const bearers = new Set(requests.filter((r) => r.path === '/api/v1/me').map((r) => r.authorization));
    assert.ok(bearers.size >= 2, 'GET /me went out with a renewed access token');
    assert.equal(client.$me.get()?.id, user.id);

    await client.connect();
    assert.equal(client.$connection.get(), 'open');
  });
});

describe('remembered sessions', () => {
  test('a remembered session resumes in the next client; logout forgets it', async () => {
    const remember = memoryStorage();
    const first = h.client({ remember });
    const user = await first.register({ username: uniqueName('remember'), password });
    assert.equal(await h.client().resume(), null, 'a client without `remember` has nothing to resume');

    const next = h.client({ remember });
    assert.equal((await next.resume())?.id, user.id);
    assert.equal(next.$me.get()?.id, user.id);
    assert.equal((await next.api.GET('/api/v1/me')).data?.id, user.id);
    await next.connect();
    assert.equal(next.$connection.get(), 'open');

    await next.logout();
    assert.equal(remember.items.size, 0, 'logout leaves nothing behind');
    assert.equal(await h.client({ remember }).resume(), null);
  });

  test('a storage that refuses to keep the session does not stop the sign-in', async () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const client = h.client({ remember: full });
    const user = await client.register({ username: uniqueName('full'), password });
    assert.equal((await client.api.GET('/api/v1/me')).data?.id, user.id);
    assert.equal(await h.client({ remember: full }).resume(), null, 'nothing was kept');
  });

  test('a client renews with the refresh token another client rotated', async () => {
    const remember = memoryStorage();
    const { fetch, requests } = recordingFetch();
    const first = shortLived.client({ remember, fetch });
    const user = await first.register({ username: uniqueName('rotate'), password });
    assert.equal((await shortLived.client({ remember }).resume())?.id, user.id, 'the other client resumes');

    // The other client's resume spent the refresh token `first` holds; `first` must use the newer one.
    await waitFor(
      async () => {
        const me = await first.api.GET('/api/v1/me');
        assert.equal(me.response.status, 200, `GET /me answered ${me.response.status}`);
        return requests.some((r) => r.path === '/api/v1/auth/refresh' && r.status === 200);
      },
      8_000,
      'a successful renewal by the first client',
    );
    assert.equal(first.$me.get()?.id, user.id);
  });
});

describe('host-app tokens', () => {
  test('a token given as a string', async () => {
    const name = uniqueName('host');
    const client = h.client({ token: await h.server.token(name) });
    const me = await client.api.GET('/api/v1/me');
    assert.equal(me.response.status, 200);
    assert.equal(me.data?.displayName, name);
    await client.connect();
    assert.equal(client.$me.get()?.id, me.data?.id);
  });

  test('a token provider, asked once when it is enough', async () => {
    const name = uniqueName('host');
    const token = await h.server.token(name);
    let calls = 0;
    const client = h.client({
      token: async () => {
        calls++;
        return token;
      },
    });
    await client.connect();
    assert.equal(client.$me.get()?.displayName, name);
    await client.api.GET('/api/v1/me');
    assert.equal(calls, 1);
  });

  test('the provider is asked again after a 401 and the request is repeated', async () => {
    const name = uniqueName('host');
    const good = await h.server.token(name);
    const handed: string[] = [];
    const { fetch, requests } = recordingFetch();
    const client = h.client({
      fetch,
      token: async () => {
        const next = handed.length === 0 ? 'not.a-valid.token' : good;
        handed.push(next);
        return next;
      },
    });
    const me = await client.api.GET('/api/v1/me');
    assert.equal(me.response.status, 200);
    assert.equal(me.data?.displayName, name);
    assert.deepEqual(handed, ['not.a-valid.token', good]);
    assert.deepEqual(
      requests.map((r) => `${r.path} ${r.status}`),
      ['/api/v1/me 401', '/api/v1/me 200'],
    );
  });

  test('an expired token from the provider is replaced before it is used', async () => {
    const name = uniqueName('host');
    const expired = await h.server.token(name, 0);
    const good = await h.server.token(name);
    let calls = 0;
    const client = h.client({ token: async () => (calls++ === 0 ? expired : good) });
    await client.connect();
    assert.equal(client.$me.get()?.displayName, name);
    assert.equal(calls, 2);
  });

  test('the provider is asked again as its token nears expiry', async () => {
    const name = uniqueName('host');
    const tokens = [await h.server.token(name, 31), await h.server.token(name)];
    let calls = 0;
    const client = h.client({ token: async () => tokens[Math.min(calls++, 1)]! });
    assert.equal((await client.api.GET('/api/v1/me')).response.status, 200);
    await waitFor(
      async () => (await client.api.GET('/api/v1/me')).response.status === 200 && calls >= 2,
      5_000,
      'a second call to the token provider',
    );
    await client.connect();
    await until(client.$me, (me) => me?.displayName === name);
  });
});
