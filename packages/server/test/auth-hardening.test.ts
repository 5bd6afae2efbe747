// Sessions that can be revoked, per-account login backoff, bounded host-app tokens and bcrypt off the
// event loop: the audit's attacks on auth, each asserting its bound against a real server.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { type CheckContext, expectProblem, expectStatus } from '@confab/conformance';
import type { AuthSession, Me, WsTicket } from '@confab/protocol';
import { type JWTPayload, SignJWT } from 'jose';
import { Migrator, sql } from 'kysely';
import WebSocket from 'ws';
import { LoginBackoff } from '../src/auth/login-backoff.js';
import { PasswordHasher } from '../src/auth/passwords.js';
import { hashToken } from '../src/auth/tokens.js';
import { openDatabase } from '../src/db/connect.js';
import { migrations } from '../src/db/migrations.js';
import type { ServerConfig } from '../src/index.js';
import { kitFor } from './support/kit.js';
import { adminUrl, postgresReachable, testDatabase } from './support/postgres.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const password = 'correct-horse-battery';

/** A new built-in account and its first session. */
async function register(http: CheckContext['http']): Promise<AuthSession & { username: string }> {
  const username = `h2-${randomUUID().slice(0, 8)}`;
  const session = expectStatus(
    await http.post<AuthSession>('/api/v1/auth/register', undefined, { username, password }),
    201,
  );
  return { ...session, username };
}

const login = (http: CheckContext['http'], username: string, pass = password) =>
  http.post<AuthSession>('/api/v1/auth/login', undefined, { username, password: pass });
const refresh = (http: CheckContext['http'], refreshToken: string) =>
  http.post<AuthSession>('/api/v1/auth/refresh', undefined, { refreshToken });
const me = (http: CheckContext['http'], token: string) => http.get<Me>('/api/v1/me', token);

/** Whether a socket opens with `ticket`: the HTTP status of the refused upgrade, or 101. */
function upgradeStatus(url: string, ticket: string): Promise<number> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`);
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/** An open socket of `accessToken`'s user, and the close code it gets (`undefined` while open). */
async function openSocket(http: CheckContext['http'], url: string, accessToken: string, t: TestContext) {
  const { ticket } = expectStatus(await http.post<WsTicket>('/api/v1/auth/ws-ticket', accessToken), 200);
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`);
  t.after(() => socket.terminate());
  const state: { closeCode?: number; closed: Promise<number> } = {
    closed: new Promise((resolve) =>
      socket.once('close', (code) => {
        state.closeCode = code;
        resolve(code);
      }),
    ),
  };
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return state;
}

/** Where the session tests run: SQLite always, PostgreSQL where it is reachable (always in CI). */
const backends: {
  name: string;
  skip: string | false;
  start(overrides: Partial<ServerConfig>, t: TestContext): Promise<TestServer>;
}[] = [
  { name: 'SQLite', skip: false, start: (overrides, t) => startTestServer(overrides, t) },
  {
    name: 'PostgreSQL',
    skip: !(await postgresReachable()) && `PostgreSQL is not reachable at ${adminUrl}`,
    start: async (overrides, t) => (await testDatabase(t)).start(overrides),
  },
];

for (const backend of backends) {
  test(`reusing a rotated refresh token revokes its whole session, and only that one (${backend.name})`, {
    skip: backend.skip,
  }, async (t) => {
    const { http } = kitFor((await backend.start({}, t)).url, t);
    const first = await register(http);
    const other = expectStatus(await login(http, first.username), 200, 'a second sign-in (another device)');

    const second = expectStatus(await refresh(http, first.refreshToken), 200, 'the first rotation');
    const third = expectStatus(await refresh(http, second.refreshToken), 200, 'the second rotation');
    expectProblem(await refresh(http, first.refreshToken), 401, 'invalid_credentials', 'reusing the first token');
    expectProblem(
      await refresh(http, third.refreshToken),
      401,
      'invalid_credentials',
      'the newest token, after a reuse',
    );
    expectProblem(await refresh(http, second.refreshToken), 401, 'invalid_credentials', 'a middle token');

    expectStatus(await refresh(http, other.refreshToken), 200, 'the other sign-in is a session of its own');
  });

  test(`logout ends the session its refresh token belongs to (${backend.name})`, { skip: backend.skip }, async (t) => {
    const { http } = kitFor((await backend.start({}, t)).url, t);
    const first = await register(http);
    const rotated = expectStatus(await refresh(http, first.refreshToken), 200);
    expectStatus(await http.post('/api/v1/auth/logout', undefined, { refreshToken: first.refreshToken }), 204);
    expectProblem(
      await refresh(http, rotated.refreshToken),
      401,
      'invalid_credentials',
      'the token after the one logged out',
    );
  });

  test(`logout-all ends every session of the user: refresh tokens, access tokens and socket tickets (${backend.name})`, {
    skip: backend.skip,
  }, async (t) => {
    const server = await backend.start({}, t);
    const { http } = kitFor(server.url, t);
    const laptop = await register(http);
    const phone = expectStatus(await login(http, laptop.username), 200);
    const bystander = await register(http);
    const ticket = expectStatus(await http.post<WsTicket>('/api/v1/auth/ws-ticket', phone.accessToken), 200);

    expectStatus(await http.post('/api/v1/auth/logout-all', laptop.accessToken), 204);

    for (const [device, session] of [
      ['laptop', laptop],
      ['phone', phone],
    ] as const) {
      expectProblem(await me(http, session.accessToken), 401, 'unauthorized', `the ${device}'s access token`);
      expectProblem(
        await refresh(http, session.refreshToken),
        401,
        'invalid_credentials',
        `the ${device}'s refresh token`,
      );
    }
    assert.equal(await upgradeStatus(server.url, ticket.ticket), 401, 'a ticket taken before is spent');
    expectStatus(await me(http, bystander.accessToken), 200, 'another user is not touched');

    const again = expectStatus(await login(http, laptop.username), 200, 'signing in again');
    expectStatus(await me(http, again.accessToken), 200);
    expectStatus(await refresh(http, again.refreshToken), 200);
  });

  test(`logout-all and a password change close the account's open sockets with 4001, and no one else's (${backend.name})`, {
    skip: backend.skip,
  }, async (t) => {
    const server = await backend.start({}, t);
    const { http } = kitFor(server.url, t);
    const ann = await register(http);
    const bystander = await register(http);
    const annSockets = [
      await openSocket(http, server.url, ann.accessToken, t),
      await openSocket(http, server.url, ann.accessToken, t),
    ];
    const theirs = await openSocket(http, server.url, bystander.accessToken, t);

    expectStatus(await http.post('/api/v1/auth/logout-all', ann.accessToken), 204);
    assert.deepEqual(await Promise.all(annSockets.map((s) => s.closed)), [4001, 4001]);

    const again = expectStatus(await login(http, ann.username), 200);
    const beforeChange = await openSocket(http, server.url, again.accessToken, t);
    const changed = expectStatus(
      await http.post<AuthSession>('/api/v1/me/password', again.accessToken, {
        currentPassword: password,
        newPassword: `${password}-2`,
      }),
      200,
    );
    assert.equal(await beforeChange.closed, 4001, 'a password change closes the sockets of the old sessions');
    const afterChange = await openSocket(http, server.url, changed.accessToken, t);
    expectStatus(await me(http, bystander.accessToken), 200);
    assert.equal(theirs.closeCode, undefined, "another user's socket stays open");
    assert.equal(afterChange.closeCode, undefined, 'the caller reconnects with its fresh session');
  });

  test(`logout-all and password change are for built-in accounts; a host-app user gets 403 (${backend.name})`, {
    skip: backend.skip,
  }, async (t) => {
    const server = await backend.start({}, t);
    const { http } = kitFor(server.url, t);
    const host = await hostToken(server.jwtSecret, { sub: `ext-${randomUUID()}`, name: 'Hosted' }, '10m');
    expectProblem(await http.post('/api/v1/auth/logout-all', host), 403, 'forbidden');
    const change = { currentPassword: password, newPassword: 'a-new-password' };
    expectProblem(await http.post('/api/v1/me/password', host, change), 403, 'forbidden');
    expectProblem(await http.post('/api/v1/auth/logout-all', undefined), 401, 'unauthorized');
  });

  test(`a password change keeps the caller signed in and signs every other session out (${backend.name})`, {
    skip: backend.skip,
  }, async (t) => {
    const { http } = kitFor((await backend.start({}, t)).url, t);
    const caller = await register(http);
    const other = expectStatus(await login(http, caller.username), 200);
    const newPassword = 'battery-staple-horse-correct';

    const wrong = { currentPassword: 'not-the-password', newPassword };
    expectProblem(await http.post('/api/v1/me/password', caller.accessToken, wrong), 403, 'forbidden');
    expectStatus(await me(http, other.accessToken), 200, 'a refused change ends nothing');

    const fresh = expectStatus(
      await http.post<AuthSession>('/api/v1/me/password', caller.accessToken, {
        currentPassword: password,
        newPassword,
      }),
      200,
    );
    assert.equal(fresh.user.id, caller.user.id);
    expectStatus(await me(http, fresh.accessToken), 200, "the caller's new session");
    expectStatus(await refresh(http, fresh.refreshToken), 200, "the caller's new session refreshes");

    expectProblem(await me(http, other.accessToken), 401, 'unauthorized', "the other session's access token");
    expectProblem(
      await refresh(http, other.refreshToken),
      401,
      'invalid_credentials',
      "the other session's refresh token",
    );
    expectProblem(await me(http, caller.accessToken), 401, 'unauthorized', "the caller's old access token");
    expectProblem(
      await refresh(http, caller.refreshToken),
      401,
      'invalid_credentials',
      "the caller's old refresh token",
    );

    expectProblem(await login(http, caller.username), 401, 'invalid_credentials', 'the old password');
    expectStatus(await login(http, caller.username, newPassword), 200, 'the new password');
  });

  test(`a session cannot be refreshed past its absolute lifetime (${backend.name})`, {
    skip: backend.skip,
  }, async (t) => {
    const maxAge = 2;
    const { http } = kitFor((await backend.start({ sessionMaxAgeSeconds: maxAge }, t)).url, t);
    const signedInAt = Date.now();
    const session = await register(http);
    let refreshToken = session.refreshToken;
    let refreshes = 0;
    let refused: number | undefined;
    for (let i = 0; i < 400 && refused === undefined; i++) {
      const reply = await refresh(http, refreshToken);
      if (reply.status === 200) {
        refreshToken = (reply.body as AuthSession).refreshToken;
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 25)); // pacing, not an assertion
      } else {
        expectProblem(reply, 401, 'invalid_credentials', 'a refresh past the session lifetime');
        refused = Date.now();
      }
    }
    assert.ok(refreshes >= 1, 'the session refreshed while it was young');
    assert.ok(refused !== undefined, 'the session was refused in the end');
    assert.ok(refused - signedInAt >= maxAge * 1000, 'not before its lifetime was over');
    expectStatus(await login(http, session.username), 200, 'a new sign-in starts a new session');
  });
}

test('a refresh token issued before the upgrade refreshes once, then rotates within its own session', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-test-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));
  const { db } = openDatabase({ databaseUrl: undefined, dataDir });
  const provider = { getMigrations: async () => migrations };
  const migrated = await new Migrator({ db, provider }).migrateTo('0003_user_avatars');
  assert.equal(migrated.error, undefined);
  const old = { id: `old-${randomUUID()}`, token: `legacy-${randomUUID()}` };
  await sql`insert into users (id, username, display_name, created_at)
    values (${old.id}, ${old.id}, 'Old', '2026-01-01T00:00:00Z')`.execute(db);
  const expiresAt = new Date(Date.now() + 3600_000).toISOString();
  // The tables as they were before 0004, without its new columns.
  await sql`insert into refresh_tokens (token_hash, user_id, expires_at)
    values (${hashToken(old.token)}, ${old.id}, ${expiresAt})`.execute(db);
  await db.destroy();

  const { http } = kitFor((await startTestServer({ dataDir }, t)).url, t);
  const next = expectStatus(await refresh(http, old.token), 200, 'the token from before the upgrade');
  assert.equal(next.user.id, old.id);
  expectStatus(await refresh(http, next.refreshToken), 200, 'its successor');
  expectProblem(await refresh(http, old.token), 401, 'invalid_credentials', 'the old token, reused');
  expectProblem(await refresh(http, next.refreshToken), 401, 'invalid_credentials', 'its session is revoked');
});

test('wrong passwords for one account back off with 429 and Retry-After; parallel attempts cannot slip through', async (t) => {
  const { http } = kitFor((await startTestServer({}, t)).url, t);
  const victim = await register(http);

  const statuses = await Promise.all(
    Array.from({ length: 50 }, () => login(http, victim.username, 'guess-password').then((r) => r.status)),
  );
  assert.equal(statuses.filter((s) => s === 401).length, 5, 'passwords checked out of 50 parallel guesses');
  assert.equal(statuses.filter((s) => s === 429).length, 45, '429 for the rest');

  const locked = await login(http, victim.username, password);
  const problem = expectProblem(locked, 429, 'rate_limited', 'even the right password while locked');
  const retryAfter = Number(locked.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter === problem.retryAfter, `Retry-After ${retryAfter}`);

  const other = await register(http);
  expectStatus(await login(http, other.username), 200, 'another account from the same address');

  // Wait out the lock with the right password (a locked attempt is not counted): a success resets the count.
  let reply = locked;
  for (let i = 0; i < 60 && reply.status === 429; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    reply = await login(http, victim.username, password);
  }
  expectStatus(reply, 200, 'the right password once the lock is over');
  const after: number[] = [];
  for (let i = 0; i < 6; i++) after.push((await login(http, victim.username, 'guess-password')).status);
  assert.deepEqual(after, [401, 401, 401, 401, 401, 429], 'five fresh attempts after a success');
});

test('an unknown username backs off exactly like a real one', async (t) => {
  const { http } = kitFor((await startTestServer({}, t)).url, t);
  const real = await register(http);
  const pattern = async (username: string) => {
    const seen: number[] = [];
    for (let i = 0; i < 7; i++) seen.push((await login(http, username, 'guess-password')).status);
    return seen;
  };
  const known = await pattern(real.username);
  assert.deepEqual(known, [401, 401, 401, 401, 401, 429, 429]);
  assert.deepEqual(await pattern(`nobody-${randomUUID().slice(0, 8)}`), known);
});

test('the backoff doubles past the free attempts, is capped, and bounds a day of guessing', (t) => {
  const backoff = new LoginBackoff();
  const { freeAttempts, maxWaitSeconds } = backoff.policy;
  let now = 0;
  const waits: number[] = [];
  let allowed = 0;
  // An attacker who tries again the moment each lock ends, for a day.
  while (now < 24 * 3600 * 1000) {
    const wait = backoff.begin('victim', now);
    if (wait === 0) {
      allowed++;
      now += 10;
    } else {
      waits.push(wait);
      now += wait * 1000;
    }
  }
  assert.deepEqual(waits.slice(0, 5), [1, 2, 4, 8, 16], 'the first waits double');
  assert.ok(Math.max(...waits) <= maxWaitSeconds, `no wait is over ${maxWaitSeconds} s`);
  assert.equal(waits.at(-1), maxWaitSeconds, 'a persistent attacker meets the cap, not a lock for good');
  t.diagnostic(`a guesser who never pauses gets ${allowed} guesses in a day`);
  assert.ok(allowed <= freeAttempts + 24 * 4 + 11, `${allowed} guesses in a day`);
  backoff.succeeded('victim');
  assert.equal(backoff.begin('victim', now), 0, 'a success starts afresh');
});

/** A host-app token signed with the shared secret; `expiresIn` undefined leaves `exp` out. */
function hostToken(secret: string, claims: JWTPayload, expiresIn: string | undefined, issuedAt = true) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' });
  if (issuedAt) jwt.setIssuedAt();
  if (expiresIn) jwt.setExpirationTime(expiresIn);
  return jwt.sign(new TextEncoder().encode(secret));
}

test('host-app tokens must carry exp, within the configured maximum lifetime', async (t) => {
  const server = await startTestServer({ hostTokenMaxTtlSeconds: 3600 }, t);
  const { http } = kitFor(server.url, t);
  const claims = { sub: `ext-${randomUUID()}`, name: 'Hosted Hannah' };

  const forever = expectProblem(
    await me(http, await hostToken(server.jwtSecret, claims, undefined)),
    401,
    'unauthorized',
  );
  assert.match(forever.detail, /exp/, 'the problem says what is missing');
  const tooLong = expectProblem(await me(http, await hostToken(server.jwtSecret, claims, '2h')), 401, 'unauthorized');
  assert.match(tooLong.detail, /at most 3600 s/);
  expectProblem(
    await me(http, await hostToken(server.jwtSecret, claims, '2h', false)),
    401,
    'unauthorized',
    'too long counted from now, without iat',
  );
  expectStatus(await me(http, await hostToken(server.jwtSecret, claims, '1h')), 200, 'exactly the maximum');
  expectStatus(await me(http, await hostToken(server.jwtSecret, claims, '10m', false)), 200, 'without iat');
});

test('bcrypt runs off the event loop: /healthz keeps answering during a flood of sign-ins', async (t) => {
  const server = await startTestServer({ passwordCost: 10 }, t);
  const flood = 24;
  const answered = await healthzDuringFlood(server.url, flood, t);
  t.diagnostic(`/healthz answered ${answered} times while ${flood} cost-10 sign-ins ran`);
  assert.ok(answered >= 4 * flood, `/healthz answered ${answered} times during ${flood} sign-ins`);
});

test('the password pool bounds what waits for it, and fails what still waits when it closes', async () => {
  const hasher = new PasswordHasher(4, 1);
  const hash = await hasher.hash(password);
  const settled = await Promise.allSettled(Array.from({ length: 100 }, () => hasher.verify(password, hash)));
  const refused = settled.filter((r) => r.status === 'rejected');
  // The first check also hashes the decoy (for unknown usernames): it runs, 64 checks wait, the rest are refused.
  assert.equal(settled.length - refused.length, 64, 'checks that waited their turn');
  for (const r of refused) assert.equal((r.reason as { code?: string }).code, 'unavailable');
  for (const r of settled) if (r.status === 'fulfilled') assert.equal(r.value, true);

  const outcomes = Promise.allSettled([hasher.verify(password, hash), hasher.verify(password, hash)]);
  await hasher.close();
  const [running, waiting] = await outcomes;
  assert.equal(running?.status === 'rejected' && String(running.reason), 'Error: the password worker stopped');
  assert.equal(waiting?.status === 'rejected' && (waiting.reason as { code?: string }).code, 'unavailable');
  await assert.rejects(hasher.hash(password), { code: 'unavailable' }, 'a check after close');
});

test('a pool closed while its decoy hash runs leaves no unhandled rejection', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const hasher = new PasswordHasher(4, 1);
    const hash = await hasher.hash(password);
    const check = assert.rejects(hasher.verify(password, hash)); // a known user: the decoy is made, nobody awaits it
    await hasher.close();
    await check;
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

/** Runs `count` sign-ins (unknown usernames: each still costs one bcrypt check) and counts /healthz answers meanwhile. */
async function healthzDuringFlood(url: string, count: number, t: TestContext): Promise<number> {
  const { http } = kitFor(url, t);
  let done = false;
  const logins = Promise.all(
    Array.from({ length: count }, (_, i) => login(http, `flood-${i}-${randomUUID().slice(0, 6)}`, 'guess-password')),
  ).finally(() => {
    done = true;
  });
  let answered = 0;
  while (!done) {
    const reply = await fetch(`${url}/healthz`);
    await reply.arrayBuffer();
    if (reply.ok && !done) answered++;
  }
  for (const reply of await logins) expectProblem(reply, 401, 'invalid_credentials');
  return answered;
}
