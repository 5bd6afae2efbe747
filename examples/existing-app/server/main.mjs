// Tasklane's backend: its own sign-in, a session cookie, and Confab host-app tokens for the signed-in user.
// `node server/main.mjs` serves the built app (dist/); `--dev` serves the sources through Vite instead.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mintChatToken } from './chat-token.mjs';
import { Sessions } from './sessions.mjs';
import { joinTeamChannels } from './team-channels.mjs';
import { checkPassword, findUser, publicUser } from './users.mjs';

const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const config = {
  port: Number(env.PORT ?? 3000),
  host: env.HOST ?? '127.0.0.1',
  /** Where browsers (and this backend) reach the Confab server. */
  confabUrl: (env.CONFAB_URL ?? 'http://127.0.0.1:8787').replace(/\/$/, ''),
  /** The Confab deployment's shared secret: it never leaves this process. */
  secret: env.CONFAB_JWT_SECRET,
  teamChannels: (env.TEAM_CHANNELS ?? 'general,random')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
  dist: resolve(APP_ROOT, env.APP_DIST ?? 'dist'),
  dev: process.argv.includes('--dev'),
};
if (!config.secret) {
  console.error('Set CONFAB_JWT_SECRET to the Confab server’s secret (the same value both processes get).');
  process.exit(1);
}

const sessions = new Sessions();

/** The JSON a signed-in page needs: who it is and where the chat lives (never the secret). */
const sessionReply = (user) => ({ user: publicUser(user), chat: { url: config.confabUrl } });

/** Makes sure the session's user is in the team's channels, once per session (retried until it works). */
async function prepareChat(session, token) {
  if (session.chatReady) return;
  try {
    await joinTeamChannels(config.confabUrl, token, config.teamChannels);
    session.chatReady = true;
  } catch (error) {
    console.warn(`could not join the team channels yet: ${error.message}`);
  }
}

const routes = {
  /** The signed-in session, or null: asking is not an error. */
  'GET /api/session': async (request) => {
    const user = findUser(sessions.get(request)?.userId);
    return [200, user ? sessionReply(user) : null];
  },
  'POST /api/session': async (request) => {
    const { username, password } = await readJson(request);
    const user = await checkPassword(username ?? '', password ?? '');
    if (!user) return [401, { error: 'Wrong username or password.' }];
    const { session, cookie } = sessions.start(user.id);
    await prepareChat(session, mintChatToken(user, config.secret).token);
    return [200, sessionReply(user), { 'set-cookie': cookie }];
  },
  'DELETE /api/session': async (request) => [204, undefined, { 'set-cookie': sessions.end(request) }],
  /** The browser's Confab client calls this for a token, and again before it expires. */
  'POST /api/chat-token': async (request) => {
    const session = sessions.get(request);
    const user = findUser(session?.userId);
    if (!user) return [401, { error: 'Not signed in.' }];
    const minted = mintChatToken(user, config.secret);
    await prepareChat(session, minted.token);
    return [200, minted];
  },
};

async function handleApi(request, reply) {
  const route = routes[`${request.method} ${new URL(request.url, 'http://x').pathname}`];
  if (!route) return send(reply, 404, { error: 'No such endpoint.' });
  try {
    const [status, body, headers] = await route(request);
    send(reply, status, body, headers);
  } catch (error) {
    if (error instanceof SyntaxError) return send(reply, 400, { error: 'The body is not JSON.' });
    console.error(error);
    send(reply, 500, { error: 'Something went wrong.' });
  }
}

function send(reply, status, body, headers = {}) {
  reply.writeHead(status, {
    'cache-control': 'no-store',
    ...(body !== undefined && { 'content-type': 'application/json' }),
    ...headers,
  });
  reply.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readJson(request, limit = 16_384) {
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > limit) throw new SyntaxError('body too large');
  }
  return JSON.parse(text || '{}');
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** The built app: files from dist/, and index.html for any other path. */
async function serveBuilt(request, reply) {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  const file = resolve(config.dist, `.${path}`);
  const inside = file.startsWith(config.dist + sep);
  const body = inside ? await readFile(file).catch(() => null) : null;
  if (body) {
    const immutable = path.startsWith('/assets/'); // hashed names
    return reply
      .writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
      .end(body);
  }
  const index = await readFile(join(config.dist, 'index.html')).catch(() => null);
  if (!index) return reply.writeHead(503).end('The app is not built: run npm run build (or start with --dev).');
  reply.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' }).end(index);
}

const server = createServer((request, reply) => {
  if (request.url?.startsWith('/api/')) return void handleApi(request, reply);
  if (vite) return vite.middlewares(request, reply);
  void serveBuilt(request, reply);
});

let vite;
if (config.dev) {
  const { createServer: createVite } = await import('vite');
  vite = await createVite({ root: APP_ROOT, appType: 'spa', server: { middlewareMode: true, hmr: { server } } });
}

server.listen(config.port, config.host, () => {
  const { port } = server.address();
  console.log(`Tasklane on http://${config.host}:${port} (chat: ${config.confabUrl}${config.dev ? ', dev' : ''})`);
});

for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, async () => {
    server.close();
    server.closeAllConnections();
    await vite?.close();
    process.exit(0);
  });
