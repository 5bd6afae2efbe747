// Host-app tokens signed with keys the host publishes (CONFAB_JWKS_URL), beside the shared secret.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type TestContext, test } from 'node:test';
import { expectProblem, expectStatus, type Reply } from '@confab/conformance';
import type { Problem, User } from '@confab/protocol';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { configFromEnv } from '../src/index.js';
import { kitFor } from './support/kit.js';
import { startTestServer } from './support/test-server.js';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** A host's key (ES256, with a `kid`) and a way to sign its app tokens. */
async function hostKey(kid: string) {
  const keys: KeyPair = await generateKeyPair('ES256', { extractable: true });
  const sign = (claims: JWTPayload, expiresIn = '10m') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(keys.privateKey);
  return { kid, keys, sign };
}

/** Serves a JWKS with the public halves of `keys` on an ephemeral port until `t` ends. */
async function publishKeys(keys: { kid: string; keys: KeyPair }[], t: TestContext): Promise<string> {
  const jwks = {
    keys: await Promise.all(
      keys.map(async (k) => ({ ...(await exportJWK(k.keys.publicKey)), kid: k.kid, alg: 'ES256', use: 'sig' })),
    ),
  };
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
}

/** A port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('host-app tokens signed with a published key sign users in; unknown keys and borrowed identities do not', async (t) => {
  const published = await hostKey('host-2026');
  const unpublished = await hostKey('host-2026');
  const server = await startTestServer({ jwksUrl: await publishKeys([published], t) }, t);
  const { http, fixtures } = kitFor(server.url, t);
  const me = (token: string): Promise<Reply<User & Problem>> => http.get<User & Problem>('/api/v1/me', token);

  const dana = expectStatus(await me(await published.sign({ sub: 'ext-42', name: 'Dana' })), 200);
  assert.equal(dana.displayName, 'Dana');
  const again = expectStatus(await me(await published.sign({ sub: 'ext-42', name: 'Dana' })), 200);
  assert.equal(again.id, dana.id, 'the same host user each time');
  const ticket = await http.post('/api/v1/auth/ws-ticket', await published.sign({ sub: 'ext-42' }));
  expectStatus(ticket, 200, 'a socket ticket for a published-key token');

  expectProblem(
    await me(await unpublished.sign({ sub: 'ext-42' })),
    401,
    'unauthorized',
    'a key the host did not publish',
  );
  expectProblem(await me(await published.sign({ sub: 'ext-42' }, '-1m')), 401, 'token_expired', 'an expired token');
  expectProblem(await me(await published.sign({ name: 'Nobody' })), 401, 'unauthorized', 'a token without sub');

  const builtIn = await fixtures.user();
  const borrowed = await published.sign({ sub: builtIn.id, iss: 'confab' });
  const impostor = expectStatus(await me(borrowed), 200);
  assert.notEqual(impostor.id, builtIn.id, 'a published-key token never speaks for a built-in account');

  const readOnly = expectStatus(await me(await published.sign({ sub: 'ext-43', scope: 'chat:read' })), 200);
  const channel = await http.post('/api/v1/channels', await published.sign({ sub: 'ext-43', scope: 'chat:read' }), {
    name: 'nope',
    visibility: 'public',
  });
  expectProblem(channel, 403, 'insufficient_scope', `a chat:read token of ${readOnly.displayName} creating a channel`);

  const shared = await new SignJWT({ name: 'Eve' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('ext-44')
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(server.jwtSecret));
  assert.equal(expectStatus(await me(shared), 200).displayName, 'Eve', 'the shared secret still works');
});

test('when the published keys cannot be fetched, a token signed with one answers 503 unavailable', async (t) => {
  const key = await hostKey('gone');
  const unreachable = `http://127.0.0.1:${await closedPort()}/.well-known/jwks.json`;
  const server = await startTestServer({ jwksUrl: unreachable }, t);
  const { http } = kitFor(server.url, t);
  expectProblem(await http.get('/api/v1/me', await key.sign({ sub: 'ext-1' })), 503, 'unavailable');
  expectStatus(await http.get('/healthz'), 200, 'the server is fine');
});

test('CONFAB_JWKS_URL must be an http(s) URL', () => {
  assert.equal(
    configFromEnv({ CONFAB_JWKS_URL: 'https://example.com/jwks.json' }).jwksUrl,
    'https://example.com/jwks.json',
  );
  assert.throws(
    () => configFromEnv({ CONFAB_JWKS_URL: 'file:///etc/keys' }),
    /CONFAB_JWKS_URL must be an http\(s\) URL/,
  );
  assert.throws(() => configFromEnv({ CONFAB_JWKS_URL: 'not a url' }), /CONFAB_JWKS_URL/);
});
