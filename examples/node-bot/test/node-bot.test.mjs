// The bot against a real confab-server in a child process, restarted under it with SIGTERM and SIGKILL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cliPath = join(root, 'packages/server/bin/confab-server.js');
const missing = [
  existsSync(cliPath) && existsSync(join(root, 'packages/server/dist/cli.js')) ? '' : 'the server CLI',
  existsSync(join(root, 'packages/core/dist/index.js')) ? '' : "@confab/core's dist",
].filter(Boolean);
const skip = missing.length ? `${missing.join(' and ')} not built: run npm run build` : false;

/** Waits until `check` returns something truthy (polling), failing with `what` after `timeoutMs`. */
async function waitFor(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A port nobody listens on now, so the server can come back on the same URL after a restart. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** confab-server in a child process on a fixed port and data directory; `restart(signal)` kills and starts it. */
async function cliServer(port, dataDir) {
  let child;
  let exited;
  const start = () =>
    new Promise((resolve, reject) => {
      child = spawn(process.execPath, [cliPath, '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir], {
        env: { ...process.env, CONFAB_PASSWORD_COST: '4', LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      exited = new Promise((done) => child.once('exit', done));
      let output = '';
      const collect = (chunk) => {
        output += chunk;
        if (output.includes(`http://127.0.0.1:${port}`)) resolve();
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', (chunk) => {
        output += chunk;
      });
      child.once('exit', (code, signal) => reject(new Error(`confab-server exited (${code ?? signal}): ${output}`)));
    });
  const stop = async (signal = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    stop,
    async restart(signal) {
      await stop(signal);
      await start();
    },
  };
}

let server;
let dataDir;
let stateDir;
let bot;
let alice;
let channelId;
const posted = []; // { id, seq, text }

before(async () => {
  if (skip) return;
  dataDir = await mkdtemp(join(tmpdir(), 'confab-bot-data-'));
  stateDir = await mkdtemp(join(tmpdir(), 'confab-bot-state-'));
  server = await cliServer(await freePort(), dataDir);
  alice = await rest('POST', '/auth/register', { username: `alice-${Date.now()}`, password: 'correct-horse' });
  const channel = await rest('POST', '/channels', { name: `bots-${randomUUID().slice(0, 8)}`, visibility: 'public' });
  channelId = channel.id;
});

after(async () => {
  await bot?.stop();
  await server?.stop('SIGKILL');
  for (const dir of [dataDir, stateDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

async function rest(method, path, body) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(alice && { authorization: `Bearer ${alice.accessToken}` }) },
    body: body && JSON.stringify(body),
  });
  const data = await response.json();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(data)}`);
  return data;
}

/** Alice posts a message; it is remembered when it is a command. */
async function say(text) {
  const message = await rest('POST', `/channels/${channelId}/messages`, {
    clientMessageId: randomUUID(),
    body: { type: 'text', text },
  });
  if (text.startsWith('!')) posted.push({ id: message.id, seq: message.seq, text });
  return message;
}

/** Every message of the channel, oldest first. */
async function history() {
  const items = [];
  for (let query = 'limit=100'; query; ) {
    const page = await rest('GET', `/channels/${channelId}/messages?${query}`);
    items.unshift(...page.items);
    query = page.prevCursor && `limit=100&before=${encodeURIComponent(page.prevCursor)}`;
  }
  return items;
}

/** The bot's messages grouped by the command they answer. */
async function answers() {
  const byCommand = new Map();
  for (const m of await history()) {
    if (m.author.id !== bot.me.id) continue;
    const of = /^re-([0-9a-f-]{36})/.exec(m.clientMessageId)?.[1] ?? m.clientMessageId;
    byCommand.set(of, [...(byCommand.get(of) ?? []), m.body?.text]);
  }
  return byCommand;
}

/** Waits until every command posted so far has an answer. */
const allAnswered = (what) =>
  waitFor(what, async () => {
    const got = await answers();
    return posted.every((c) => got.has(c.id)) && got;
  });

const logged = [];

async function startBot(stateFile = join(stateDir, 'state.json')) {
  const { startBot } = await import('../bot.mjs');
  logged.length = 0;
  const log = (line) => logged.push(line);
  return startBot({
    url: server.url,
    username: 'test-bot',
    password: 'bot-password-1',
    channel: channelId,
    stateFile,
    log,
  });
}

/** What this run of the bot posted: new answers, and answers the server already had. */
const posts = () => ({
  answered: logged.filter((line) => line.startsWith('answered')).length,
  repeated: logged.filter((line) => line.startsWith('had already answered')).length,
});

test('answers commands once each, across server restarts and its own', { skip }, async (t) => {
  bot = await startBot();

  await t.test('answers each command', async () => {
    const ping = await say('!ping');
    const echo = await say('!echo hello   world');
    await say('just chatting');
    const help = await say('!help');
    const time = await say('!time');
    const unknown = await say('!dance');
    const got = await allAnswered('the first answers');
    assert.deepEqual(got.get(ping.id), ['pong']);
    assert.deepEqual(got.get(echo.id), ['hello   world']);
    assert.deepEqual(got.get(help.id), ['Commands: !ping, !echo, !time, !help']);
    assert.match(got.get(time.id)[0], /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(got.get(unknown.id), ['Unknown command !dance; try !help']);
    assert.equal(got.size, 5, 'only commands are answered');
  });

  for (const signal of ['SIGTERM', 'SIGKILL']) {
    await t.test(`answers commands posted around a ${signal} restart`, async () => {
      for (let i = 0; i < 5; i++) await say(`!echo before ${signal} ${i}`);
      await server.restart(signal);
      for (let i = 0; i < 5; i++) await say(`!echo after ${signal} ${i}`);
      const got = await allAnswered(`the answers around the ${signal} restart`);
      for (const command of posted.filter((c) => c.text.includes(signal)))
        assert.deepEqual(got.get(command.id), [command.text.slice('!echo '.length)]);
    });
  }

  await t.test('a restarted bot answers what it missed and nothing it answered', async () => {
    await bot.stop();
    await say('!echo while the bot was away');
    bot = await startBot();
    await allAnswered('the missed command');
    assert.deepEqual(posts(), { answered: 1, repeated: 0 }, 'it resumed after what it had answered');
  });

  await t.test('a bot that forgot what it answered still answers nothing twice', async () => {
    await bot.stop();
    const rewound = join(stateDir, 'rewound.json');
    await writeFile(rewound, JSON.stringify({ [channelId]: 0 }));
    bot = await startBot(rewound);
    await waitFor('the rewound bot to reach the head', async () => bot.cursor >= posted.at(-1).seq);
    const { answered, repeated } = posts();
    assert.equal(answered, 0, 'no new answer to an old command');
    assert.ok(repeated > 0, 'it did try again, and the server kept the first answer');
  });

  await t.test('every command has exactly one answer', async () => {
    // The bot works in seq order: once the last command is answered, everything before it was handled.
    const last = await say('!echo last');
    await allAnswered('the last command');
    const got = await answers();
    for (const command of posted) assert.equal(got.get(command.id)?.length, 1, `one answer to ${command.text}`);
    assert.equal(got.size, posted.length, 'no answer to anything but a command');
    assert.deepEqual(got.get(last.id), ['last']);
  });
});
