import { randomUUID } from 'node:crypto';
import type { AuthSession, Me, User } from '@confab/protocol';
import { ensure, expectProblem, expectStatus, sameJson } from '../assert.js';
import type { Check } from '../check.js';
import { uniqueUsername } from '../fixtures.js';
import { signHostToken } from '../host-token.js';
import { profileOf } from './support.js';

const area = 'auth';

/** Built-in accounts, sessions, users and bearer tokens. */
export const authChecks: Check[] = [
  {
    id: 'auth.register',
    area,
    title: 'register answers 201 with a session that signs the new user in',
    required: true,
    contract: 'confab.yaml › POST /api/v1/auth/register (register) → AuthSession; GET /api/v1/me',
    async run({ http }) {
      const username = uniqueUsername();
      const request = { username, password: 'correct-horse-battery', displayName: 'Alice A.' };
      const session = expectStatus(await http.post<AuthSession>('/api/v1/auth/register', undefined, request), 201);
      ensure(
        session.user.username.toLowerCase() === username,
        `the session is for "${session.user.username}", not "${username}"`,
      );
      ensure(session.user.displayName === 'Alice A.', `displayName is "${session.user.displayName}"`);
      ensure(session.accessToken && session.refreshToken, 'the session lacks a token');
      ensure(Date.parse(session.expiresAt) > Date.now(), `expiresAt ${session.expiresAt} is not in the future`);
      const me = expectStatus(await http.get<Me>('/api/v1/me', session.accessToken), 200);
      ensure(me.id === session.user.id, `GET /me is ${me.id}, the session's user ${session.user.id}`);
    },
  },
  {
    id: 'auth.username-taken',
    area,
    title: 'registering a taken username answers 409 username_taken',
    required: true,
    contract: 'confab.yaml › POST /api/v1/auth/register → 409 (ErrorCode username_taken)',
    async run({ http, fixtures }) {
      const user = await fixtures.user();
      const again = { username: user.username, password: 'another-password' };
      expectProblem(await http.post('/api/v1/auth/register', undefined, again), 409, 'username_taken');
    },
  },
  {
    id: 'auth.login',
    area,
    title: 'login answers 200 for the right password and 401 invalid_credentials otherwise',
    required: true,
    contract: 'confab.yaml › POST /api/v1/auth/login (login) → 200 AuthSession | 401 invalid_credentials',
    async run({ http, fixtures }) {
      const user = await fixtures.user();
      const right = { username: user.username, password: user.password };
      const session = expectStatus(await http.post<AuthSession>('/api/v1/auth/login', undefined, right), 200);
      ensure(session.user.id === user.id, `login signed in ${session.user.id}, not ${user.id}`);
      const wrong = { username: user.username, password: `${user.password}x` };
      expectProblem(await http.post('/api/v1/auth/login', undefined, wrong), 401, 'invalid_credentials');
      const nobody = { username: uniqueUsername(), password: 'whatever-password' };
      expectProblem(await http.post('/api/v1/auth/login', undefined, nobody), 401, 'invalid_credentials');
    },
  },
  {
    id: 'auth.refresh',
    area,
    title: 'refresh rotates the refresh token; reusing the spent one answers 401 and revokes the newer one too',
    required: true,
    contract:
      'confab.yaml › POST /api/v1/auth/refresh (refreshSession) — refresh tokens rotate; a reuse revokes the session',
    async run({ http, fixtures }) {
      const user = await fixtures.user();
      const reply = await http.post<AuthSession>('/api/v1/auth/refresh', undefined, {
        refreshToken: user.refreshToken,
      });
      const fresh = expectStatus(reply, 200);
      ensure(fresh.refreshToken !== user.refreshToken, 'refresh answered the same refresh token');
      ensure(fresh.user.id === user.id, 'refresh signed in someone else');
      expectStatus(await http.get('/api/v1/me', fresh.accessToken), 200);
      const spent = { refreshToken: user.refreshToken };
      expectProblem(await http.post('/api/v1/auth/refresh', undefined, spent), 401, 'invalid_credentials');
      const newer = { refreshToken: fresh.refreshToken };
      expectProblem(
        await http.post('/api/v1/auth/refresh', undefined, newer),
        401,
        'invalid_credentials',
        'the newer refresh token, after the spent one was reused',
      );
    },
  },
  {
    id: 'auth.logout',
    area,
    title: 'logout answers 204 and revokes the refresh token',
    required: true,
    contract: 'confab.yaml › POST /api/v1/auth/logout (logout) → 204',
    async run({ http, fixtures }) {
      const user = await fixtures.user();
      const body = { refreshToken: user.refreshToken };
      expectStatus(await http.post('/api/v1/auth/logout', undefined, body), 204);
      expectProblem(await http.post('/api/v1/auth/refresh', undefined, body), 401, 'invalid_credentials');
      expectStatus(await http.post('/api/v1/auth/logout', undefined, body), 204, 'logging out twice');
    },
  },
  {
    id: 'auth.me',
    area,
    title: 'GET /me describes the caller with the scopes chat:read and chat:write',
    required: true,
    contract: 'confab.yaml › GET /api/v1/me (getMe) → Me',
    async run({ http, fixtures }) {
      const user = await fixtures.user('Display Name');
      const me = expectStatus(await http.get<Me>('/api/v1/me', user.token), 200);
      sameJson(profileOf(me), { ...profileOf(user), displayName: 'Display Name' }, 'GET /me');
      sameJson([...me.scopes].sort(), ['chat:read', 'chat:write'], 'the scopes of a built-in account');
    },
  },
  {
    id: 'auth.update-me',
    area,
    title: 'PATCH /me changes displayName and avatarUrl (absolute http(s) only; null removes it); others see them',
    required: true,
    contract: 'confab.yaml › PATCH /api/v1/me (updateMe) → Me; User.avatarUrl (HttpUrl)',
    async run({ http, fixtures }) {
      const alice = await fixtures.user();
      const viewer = await fixtures.user();
      const avatarUrl = `https://avatars.example.com/${alice.id}.png`;
      const changed = expectStatus(
        await http.patch<Me>('/api/v1/me', alice.token, { displayName: '  Alice Avatar ', avatarUrl }),
        200,
      );
      sameJson(
        [changed.id, changed.displayName, changed.avatarUrl],
        [alice.id, 'Alice Avatar', avatarUrl],
        'the changed user (id, displayName trimmed, avatarUrl)',
      );
      const seen = expectStatus(await http.get<User>(`/api/v1/users/${alice.id}`, viewer.token), 200);
      sameJson([seen.displayName, seen.avatarUrl], ['Alice Avatar', avatarUrl], 'the profile others see');
      const refused: [string, unknown][] = [
        ['a javascript: URL', { avatarUrl: 'javascript:alert(1)' }],
        ['a data: URL', { avatarUrl: 'data:image/png;base64,AAAA' }],
        ['a relative URL', { avatarUrl: '/me.png' }],
        ['an overlong URL', { avatarUrl: `https://example.com/${'a'.repeat(2048)}` }],
        ['a blank displayName', { displayName: '   ' }],
        ['an empty patch', {}],
        ['an unknown field', { username: 'root' }],
      ];
      for (const [what, body] of refused) {
        expectProblem(await http.patch('/api/v1/me', alice.token, body), 400, 'invalid_request', what);
      }
      const kept = expectStatus(await http.get<Me>('/api/v1/me', alice.token), 200);
      ensure(kept.avatarUrl === avatarUrl, `a refused patch changed avatarUrl to ${kept.avatarUrl}`);
      const removed = expectStatus(await http.patch<Me>('/api/v1/me', alice.token, { avatarUrl: null }), 200);
      ensure(!('avatarUrl' in removed), `avatarUrl: null left ${removed.avatarUrl}`);
      ensure(removed.displayName === 'Alice Avatar', 'removing the avatar changed the displayName');
      expectProblem(await http.patch('/api/v1/me', undefined, { avatarUrl }), 401, 'unauthorized', 'no token');
    },
  },
  {
    id: 'auth.users',
    area,
    title: 'GET /users/{id} answers the public profile, or 404 not_found',
    required: true,
    contract: 'confab.yaml › GET /api/v1/users/{userId} (getUser) → User | 404',
    async run({ http, fixtures }) {
      const alice = await fixtures.user('Alice Profile');
      const viewer = await fixtures.user();
      const profile = expectStatus(await http.get<User>(`/api/v1/users/${alice.id}`, viewer.token), 200);
      sameJson(profileOf(profile), { ...profileOf(alice), displayName: 'Alice Profile' }, 'the profile');
      ensure(!('password' in profile) && !('scopes' in profile), `the profile says too much: ${Object.keys(profile)}`);
      expectProblem(await http.get(`/api/v1/users/${randomUUID()}`, viewer.token), 404, 'not_found');
    },
  },
  {
    id: 'auth.users-search',
    area,
    title: 'GET /users?q= finds users by the start of their username, by username, limit honoured',
    required: true,
    contract: 'confab.yaml › GET /api/v1/users (searchUsers) → UserList',
    async run({ http, fixtures }) {
      const viewer = await fixtures.user();
      const prefix = `cs${randomUUID().replaceAll('-', '').slice(0, 10)}`;
      const names = [`${prefix}_b`, `${prefix}_a`];
      for (const username of names) {
        const request = { username, password: 'correct-horse-battery' };
        expectStatus(await http.post('/api/v1/auth/register', undefined, request), 201, `registering ${username}`);
      }
      const search = async (query: string) =>
        expectStatus(await http.get<{ items: User[] }>(`/api/v1/users?${query}`, viewer.token), 200, `?${query}`);
      sameJson(
        (await search(`q=${prefix}`)).items.map((u) => u.username),
        [...names].sort(),
        `users whose username starts with ${prefix}`,
      );
      sameJson((await search(`q=${prefix}&limit=1`)).items.length, 1, 'the page with limit=1');
      sameJson((await search(`q=${prefix}zz`)).items, [], 'a prefix nobody has');
      expectProblem(await http.get('/api/v1/users', viewer.token), 400, 'invalid_request', 'a search without q');
      expectProblem(await http.get(`/api/v1/users?q=${prefix}`), 401, 'unauthorized', 'a search without token');
    },
  },
  {
    id: 'auth.unauthorized',
    area,
    title: 'a missing, garbage or foreign-signed token answers 401 unauthorized',
    required: true,
    contract: 'confab.yaml › security bearerAuth; responses Unauthorized (ErrorCode unauthorized)',
    async run({ http, fixtures }) {
      expectProblem(await http.get('/api/v1/me'), 401, 'unauthorized', 'no token');
      expectProblem(await http.get('/api/v1/me', 'not-a-jwt'), 401, 'unauthorized', 'a garbage token');
      expectProblem(await http.get('/api/v1/channels', 'a.b.c'), 401, 'unauthorized', 'a malformed JWT');
      const foreign = signHostToken(`not-the-secret-${randomUUID()}`, { sub: 'mallory', name: 'Mallory' });
      expectProblem(await http.get('/api/v1/me', foreign), 401, 'unauthorized', 'a JWT signed with another secret');
      const basic = await http.request('GET', '/api/v1/me', { headers: { authorization: 'Basic YWxpY2U6cHc=' } });
      expectProblem(basic, 401, 'unauthorized', 'Basic auth');
      expectProblem(
        await http.post('/api/v1/auth/ws-ticket', undefined),
        401,
        'unauthorized',
        'a ticket without token',
      );
      const user = await fixtures.user();
      expectProblem(await http.get('/api/v1/me', user.refreshToken), 401, 'unauthorized', 'a refresh token as bearer');
    },
  },
];
