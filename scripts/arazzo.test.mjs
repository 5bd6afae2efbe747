// Runs the Arazzo journeys in openapi/confab.arazzo.yaml with `redocly respect` against a live server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const root = new URL('../', import.meta.url);

/** Starts `confab-server` on a free port in a temp data dir; resolves with its URL. */
async function startServer(dataDir) {
  const child = spawn(
    process.execPath,
    ['packages/server/bin/confab-server.js', '--port', '0', '--data-dir', dataDir],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', CONFAB_PASSWORD_COST: '4' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`confab-server exited with ${code}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { url, stop };
}

test('the Arazzo journeys pass against the reference server', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-arazzo-'));
  const server = await startServer(dataDir);
  after(async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  const redocly = join(root.pathname, 'node_modules/.bin/redocly');
  const run = spawn(redocly, ['respect', 'openapi/confab.arazzo.yaml', '-S', `confab=${server.url}`], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  run.stdout.on('data', (chunk) => (output += chunk));
  run.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => run.once('exit', resolve));
  assert.equal(code, 0, output);
  assert.match(output, /Workflows: \d+ passed, \d+ total/);
});
