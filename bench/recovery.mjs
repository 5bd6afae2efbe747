// Recovery after an outage: client A is offline for 5 s while B posts 1,000 messages; how long after
// A reconnects until its copy equals the server's, and was anything lost or doubled?
// Run: npm run build && node bench/recovery.mjs [missed=1000] [outageMs=5000]
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChatClient } from '@confab/core';
import WebSocket from 'ws';

const missed = Number(process.argv[2] ?? 1000);
const outageMs = Number(process.argv[3] ?? 5000);
const dataDir = await mkdtemp(join(tmpdir(), 'confab-bench-'));
const server = spawn(process.execPath, ['packages/server/bin/confab-server.js', '--port', '0', '--data-dir', dataDir], {
  env: { ...process.env, LOG_LEVEL: 'silent', CONFAB_SEND_RATE: '100000', CONFAB_PASSWORD_COST: '4' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const baseUrl = await new Promise((resolve) =>
  server.stdout.on('data', (chunk) => {
    const match = /listening on (\S+)/.exec(String(chunk));
    if (match) resolve(match[1]);
  }),
);

try {
  const a = createChatClient({ baseUrl, WebSocket, windowSize: missed + 100 });
  const b = createChatClient({ baseUrl, WebSocket });
  await a.register({ username: 'bench-a', password: 'password-a' });
  await b.register({ username: 'bench-b', password: 'password-b' });
  const { data: channel } = await a.api.POST('/api/v1/channels', { body: { name: 'bench', visibility: 'public' } });
  const path = { channelId: channel.id };
  await b.api.PUT('/api/v1/channels/{channelId}/members/{memberId}', { params: { path: { ...path, memberId: 'me' } } });
  const room = a.channel(channel.id);
  const stop = room.$messages.listen(() => {});
  await a.connect();
  await room.send({ type: 'text', text: 'before the outage' });

  a.disconnect();
  const outageStart = performance.now();
  for (let i = 0; i < missed; i++) {
    const body = { clientMessageId: `m-${i}`, body: { type: 'text', text: `missed ${i}` } };
    await b.api.POST('/api/v1/channels/{channelId}/messages', { params: { path }, body });
  }
  const postMs = performance.now() - outageStart;
  await new Promise((r) => setTimeout(r, Math.max(0, outageMs - postMs)));

  const reconnectAt = performance.now();
  const connected = a.connect();
  const expectedLast = `missed ${missed - 1}`;
  await new Promise((resolve) => {
    const unbind = room.$messages.subscribe((messages) => {
      if (messages.at(-1)?.body?.text === expectedLast) {
        queueMicrotask(() => unbind());
        resolve();
      }
    });
  });
  const convergedMs = performance.now() - reconnectAt;
  await connected;

  const history = [];
  let before;
  do {
    const query = { limit: 100, ...(before ? { before } : {}) };
    const { data } = await a.api.GET('/api/v1/channels/{channelId}/messages', { params: { path, query } });
    history.unshift(...data.items);
    before = data.prevCursor;
  } while (before);
  const local = room.$messages.get();
  const ids = local.map((m) => m.id);
  const lost = history.filter((m) => !ids.includes(m.id)).length;
  const doubled = ids.length - new Set(ids).size;
  const exact = JSON.stringify(history.map((m) => m.id)) === JSON.stringify(ids);
  stop();
  a.disconnect();
  b.disconnect();

  console.log(`| scenario | missed | outage | converged after reconnect | lost | doubled | exact copy |`);
  console.log(`| --- | ---: | ---: | ---: | ---: | ---: | --- |`);
  console.log(
    `| @confab/core, socket replay | ${missed} | ${(Math.max(outageMs, postMs) / 1000).toFixed(1)} s | ${convergedMs.toFixed(0)} ms | ${lost} | ${doubled} | ${exact ? 'yes' : 'no'} |`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await rm(dataDir, { recursive: true, force: true });
}
