// Area 6, cold start: `confab-server` on a fresh data directory until its first `/healthz` answer (the
// bin itself, and through npx), then the demo page it serves: load → sign-in form → channel → first
// message shown. Run alone: npm run bench -- coldstart
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { stopGroup, track } from './lib/processes.mjs';

const root = new URL('..', import.meta.url).pathname;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/** Starts the server with `command` on a fresh data dir; resolves the ms from spawn to the first /healthz 200. */
async function timeToHealthy(command, args) {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'confab-cold-'));
  const start = performance.now();
  const child = spawn(command, [...args, '--port', String(port), '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
    detached: true, // its own process group, so npx and the server it runs stop together
  });
  track(child, true);
  let healthyMs = -1;
  try {
    while (performance.now() - start < 30_000 && child.exitCode === null) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        healthyMs = performance.now() - start;
        break;
      }
      await sleep(5);
    }
    return { healthyMs, child, port, dataDir };
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The demo page at `baseUrl`, as a new user: ms to the sign-in form, to the channel, to the first message. */
async function demoPage(baseUrl) {
  const suffix = Date.now().toString(36);
  const user = { username: `bench-${suffix}`, password: 'bench-correct-horse' };
  const post = async (path, body, token) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const session = await post('/auth/register', user);
  const channel = await post('/channels', { name: `bench-${suffix}`, visibility: 'public' }, session.accessToken);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const start = performance.now();
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Username').waitFor();
    const formMs = performance.now() - start;
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    const signInStart = performance.now();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: `# ${channel.name}` }).waitFor();
    const channelMs = performance.now() - signInStart;
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill('hello from the cold start bench');
    const sendStart = performance.now();
    await composer.press('Enter');
    await page.locator('chat-window [part="body"]', { hasText: 'hello from the cold start bench' }).first().waitFor();
    const messageMs = performance.now() - sendStart;
    return { formMs, channelMs, messageMs };
  } finally {
    await browser.close();
  }
}

/** Three cold starts per way of starting (one in quick mode), then the demo page once. */
export async function runColdStart({ quick, progress }) {
  const runs = quick ? 1 : 3;
  const ways = [
    {
      label: '`node packages/server/bin/confab-server.js`',
      command: process.execPath,
      args: ['packages/server/bin/confab-server.js'],
    },
    { label: '`npx confab-server`', command: 'npx', args: ['--no-install', 'confab-server'] },
  ];
  const rows = [];
  let demo;
  for (const way of ways) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const started = await timeToHealthy(way.command, way.args);
      try {
        if (started.healthyMs < 0) throw new Error(`${way.label} never answered /healthz`);
        times.push(started.healthyMs);
        if (!demo && i === runs - 1) demo = await demoPage(`http://127.0.0.1:${started.port}`);
      } finally {
        await stopGroup(started.child);
        await rm(started.dataDir, { recursive: true, force: true });
      }
    }
    rows.push({ label: way.label, runs, medianMs: median(times), minMs: Math.min(...times) });
    progress(`  ${way.label}: first /healthz after ${median(times).toFixed(0)} ms (median of ${runs})`);
  }
  progress(
    `  demo page: sign-in form ${demo.formMs.toFixed(0)} ms, channel ${demo.channelMs.toFixed(0)} ms, message ${demo.messageMs.toFixed(0)} ms`,
  );
  return { starts: rows, demo };
}
