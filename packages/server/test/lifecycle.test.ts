import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, test } from 'node:test';
import { expectStatus, sameJson } from '@confab/conformance';
import type { Message } from '@confab/protocol';
import { parse } from 'yaml';
import { cliBuilt, spawnCliServer, tempDataDir } from './support/cli-server.js';
import { kitFor } from './support/kit.js';
import { startTestServer } from './support/test-server.js';

const skip = cliBuilt() ? false : 'the CLI is not built: run `npm run build` first';
const contractFile = new URL('../../../openapi/confab.yaml', import.meta.url);

test('/openapi.json is exactly openapi/confab.yaml, and /metrics counts stored messages', async (t) => {
  const server = await startTestServer({ metrics: 'public' }, t);
  const { http, fixtures } = kitFor(server.url, t);

  const user = await fixtures.user();
  const channel = await fixtures.channel(user);
  await fixtures.post(user, channel.id, 'count me');
  const metrics = await http.get<string>('/metrics');
  assert.equal(metrics.status, 200);
  assert.match(metrics.body, /^confab_messages_stored_total 1$/m);

  const served = expectStatus(await http.get<Record<string, unknown>>('/openapi.json'), 200);
  const contract: unknown = parse(await readFile(contractFile, 'utf8'));
  sameJson(served, contract, '/openapi.json differs from openapi/confab.yaml');
});

test('SIGTERM closes open sockets with 1012 and exits 0', { skip }, async (t) => {
  const dir = await tempDataDir();
  after(dir.remove);
  const server = await spawnCliServer(dir.path);
  const { fixtures, openSocket } = kitFor(server.url, t);
  const user = await fixtures.user();
  const { socket } = await openSocket(user.token);
  await socket.roundTrip();

  const exited = server.stop('SIGTERM');
  const closed = await socket.closed;
  assert.equal(closed.code, 1012);
  assert.deepEqual(await exited, { code: 0, signal: null });
  await socket.close();
});

test('an acknowledged message survives kill -9 and a restart on the same data dir', { skip }, async (t) => {
  const dir = await tempDataDir();
  after(dir.remove);
  const first = await spawnCliServer(dir.path);
  const before = kitFor(first.url, t).fixtures;
  const user = await before.user();
  const channel = await before.channel(user);
  const message: Message = await before.post(user, channel.id, 'written before the crash');
  assert.deepEqual(await first.stop('SIGKILL'), { code: null, signal: 'SIGKILL' });

  const second = await spawnCliServer(dir.path);
  const afterRestart = kitFor(second.url, t);
  const history = await afterRestart.fixtures.history(user, channel.id);
  assert.deepEqual(
    history.map((m) => [m.id, m.seq, m.body]),
    [[message.id, message.seq, message.body]],
  );
  const login = { username: user.username, password: user.password };
  expectStatus(await afterRestart.http.post('/api/v1/auth/login', undefined, login), 200);
  await second.stop('SIGTERM');
});
