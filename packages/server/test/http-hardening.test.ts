// The HTTP surface against hostile pages and clients: security headers on every reply, a demo page whose
// Content-Security-Policy holds in Chromium, /metrics opt-in, a write budget per user on every write (and
// the contract declaring each 429 the server can answer), and a bundle whose absence is explained.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { expectProblem, type KitUser, newClientId, type Reply } from '@confab/conformance';
import { openapiDocument } from '@confab/protocol';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { locateElementsBundle } from '../src/http/elements-bundle.js';
import { API_POLICY, pagePolicy } from '../src/http/security-headers.js';
import { configFromEnv, startServer } from '../src/index.js';
import { kitFor } from './support/kit.js';
import { startTestServer } from './support/test-server.js';

const text = (value: string) => ({ type: 'text', text: value });
const SAFE = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' };

/** A raw GET (no fetch: it keeps malformed URLs as they are), answered with the status and headers. */
function rawGet(url: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const { hostname, port } = new URL(url);
      request({ hostname, port, path, headers, agent: false }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      })
        .on('error', reject)
        .end();
    },
  );
}

function assertSafe(headers: Record<string, string | string[] | undefined>, what: string): void {
  for (const [name, value] of Object.entries(SAFE)) assert.equal(headers[name], value, `${what}: ${name}`);
}

test('every reply carries nosniff, DENY framing and no-referrer; API replies the strict policy', async (t) => {
  const server = await startTestServer({}, t);
  const favicon = await rawGet(server.url, '/favicon.svg');
  const cases: [string, string, Record<string, string>?][] = [
    ['a JSON reply', '/healthz'],
    ['the contract', '/openapi.json'],
    ['a problem (401)', '/api/v1/me'],
    ['an unknown route (404)', '/no/such/route'],
    ['a malformed URL (400)', '/api/v1/channels/%E0%A4%A'],
    ['a 304', '/favicon.svg', { 'if-none-match': String(favicon.headers.etag) }],
    ['a CORS reply', '/healthz', { origin: 'https://host.example' }],
  ];
  for (const [what, path, headers] of cases) {
    const reply = await rawGet(server.url, path, headers);
    assertSafe(reply.headers, what);
    assert.equal(reply.headers['content-security-policy'], API_POLICY, `${what}: the API policy`);
  }
  assert.equal((await rawGet(server.url, '/favicon.svg', cases[5]![2])).status, 304);
});

test('the demo page gets a policy that allows only itself, its own inline blocks, and no framing', async (t) => {
  const server = await startTestServer({}, t);
  const page = await rawGet(server.url, '/');
  assert.equal(page.status, 200);
  assertSafe(page.headers, 'the demo page');
  const policy = String(page.headers['content-security-policy']);
  assert.equal(policy, pagePolicy(page.body));
  const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
  assert.deepEqual(directives.get('connect-src'), ["'self'"]);
  assert.equal(directives.has('style-src-attr'), false, 'inline style attributes fall back to style-src: refused');
  for (const kind of ['script-src', 'style-src']) {
    const sources = directives.get(kind) ?? [];
    assert.ok(!sources.includes("'unsafe-inline'") && !sources.includes("'unsafe-eval'"), kind);
    assert.equal(sources.filter((s) => s.startsWith("'sha256-")).length, 1, `${kind}: the page's one inline block`);
  }
});

test('pagePolicy hashes inline scripts and styles, but not scripts loaded by src', () => {
  const policy = pagePolicy('<style>a{}</style><script type="module" src="/x.js"></script><script>go()</script>');
  assert.match(policy, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'; /);
  assert.equal(policy.match(/'sha256-/g)?.length, 2);
  assert.match(pagePolicy('<p>no inline blocks</p>'), /script-src 'self'; style-src 'self';/);
});

test('the drop-in bundle stays loadable from other origins', async (t) => {
  const server = await startTestServer({}, t);
  const bundle = await rawGet(server.url, '/sdk/elements.js', { origin: 'https://host.example' });
  assert.equal(bundle.headers['cross-origin-resource-policy'], 'cross-origin');
  assert.equal(bundle.headers['access-control-allow-origin'], 'https://host.example');
  assert.equal(bundle.headers['content-type'], 'text/javascript; charset=utf-8', 'nosniff needs a script type');
});

const chromium = chromiumPath;
const bundleBuilt = (() => {
  const found = locateElementsBundle(import.meta.url);
  return 'path' in found && existsSync(found.path);
})();

test('in Chromium the demo page loads, signs in and opens its socket without one CSP violation', {
  skip: !existsSync(chromium) ? `no ${chromium}` : !bundleBuilt && 'the elements bundle is not built (npm run build)',
}, async (t) => {
  const server = await startTestServer({}, t);
  const { fixtures } = kitFor(server.url, t);
  const [user, friend] = await fixtures.users(2);
  const channel = await fixtures.channel(friend!, 'public', [user!.id]);
  for (let i = 0; i < 30; i++) await fixtures.post(friend!, channel.id, `line ${i}`);
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({
    executablePath: chromium,
    args: chromiumArgs,
  });
  t.after(() => browser.close());
  const page = await browser.newPage();
  const complaints: string[] = [];
  page.on('console', (message) => {
    if (/content security policy|refused to/i.test(message.text())) complaints.push(message.text());
  });
  page.on('pageerror', (error) => complaints.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as { cspViolations?: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const socketOpened = page.waitForEvent('websocket');
  await page.goto(server.url);
  await page.locator('input[name=username]').fill(user!.username);
  await page.locator('input[name=password]').fill(user!.password);
  await page.locator('button[type=submit]').click();
  const socket = await socketOpened;
  await socket.waitForEvent('framereceived', { predicate: (f) => String(f.payload).includes('"hello"') });
  // a channel with messages shows avatars and the message list's spacers, both styled by the elements
  await page.getByText('line 29').waitFor();
  const violations = await page.evaluate(() => (globalThis as { cspViolations?: string[] }).cspViolations ?? []);
  assert.deepEqual([...violations, ...complaints], []);
});

test('/metrics is closed by default', async (t) => {
  const server = await startTestServer({}, t);
  const { http } = kitFor(server.url, t);
  expectProblem(await http.get('/metrics'), 404, 'not_found');
  assert.equal(configFromEnv({}).metrics, 'off');
  assert.equal(configFromEnv({}).metricsPort, undefined);
});

test('CONFAB_METRICS=public serves /metrics on the main port', async (t) => {
  const config = configFromEnv({ CONFAB_METRICS: 'public' });
  assert.equal(config.metrics, 'public');
  assert.throws(() => configFromEnv({ CONFAB_METRICS: 'yes' }), /CONFAB_METRICS must be "public" or "off"/);
  const server = await startTestServer({ metrics: config.metrics }, t);
  const metrics = await rawGet(server.url, '/metrics');
  assert.equal(metrics.status, 200);
  assert.match(metrics.body, /^confab_messages_stored_total 0$/m);
  assertSafe(metrics.headers, '/metrics');
});

test('CONFAB_METRICS_PORT serves /metrics alone on 127.0.0.1, not on the main port, and closes with the server', async (t) => {
  const config = configFromEnv({ CONFAB_METRICS_PORT: '0' });
  assert.equal(config.metricsPort, 0);
  assert.equal(config.metricsHost, '127.0.0.1');
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-metrics-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));
  const server = await startServer({ port: 0, dataDir, logLevel: 'silent', metricsPort: config.metricsPort });
  t.after(() => server.close());
  const url = new URL(String(server.metricsUrl));
  assert.equal(url.hostname, '127.0.0.1');
  assert.notEqual(url.port, String(server.port));
  const metrics = await rawGet(url.origin, '/metrics');
  assert.equal(metrics.status, 200);
  assert.match(metrics.body, /^confab_open_sockets 0$/m);
  assertSafe(metrics.headers, 'the metrics listener');
  assert.equal((await rawGet(url.origin, '/api/v1/me')).status, 404, 'the metrics port serves nothing else');
  assert.equal((await rawGet(server.url, '/metrics')).status, 404, 'the main port does not serve /metrics');

  const scraped = await fetch(url); // fetch keeps its connection open: close must not wait for it
  assert.equal(scraped.status, 200);
  await scraped.text();
  await server.close();
  await assert.rejects(rawGet(url.origin, '/metrics'), { code: 'ECONNREFUSED' });
});

/** The writes of the contract: every operation that is not a GET, outside `auth` (rate limited per address). */
const writes = Object.values(openapiDocument.paths as Record<string, Record<string, unknown>>).flatMap((item) =>
  Object.entries(item).flatMap(([method, operation]) => {
    const op = operation as { operationId?: string; tags?: string[]; responses?: Record<string, unknown> };
    if (method === 'get' || method === 'parameters' || !op.operationId || op.tags?.includes('auth')) return [];
    return [{ id: op.operationId, declares429: '429' in (op.responses ?? {}) }];
  }),
);

type Attempt = () => Promise<Reply>;
type Kit = ReturnType<typeof kitFor>;

/**
 * For each write: what it takes (with a fresh `user` whose write budget is one) to get to the request, and
 * the request. Setup may spend the budget; the request is then tried until it answers 429.
 */
const recipes: Record<string, (kit: Kit, user: KitUser) => Promise<Attempt>> = {
  updateMe:
    async ({ http }, user) =>
    () =>
      http.patch('/api/v1/me', user.token, { displayName: 'Renamed' }),
  createChannel: async ({ http }, user) => {
    let n = 0;
    return () =>
      http.post('/api/v1/channels', user.token, { name: `rl-${user!.username}-${n++}`, visibility: 'public' });
  },
  updateChannel: async ({ http, fixtures }, user) => {
    const channel = await fixtures.channel(user);
    return () => http.patch(`/api/v1/channels/${channel.id}`, user.token, { topic: 'new' });
  },
  deleteChannel: async ({ http, fixtures }, user) => {
    const channel = await fixtures.channel(user);
    return () => http.delete(`/api/v1/channels/${channel.id}`, user.token);
  },
  markRead: async ({ http, fixtures }, user) => {
    const channel = await fixtures.channel(user);
    return () => http.put(`/api/v1/channels/${channel.id}/read`, user.token, { seq: 0 });
  },
  addMember: async ({ http, fixtures }, user) => {
    const channel = await fixtures.channel(await fixtures.user());
    return () => http.put(`/api/v1/channels/${channel.id}/members/me`, user.token);
  },
  removeMember: async ({ http, fixtures }, user) => {
    const channel = await fixtures.channel(await fixtures.user());
    await fixtures.join(user, channel.id);
    return () => http.delete(`/api/v1/channels/${channel.id}/members/me`, user.token);
  },
  updateMember: async ({ http, fixtures }, user) => {
    const other = await fixtures.user();
    const channel = await fixtures.channel(user, 'public', [other.id]);
    const until = new Date(Date.now() + 3600_000).toISOString();
    return () => http.patch(`/api/v1/channels/${channel.id}/members/${other.id}`, user.token, { mutedUntil: until });
  },
  banMember: async ({ http, fixtures }, user) => {
    const other = await fixtures.user();
    const channel = await fixtures.channel(user);
    return () => http.put(`/api/v1/channels/${channel.id}/bans/${other.id}`, user.token, { reason: 'spam' });
  },
  unbanMember: async ({ http, fixtures }, user) => {
    const other = await fixtures.user();
    const channel = await fixtures.channel(user);
    return () => http.delete(`/api/v1/channels/${channel.id}/bans/${other.id}`, user.token);
  },
  sendMessage: async ({ http, fixtures }, user) => {
    const channel = await fixtures.channel(user);
    return () =>
      http.post(`/api/v1/channels/${channel.id}/messages`, user.token, {
        clientMessageId: newClientId(),
        body: text('hi'),
      });
  },
  editMessage: async ({ http, fixtures }, user) => {
    const message = await fixtures.post(user, (await fixtures.channel(user)).id, 'edit me');
    return () => http.patch(`/api/v1/messages/${message.id}`, user.token, { body: text('edited') });
  },
  deleteMessage: async ({ http, fixtures }, user) => {
    const message = await fixtures.post(user, (await fixtures.channel(user)).id, 'delete me');
    return () => http.delete(`/api/v1/messages/${message.id}`, user.token);
  },
  addReaction: async ({ http, fixtures }, user) => {
    const message = await fixtures.post(user, (await fixtures.channel(user)).id, 'react');
    return () => http.put(`/api/v1/messages/${message.id}/reactions/${encodeURIComponent('👍')}`, user.token);
  },
  removeReaction: async ({ http, fixtures }, user) => {
    const message = await fixtures.post(user, (await fixtures.channel(user)).id, 'unreact');
    return () => http.delete(`/api/v1/messages/${message.id}/reactions/${encodeURIComponent('👍')}`, user.token);
  },
  removePreview: async ({ http, fixtures }, user) => {
    const message = await fixtures.post(user, (await fixtures.channel(user)).id, 'no link, no preview');
    return () => http.delete(`/api/v1/messages/${message.id}/preview`, user.token);
  },
  reportMessage: async ({ http, fixtures }, user) => {
    const author = await fixtures.user();
    const message = await fixtures.post(author, (await fixtures.channel(author)).id, 'report me');
    return () => http.post(`/api/v1/messages/${message.id}/reports`, user.token, { reason: 'spam' });
  },
  resolveReport: async ({ http, fixtures }, user) => {
    const [author, reporter] = await fixtures.users(2);
    const channel = await fixtures.channel(user, 'public', [author!.id, reporter!.id]);
    const message = await fixtures.post(author!, channel.id, 'reported');
    const report = await http.post<{ id: string }>(`/api/v1/messages/${message.id}/reports`, reporter!.token, {
      reason: 'spam',
    });
    return () => http.patch(`/api/v1/reports/${report.body.id}`, user.token, { resolution: 'dismissed' });
  },
  blockUser: async ({ http, fixtures }, user) => {
    const other = await fixtures.user();
    return () => http.put(`/api/v1/me/blocks/${other.id}`, user.token);
  },
  unblockUser: async ({ http, fixtures }, user) => {
    const other = await fixtures.user();
    return () => http.delete(`/api/v1/me/blocks/${other.id}`, user.token);
  },
  pinMessage: async ({ http, fixtures }, user) => {
    const message = await fixtures.post(user, (await fixtures.channel(user)).id, 'pin me');
    return () => http.put(`/api/v1/messages/${message.id}/pin`, user.token);
  },
  unpinMessage: async ({ http, fixtures }, user) => {
    const message = await fixtures.post(user, (await fixtures.channel(user)).id, 'unpin me');
    return () => http.delete(`/api/v1/messages/${message.id}/pin`, user.token);
  },
  createUpload:
    async ({ http }, user) =>
    () => {
      const form = new FormData();
      form.append('file', new Blob(['plain words'], { type: 'text/plain' }), 'note.txt');
      return http.request('POST', '/api/v1/uploads', { token: user.token, form });
    },
};

test('every write of the contract declares 429, and there is a recipe below to prove the server answers it', () => {
  assert.deepEqual(writes.map((w) => w.id).sort(), Object.keys(recipes).sort());
  assert.deepEqual(
    writes.filter((w) => !w.declares429).map((w) => w.id),
    [],
    'writes whose 429 the contract does not list',
  );
});

test('with a budget of one write (and one message) per user, every write answers 429 the way the contract says', async (t: TestContext) => {
  const server = await startTestServer({ writeRate: 0.1, sendRate: 0.1 }, t);
  const kit = kitFor(server.url, t);
  const seen: string[] = [];
  for (const [operationId, recipe] of Object.entries(recipes)) {
    const attempt = await recipe(kit, await kit.fixtures.user());
    const replies: Reply[] = [];
    while (replies.length < 3 && replies.at(-1)?.status !== 429) replies.push(await attempt()); // the kit checks each
    const limited = replies.at(-1)!;
    assert.equal(limited.status, 429, `${operationId}: ${replies.map((r) => r.status).join(', ')}`);
    const problem = expectProblem(limited, 429, 'rate_limited', operationId);
    assert.equal(limited.headers.get('retry-after'), String(problem.retryAfter), `${operationId}: Retry-After`);
    assert.ok((problem.retryAfter ?? 0) >= 1, `${operationId}: retryAfter ${problem.retryAfter}`);
    seen.push(`${operationId} ${replies.map((r) => r.status).join('→')}`);
  }
  t.diagnostic(seen.join(', '));
});

test('the write budget is per user: one user over it does not slow another down', async (t) => {
  const server = await startTestServer({ writeRate: 0.1 }, t);
  const { http, fixtures } = kitFor(server.url, t);
  const [alice, bob] = await fixtures.users(2);
  await fixtures.channel(alice!);
  expectProblem(
    await http.post('/api/v1/channels', alice!.token, { name: 'second', visibility: 'public' }),
    429,
    'rate_limited',
  );
  assert.equal((await http.post('/api/v1/channels', bob!.token, { name: 'bobs', visibility: 'public' })).status, 201);
  assert.equal(configFromEnv({ CONFAB_WRITE_RATE: '3' }).writeRate, 3);
});

test('@confab/server declares @confab/elements, whose bundle export has types', async () => {
  const server = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
  const elements = JSON.parse(await readFile(new URL('../../elements/package.json', import.meta.url), 'utf8'));
  assert.equal(server.dependencies['@confab/elements'], elements.version);
  assert.deepEqual(Object.keys(elements.exports['./bundle']), ['types', 'default']);
});

test('a missing bundle is explained: not installed, a version without it, or not built', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'confab-bundle-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const from = pathToFileURL(join(root, 'server.js')).href;
  assert.deepEqual(locateElementsBundle(from), {
    missing: '@confab/elements is not installed next to @confab/server; install it.',
  });

  /** A server installed in its own folder next to an @confab/elements with `exports` (Node caches manifests). */
  const installed = async (name: string, exports: object) => {
    const pkg = join(root, name, 'node_modules', '@confab', 'elements');
    await mkdir(join(pkg, 'dist'), { recursive: true });
    await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: '@confab/elements', version: '9.9.9', exports }));
    return { from: pathToFileURL(join(root, name, 'server.js')).href, dist: join(pkg, 'dist') };
  };
  const old = await installed('old', { '.': './dist/index.js', './package.json': './package.json' });
  assert.deepEqual(locateElementsBundle(old.from), {
    missing: '@confab/elements 9.9.9 has no drop-in bundle; install the version @confab/server needs.',
  });
  const exports = { './bundle': './dist/confab-elements.js', './package.json': './package.json' };
  const unbuilt = await installed('unbuilt', exports);
  assert.deepEqual(locateElementsBundle(unbuilt.from), {
    missing: 'the @confab/elements bundle is not built; run `npm run build`.',
  });
  const built = await installed('built', exports);
  await writeFile(join(built.dist, 'confab-elements.js'), 'export {};\n');
  assert.deepEqual(locateElementsBundle(built.from), { path: join(built.dist, 'confab-elements.js') });
});

test('behind a trusted proxy, sign-in limits count the clients it names, not the proxy', async (t) => {
  let attempts = 0; // a new username each time, so the per-username backoff stays out of it
  const attempt = (server: { url: string }, client: string) =>
    fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ username: `nobody-${++attempts}`, password: 'not-the-password' }),
    }).then((reply) => reply.status);
  const burst = 10; // authRate 1 → a burst of 10 per address
  const untrusted = await startTestServer({ authRate: 1 }, t);
  const trusted = await startTestServer({ authRate: 1, trustProxy: ['127.0.0.1'] }, t);
  for (const server of [untrusted, trusted])
    for (let i = 0; i < burst; i++) assert.equal(await attempt(server, '203.0.113.1'), 401);
  assert.equal(await attempt(untrusted, '203.0.113.2'), 429, 'without trust, every client is the proxy');
  assert.equal(await attempt(trusted, '203.0.113.2'), 401, 'another client behind the proxy has its own budget');
  assert.equal(await attempt(trusted, '203.0.113.1'), 429);
});

test('CONFAB_TRUST_PROXY takes addresses and CIDRs, comma-separated', () => {
  assert.deepEqual(configFromEnv({ CONFAB_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy, [
    '127.0.0.1',
    '10.0.0.0/8',
  ]);
  assert.equal(configFromEnv({}).trustProxy, undefined);
});
