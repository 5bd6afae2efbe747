// End to end: Tasklane (the React example) built with Vite, its backend, the reference server and the Node bot,
// each in its own process; Chromium signs in to the app, chats with the bot, and sees the nav bar's unread badge.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(EXAMPLE, '../..');
const SCREENSHOTS = join(EXAMPLE, 'screenshots');
/** The README's picture: rewritten only when asked (UPDATE_DOCS_SCREENSHOTS=1), so a test run leaves git clean. */
const DOCS_SCREENSHOT = process.env.UPDATE_DOCS_SCREENSHOTS === '1' && join(ROOT, 'docs/screenshots/existing-app.png');
const CHROMIUM = '/usr/bin/chromium';
const CLI = join(ROOT, 'packages/server/bin/confab-server.js');

function whySkip() {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  const built = ['packages/server/dist/cli.js', 'packages/core/dist/index.js', 'packages/elements/dist/chat-room.js'];
  const missing = built.filter((file) => !existsSync(join(ROOT, file)));
  return missing.length ? `${missing.join(', ')} not built: run npm run build` : false;
}

/** A port nobody listens on now. */
const freePort = () =>
  new Promise((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

/**
 * `node …args` as a child process; resolves once a line of its output matches `ready` (with the match), and
 * `stop()` ends it (SIGTERM, then SIGKILL if it lingers). Its output is in failure messages.
 */
function startNode(name, args, env, ready) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((done) => child.once('exit', done));
  let output = '';
  const started = new Promise((done, fail) => {
    const collect = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) done(match);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code, signal) => fail(new Error(`${name} exited (${code ?? signal}):\n${output}`)));
    setTimeout(() => fail(new Error(`${name} did not print ${ready} within a minute:\n${output}`)), 60_000).unref();
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  return { started, stop, output: () => output };
}

test('Tasklane: sign in, chat with the bot, see unread counts in the nav bar', { skip: whySkip() }, async (t) => {
  const [{ build }, { chromium }] = await Promise.all([import('vite'), import('playwright-core')]);

  // Stopped last-started first, whether the test passed or not.
  const started = [];
  t.after(async () => {
    for (const stop of started.reverse()) await stop().catch((error) => console.error(error));
  });
  const temp = await mkdtemp(join(tmpdir(), 'confab-existing-app-'));
  started.push(() => rm(temp, { recursive: true, force: true }));

  // The app, built as `npm run build` builds it (into the temp folder).
  const dist = join(temp, 'dist');
  await build({
    root: EXAMPLE,
    logLevel: 'warn',
    cacheDir: join(temp, 'vite-cache'),
    build: { outDir: dist, emptyOutDir: true },
  });

  // One secret, shared by the reference server and the app's backend.
  const secret = randomBytes(32).toString('base64url');
  const confabPort = await freePort();
  const confabUrl = `http://127.0.0.1:${confabPort}`;
  const confab = startNode(
    'confab-server',
    [CLI, '--port', String(confabPort), '--host', '127.0.0.1', '--data-dir', join(temp, 'confab')],
    { CONFAB_JWT_SECRET: secret, CONFAB_PASSWORD_COST: '4', LOG_LEVEL: 'warn' },
    new RegExp(`listening on ${confabUrl}`),
  );
  started.push(confab.stop);
  await confab.started;

  const botPassword = `bot-${randomUUID()}`;
  const bot = startNode(
    'node-bot',
    [join(ROOT, 'examples/node-bot/bot.mjs')],
    {
      CONFAB_URL: confabUrl,
      BOT_USERNAME: 'tasklane-bot',
      BOT_PASSWORD: botPassword,
      BOT_CHANNEL: 'general',
      BOT_STATE_FILE: join(temp, 'bot-state.json'),
    },
    /answers in #general \(([0-9a-f-]{36})\)/,
  );
  started.push(bot.stop);
  const [, generalId] = await bot.started;

  const app = startNode(
    'tasklane',
    [join(EXAMPLE, 'server/main.mjs')],
    { PORT: '0', CONFAB_URL: confabUrl, CONFAB_JWT_SECRET: secret, APP_DIST: dist },
    /Tasklane on (http:\/\/\S+)/,
  );
  started.push(app.stop);
  const [, appUrl] = await app.started;

  const confabApi = async (path, token, body) => {
    const reply = await fetch(`${confabUrl}/api/v1${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
      body: body && JSON.stringify(body),
    });
    assert.ok(reply.ok, `${path}: ${reply.status} ${await reply.clone().text()}`);
    return reply.json();
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
  const context = await browser.newContext({ viewport: { width: 1200, height: 720 }, colorScheme: 'light' });
  started.push(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  const shot = async (name) => {
    await page.mouse.move(0, 0); // no hover toolbar in the picture
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  };

  // Sign in to the app, with the app's own account.
  await page.goto(appUrl);
  await page.getByLabel('Username').fill('ada');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
  await page.getByLabel('Password').fill('lovelace-1815');
  await shot('sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Overview' }).waitFor();
  await page.getByRole('banner').getByText('Ada Lovelace').waitFor();
  // The backend put Ada in the team's channels; the overview lists them from the client's $channels.
  const teamChat = page.getByRole('region', { name: 'Team chat' });
  await teamChat.getByRole('link', { name: '# general' }).waitFor();
  await teamChat.getByRole('link', { name: '# random' }).waitFor();
  await shot('overview');

  // Open the chat, pick #general: the app follows the element's chat-channel-select event in its address.
  await nav.getByRole('link', { name: 'Chat' }).click();
  await page.locator('chat-room').getByRole('option', { name: '# general' }).click();
  await page.waitForURL(`${appUrl}/#/chat/${generalId}`);
  await page.getByRole('heading', { name: '# general' }).waitFor();
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('!ping');
  await composer.press('Enter');
  const bodies = page.locator('chat-window [part="body"]');
  await bodies.filter({ hasText: /^\s*pong\s*$/ }).waitFor();
  await composer.fill('!echo Hello from Tasklane');
  await composer.press('Enter');
  await bodies.filter({ hasText: /^\s*Hello from Tasklane\s*$/ }).waitFor();
  await shot('chat-with-bot');

  // The server has Ada as the host app's user (its id and name from the token), and the bot's answers.
  const botSession = await (
    await fetch(`${confabUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tasklane-bot', password: botPassword }),
    })
  ).json();
  const history = await confabApi(`/channels/${generalId}/messages?limit=10`, botSession.accessToken);
  assert.deepEqual(
    history.items.map((m) => [m.author.displayName, m.body.text]),
    [
      ['Ada Lovelace', '!ping'],
      ['tasklane-bot', 'pong'],
      ['Ada Lovelace', '!echo Hello from Tasklane'],
      ['tasklane-bot', 'Hello from Tasklane'],
    ],
  );

  // Grace signs in to the app elsewhere and posts in #random, which Ada does not have open.
  const chatLink = nav.getByRole('link', { name: /^Chat/ });
  assert.equal(await chatLink.getAttribute('aria-label'), 'Chat');
  assert.equal(await nav.locator('.badge').count(), 0);
  const graceSignIn = await fetch(`${appUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'grace', password: 'hopper-1906' }),
  });
  assert.equal(graceSignIn.status, 200);
  const graceSession = await graceSignIn.text();
  const graceCookie = graceSignIn.headers.get('set-cookie').split(';')[0];
  const graceTokenReply = await (
    await fetch(`${appUrl}/api/chat-token`, { method: 'POST', headers: { cookie: graceCookie } })
  ).text();
  // What a browser gets from the app's backend names the user and the chat, never the shared secret.
  for (const reply of [graceSession, graceTokenReply]) assert.ok(!reply.includes(secret), `the secret in ${reply}`);
  assert.deepEqual(JSON.parse(graceSession), {
    user: { id: 'u-1906', username: 'grace', name: 'Grace Hopper' },
    chat: { url: confabUrl },
  });
  const graceToken = JSON.parse(graceTokenReply);
  const graceChannels = await confabApi('/channels?scope=joined', graceToken.token);
  const random = graceChannels.items.find((c) => c.name === 'random');
  assert.ok(random, 'Grace was put in #random by the backend');
  for (const text of ['Standup moved to 10:30', 'Bring the punch cards']) {
    await confabApi(`/channels/${random.id}/messages`, graceToken.token, {
      clientMessageId: randomUUID(),
      body: { type: 'text', text },
    });
  }
  await nav.getByRole('link', { name: 'Chat, 2 unread' }).waitFor();
  assert.equal(await nav.locator('.badge').textContent(), '2');
  await page.waitForFunction(() => document.title === '(2) Tasklane');
  await page.locator('chat-room').getByRole('option', { name: '# random, 2 unread' }).waitFor();
  await shot('unread-badge');
  if (DOCS_SCREENSHOT) await page.screenshot({ path: DOCS_SCREENSHOT });

  // Reading #random clears the badge.
  await page
    .locator('chat-room')
    .getByRole('option', { name: /^# random/ })
    .click();
  await page.waitForURL(`${appUrl}/#/chat/${random.id}`);
  await bodies.filter({ hasText: 'Bring the punch cards' }).waitFor();
  await nav.getByRole('link', { name: 'Chat', exact: true }).waitFor();
  assert.equal(await nav.locator('.badge').count(), 0);

  // Signing out of the app ends the chat too: back at the sign-in, no more chat tokens.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  const tokenAfter = await page.evaluate(() => fetch('/api/chat-token', { method: 'POST' }).then((r) => r.status));
  assert.equal(tokenAfter, 401);

  // Alan signs in on the same page, still at #random's address: the app hands that channel to <chat-room>.
  await page.getByLabel('Username').fill('alan');
  await page.getByLabel('Password').fill('turing-1912');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner').getByText('Alan Turing').waitFor();
  await page.getByRole('heading', { name: '# random' }).waitFor();
  await bodies.filter({ hasText: 'Bring the punch cards' }).waitFor();
  assert.equal(await page.getByRole('banner').getByText('Ada Lovelace').count(), 0);

  assert.deepEqual(errors, [], 'the page threw');
});
