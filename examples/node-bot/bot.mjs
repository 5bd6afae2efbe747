// A command bot on @confab/core: `node examples/node-bot/bot.mjs` (see README.md).
import { realpathSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ConfabError, createChatClient } from '@confab/core';
import WebSocket from 'ws';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The commands the bot answers: `!name rest` → the reply's text. */
export const commands = {
  ping: () => 'pong',
  echo: (rest) => rest || '(nothing to echo)',
  time: () => new Date().toISOString(),
  help: () =>
    `Commands: ${Object.keys(commands)
      .map((name) => `!${name}`)
      .join(', ')}`,
};

/** The reply's text for a message, or undefined when it is not a command. */
export function answer(text) {
  const match = /^!(\w+)\s*([\s\S]*)$/.exec(text.trim());
  if (!match) return undefined;
  const command = commands[match[1].toLowerCase()];
  return command ? command(match[2].trim()) : `Unknown command !${match[1]}; try !help`;
}

/**
 * The reply's `clientMessageId`, derived from the command's message id: the server stores one message per
 * (channel, author, clientMessageId), so answering the same command again returns the stored reply.
 */
export const replyId = (messageId) => `re-${messageId}`;

/**
 * Signs in, joins the channel and answers commands in it until `stop()`.
 * @param {object} options
 * @param {string} options.url Where the server is, e.g. `http://127.0.0.1:8787`.
 * @param {string} options.channel A channel id, or the name of a public channel (created when missing).
 * @param {string} [options.username] A built-in account, registered on first run.
 * @param {string} [options.password]
 * @param {string} [options.token] A host-app token instead of a built-in account.
 * @param {string} [options.stateFile] Where the last answered `seq` is kept across runs.
 * @param {(line: string) => void} [options.log]
 * @example
 * const bot = await startBot({ url: 'http://127.0.0.1:8787', username: 'bot', password: 'secret-bot', channel: 'general' });
 * // … later
 * await bot.stop();
 */
export async function startBot(options) {
  const log = options.log ?? (() => {});
  const stateFile = resolve(options.stateFile ?? '.confab-bot-state.json');
  const client = createChatClient({ baseUrl: options.url, WebSocket, token: options.token });
  const me = options.token ? await ok(client.api.GET('/api/v1/me')) : await signIn(client, options);
  const channel = await findChannel(client, options.channel);
  const room = client.channel(channel.id);

  // Answer only what is newer than the last answered message; on a first run, only what comes after now.
  const state = await readState(stateFile);
  let cursor = Math.min(state[channel.id] ?? channel.lastSeq, channel.lastSeq);
  const controller = new AbortController();
  let running;
  let again = false;

  const next = () =>
    room.$messages
      .get()
      .find((m) => !m.pending && !m.failed && m.seq > cursor && m.parentId === null && m.author.id !== me.id);

  const handle = async (message) => {
    const text = message.body?.type === 'text' ? answer(message.body.text) : undefined;
    if (text !== undefined) {
      const reply = await post(client, channel.id, replyId(message.id), text, controller.signal).catch((error) => {
        if (controller.signal.aborted) throw error;
        log(`could not answer ${message.id}: ${error.message}`);
      });
      if (reply)
        log(`${reply.created ? 'answered' : 'had already answered'} #${message.seq} with #${reply.message.seq}`);
    }
    cursor = Math.max(cursor, message.seq);
    await writeState(stateFile, { ...(await readState(stateFile)), [channel.id]: cursor });
  };

  // One message at a time, in seq order, however often the store changes meanwhile.
  const kick = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        for (let message = next(); message && !controller.signal.aborted; message = next()) await handle(message);
      } while (again && !controller.signal.aborted);
    })()
      .catch((error) => controller.signal.aborted || log(`stopped answering: ${error.message}`))
      .finally(() => {
        running = undefined;
        if (again && !controller.signal.aborted) kick();
      });
  };

  const unlisten = room.$messages.listen(kick);
  kick();
  log(`${me.username ?? me.displayName} answers in #${channel.name} (${channel.id}) after seq ${cursor}`);

  return {
    client,
    channel,
    me,
    /** The `seq` of the last message handled. */
    get cursor() {
      return cursor;
    },
    /** Stops answering, closes the socket; resolves once the message being answered is done. */
    async stop() {
      controller.abort();
      unlisten();
      await running;
      client.disconnect();
    },
  };
}

/** Logs in, or registers the account when it does not exist yet. */
async function signIn(client, { username, password }) {
  if (!username || !password) throw new Error('Give BOT_USERNAME and BOT_PASSWORD (or BOT_TOKEN).');
  try {
    return await client.login({ username, password });
  } catch (error) {
    if (error.code !== 'invalid_credentials') throw error;
    try {
      return await client.register({ username, password, displayName: username });
    } catch (taken) {
      throw taken.code === 'username_taken' ? error : taken;
    }
  }
}

/** The channel by id (joined if public and not yet), or the public channel by name (created if missing). */
async function findChannel(client, wanted) {
  if (!wanted) throw new Error('Give BOT_CHANNEL: a channel id or the name of a public channel.');
  if (UUID.test(wanted)) {
    const channel = await client.getChannel(wanted);
    return channel.role ? channel : client.joinChannel(wanted);
  }
  const same = (c) => c.visibility === 'public' && c.name.trim().toLowerCase() === wanted.trim().toLowerCase();
  const joined = (await client.refreshChannels()).find(same);
  if (joined) return joined;
  const listed = (await client.publicChannels()).find(same);
  if (listed) return client.joinChannel(listed.id);
  return client.createChannel({ name: wanted, visibility: 'public' });
}

/**
 * Posts a message with a chosen `clientMessageId` over REST, trying again while the server is away; `created`
 * is false when the server already had it. The client's `room.send()` picks a random id, so a bot that must
 * not answer twice posts this way.
 */
async function post(client, channelId, clientMessageId, text, signal) {
  for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
    let error;
    try {
      const reply = await client.api.POST('/api/v1/channels/{channelId}/messages', {
        params: { path: { channelId } },
        body: { clientMessageId, body: { type: 'text', text } },
        signal,
      });
      if (reply.data) return { message: reply.data, created: reply.response.status === 201 };
      error = ConfabError.fromReply(reply.response.status, reply.error);
    } catch (thrown) {
      if (signal.aborted) throw thrown;
      error = new ConfabError('network_error', thrown.message);
    }
    if (!error.retryable) throw error;
    await sleep(error.retryAfter ? error.retryAfter * 1000 : wait, undefined, { signal });
  }
}

async function ok(call) {
  const { data, error, response } = await call;
  if (!data) throw ConfabError.fromReply(response.status, error);
  return data;
}

async function readState(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return {};
  }
}

/** Replaces the state file whole (write, then rename), so a crash never leaves half of it. */
async function writeState(file, state) {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(state)}\n`);
  await rename(`${file}.tmp`, file);
}

const runDirectly = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly) {
  const env = process.env;
  const bot = await startBot({
    url: env.CONFAB_URL ?? 'http://127.0.0.1:8787',
    username: env.BOT_USERNAME ?? 'confab-bot',
    password: env.BOT_PASSWORD,
    token: env.BOT_TOKEN,
    channel: env.BOT_CHANNEL ?? process.argv[2] ?? 'general',
    stateFile: env.BOT_STATE_FILE,
    log: (line) => console.log(line),
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => bot.stop().then(() => process.exit(0)));
}
