// End to end: the plain-HTML example, served from its own origin, as two users in Chromium against the
// reference server; they chat both ways, one goes offline and back, and both end with the server's history.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = join(EXAMPLE, 'screenshots');
const CHROMIUM = '/usr/bin/chromium';

function whySkip() {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  try {
    createRequire(import.meta.url).resolve('@confab/elements/bundle');
  } catch {
    return 'the drop-in bundle (packages/elements/dist/confab-elements.js) is not built: run npm run build';
  }
  return false;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };

/** Serves the example folder, as any static file server would, on an origin of its own. */
async function serveExample() {
  const server = createServer(async (request, reply) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = resolve(EXAMPLE, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    const body = file.startsWith(EXAMPLE.replace(/[\\/]$/, '') + sep) ? await readFile(file).catch(() => null) : null;
    if (!body) return reply.writeHead(404).end();
    reply.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** Polls `read` until `ok` holds; the failure names what it waited for and what it saw last. */
async function until(what, read, ok = Boolean, limitMs = 30_000) {
  const giveUp = Date.now() + limitMs;
  let last;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > giveUp) assert.fail(`waited for ${what}; last saw ${JSON.stringify(last)}`);
    await new Promise((next) => setTimeout(next, 50));
  }
}

test('two users chat through the plain-HTML page, one of them offline for a while', { skip: whySkip() }, async (t) => {
  const [{ startServer }, { chromium }] = await Promise.all([import('@confab/server'), import('playwright-core')]);

  // Stopped last-started first, whether the test passed or not.
  const started = [];
  t.after(async () => {
    for (const stop of started.reverse()) await stop();
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-vanilla-'));
  started.push(() => rm(dataDir, { recursive: true, force: true }));
  const confab = await startServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', passwordCost: 4 });
  started.push(() => confab.close());
  const site = await serveExample();
  started.push(() => site.close());
  assert.notEqual(new URL(site.url).origin, new URL(confab.url).origin);

  const api = async (path, { token, body, method = body ? 'POST' : 'GET' } = {}) => {
    const reply = await fetch(`${confab.url}/api/v1${path}`, {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body && { 'content-type': 'application/json' }),
      },
      body: body && JSON.stringify(body),
    });
    assert.ok(reply.ok, `${method} ${path}: ${reply.status} ${await reply.clone().text()}`);
    return reply.json();
  };
  const suffix = Date.now().toString(36);
  const register = async (name) => {
    const password = `${name}-correct-horse`;
    const username = `${name}-${suffix}`;
    const session = await api('/auth/register', { body: { username, password } });
    return { username, password, token: session.accessToken, id: session.user.id };
  };
  const alice = await register('alice');
  const bob = await register('bob');
  const channel = await api('/channels', {
    token: alice.token,
    body: { name: `vanilla-${suffix}`, visibility: 'public', memberIds: [bob.id] },
  });
  /** The channel's messages as the server has them, oldest first, every page. */
  const history = async () => {
    const texts = [];
    let cursor = '';
    do {
      const page = await api(`/channels/${channel.id}/messages?limit=5${cursor && `&before=${cursor}`}`, {
        token: alice.token,
      });
      texts.unshift(...page.items.map((m) => m.body?.text));
      cursor = page.prevCursor ?? '';
    } while (cursor);
    return texts;
  };

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  started.push(() => browser.close());
  await mkdir(SCREENSHOTS, { recursive: true });

  const open = async (user) => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 640 }, colorScheme: 'light' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(`${site.url}/index.html?server=${encodeURIComponent(confab.url)}`);
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: `# ${channel.name}` }).waitFor();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.waitFor();
    const bodies = page.locator('chat-window [part="body"]');
    return {
      context,
      page,
      errors,
      banner: page.locator('chat-window [part="banner"]'),
      pending: page.locator('chat-window').getByText('Sending…'),
      texts: () => bodies.allTextContents().then((all) => all.map((s) => s.trim())),
      send: async (text) => {
        await composer.fill(text);
        await composer.press('Enter');
      },
      sees: (text) => bodies.filter({ hasText: text }).first().waitFor(),
      shot: async (name) => {
        await page.mouse.move(0, 0); // no hover toolbar in the picture
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      },
    };
  };
  const a = await open(alice);
  const b = await open(bob);

  await a.send('Hello from Alice');
  await b.sees('Hello from Alice');
  await b.send('Hi Alice, Bob here');
  await a.sees('Hi Alice, Bob here');

  await b.context.setOffline(true);
  await b.banner.filter({ hasText: 'offline' }).waitFor();
  await a.send('Bob, are you there?');
  await a.send('I will wait for you');
  await until('Alice’s messages to reach the server', history, (h) => h.includes('I will wait for you'));
  await b.send('Written while offline');
  await b.sees('Written while offline');
  await b.pending.waitFor();
  await b.shot('bob-offline');
  assert.ok(!(await history()).includes('Written while offline'), 'an offline send reached the server');

  await b.context.setOffline(false);
  await b.banner.waitFor({ state: 'detached' });
  await b.pending.waitFor({ state: 'detached' });
  await a.sees('Written while offline');
  await a.send('Welcome back, Bob');
  await b.sees('Welcome back, Bob');

  const server = await history();
  assert.deepEqual(server, [
    'Hello from Alice',
    'Hi Alice, Bob here',
    'Bob, are you there?',
    'I will wait for you',
    'Written while offline',
    'Welcome back, Bob',
  ]);
  for (const [name, user] of [
    ['alice', a],
    ['bob', b],
  ]) {
    const shown = await until(
      `${name}’s page to show the server’s history`,
      user.texts,
      (texts) => texts.length === server.length && texts.every((text, i) => text === server[i]),
    );
    assert.deepEqual(shown, server);
    assert.deepEqual(user.errors, [], `${name}’s page threw`);
    await user.shot(name);
  }

  const stray = await a.context.newPage();
  await stray.goto(`${site.url}/?server=${encodeURIComponent('https://chat.example.com')}`);
  await stray.getByRole('alert').filter({ hasText: 'is not a Confab server on this machine' }).waitFor();
  assert.equal(await stray.locator('chat-room').isVisible(), false);
});
