import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { expectProblem, expectStatus } from '@confab/conformance';
import type { Channel, Me } from '@confab/protocol';
import { cliBuilt, cliToken, spawnCliServer, tempDataDir } from './support/cli-server.js';
import { kitFor } from './support/kit.js';

const skip = cliBuilt() ? false : 'the CLI is not built: run `npm run build` first';

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
