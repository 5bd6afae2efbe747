// @web/test-runner in Debian's Chromium, with a real Confab reference server for the run.
// The server (packages/server, built by `npm run build`) is started on a free port with a temporary data
// directory when the test server starts, and killed (and its directory removed) when it stops.
// Tests read its URL from `window.CONFAB_SERVER`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const cli = fileURLToPath(new URL('./packages/server/bin/confab-server.js', import.meta.url));

/** Spawns `confab-server` and resolves with its URL and a stop function. */
function startConfabServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'confab-wtr-'));
  const child = spawn(process.execPath, [cli, '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], {
    env: { ...process.env, CONFAB_PASSWORD_COST: '4', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const kill = () => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL');
  process.once('exit', kill);
  const stop = async () => {
    kill();
    await exited;
    process.removeListener('exit', kill);
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let output = '';
    let started = false;
    const timer = setTimeout(() => fail('printed no URL within 15 s'), 15_000);
    const fail = (why) => {
      if (started) return;
      clearTimeout(timer);
      void stop();
      reject(new Error(`confab-server ${why}\n${output.slice(-2000)}`));
    };
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!url || started) return;
      started = true;
      clearTimeout(timer);
      resolve({ url, stop });
    });
    child.once('error', (error) => fail(`did not start: ${error.message}`));
    exited.then((code) => fail(`exited early (${code})`));
  });
}

/** Runs a reference server for as long as the test runner's own server runs. */
function confabServer() {
  let running;
  return {
    name: 'confab-server',
    async serverStart() {
      running = await startConfabServer();
    },
    async serverStop() {
      await running?.stop();
    },
    get url() {
      if (!running) throw new Error('the Confab server has not started');
      return running.url;
    },
  };
}

const confab = confabServer();

export default {
  files: 'packages/*/test/**/*.browser.test.ts',
  nodeResolve: true,
  testsFinishTimeout: 120_000,
  testFramework: { config: { timeout: 30_000 } },
  plugins: [confab, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  // nanostores reads process.env.NODE_ENV; the tests read the server's URL.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script>
      window.process = { env: { NODE_ENV: 'development' } };
      window.CONFAB_SERVER = ${JSON.stringify(confab.url)};
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
};
