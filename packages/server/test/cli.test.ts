import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { expectProblem, expectStatus } from '@confab/conformance';
import type { Channel, Me } from '@confab/protocol';
import { cliBuilt, cliPath, cliToken, spawnCliServer, tempDataDir } from './support/cli-server.js';
import { kitFor } from './support/kit.js';

const skip = cliBuilt() ? false : 'the CLI is not built: run `npm run build` first';

test('`confab-server token --ttl` past CONFAB_HOST_TOKEN_MAX_TTL is refused, not minted for a server that would refuse it', {
  skip,
}, async () => {
  const dir = await tempDataDir();
  after(dir.remove);
  const run = (ttl: string) =>
    promisify(execFile)(process.execPath, [cliPath, 'token', '--user', 'alice', '--ttl', ttl, '--data-dir', dir.path], {
      env: { ...process.env, CONFAB_HOST_TOKEN_MAX_TTL: '3600', LOG_LEVEL: 'silent' },
      timeout: 15_000,
    });
  await assert.rejects(run('7200'), (error: { stderr?: string }) => {
    assert.match(error.stderr ?? '', /--ttl must be 0 to 3600 seconds \(CONFAB_HOST_TOKEN_MAX_TTL\), not "7200"/);
    return true;
  });
  assert.match((await run('3600')).stdout, /^[\w-]+\.[\w-]+\.[\w-]+\s*$/);
});

test('`confab-server token --user` prints a bearer token the server on that data dir accepts', { skip }, async (t) => {
  const dir = await tempDataDir();
  after(dir.remove);
  const server = await spawnCliServer(dir.path);
  const { http } = kitFor(server.url, t);
  const token = await cliToken(dir.path, 'alice');
  const me = expectStatus(await http.get<Me>('/api/v1/me', token), 200);
  assert.equal(me.displayName, 'alice');
  assert.deepEqual([...me.scopes].sort(), ['chat:read', 'chat:write']);
  const again = expectStatus(await http.get<Me>('/api/v1/me', await cliToken(dir.path, 'alice')), 200);
  assert.equal(again.id, me.id);
  expectStatus(
    await http.post<Channel>('/api/v1/channels', token, { name: 'from-the-cli', visibility: 'public' }),
    201,
  );

  const other = await tempDataDir();
  after(other.remove);
  expectProblem(await http.get('/api/v1/me', await cliToken(other.path, 'alice')), 401, 'unauthorized');
  await server.stop('SIGTERM');
});
