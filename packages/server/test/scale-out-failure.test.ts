// Failures in a scaled-out deployment (three confab-server processes on PostgreSQL + Redis behind nginx), with
// real @confab/core clients chatting through nginx: one process killed with SIGKILL, Redis restarted, and a
// rolling restart of all three. Each time every client must converge on the database's history with nothing
// lost or doubled. Prints the reconnect and converge times (measured, not asserted).
// CONFAB_SCALE_FULL=1 runs more clients for longer.
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { freshSeed } from './harness/chaos-random.js';
import { startTopology, type Topology, topologyUnavailable } from './support/topology.js';
import { type BurstOptions, type BurstReport, runBurst } from './support/topology-burst.js';
import { fullScale, liftedLimits } from './support/topology-limits.js';

const unavailable = await topologyUnavailable();
// SCALE_SEED=N replays a failing run's plan of sends.
const seed = process.env.SCALE_SEED ? Number(process.env.SCALE_SEED) : freshSeed();
const size = fullScale
  ? { bots: 60, channels: 4, sendEveryMs: [100, 400] as const, beforeMs: 4000, afterMs: 4000 }
  : { bots: 12, channels: 2, sendEveryMs: [80, 250] as const, beforeMs: 1500, afterMs: 1500 };

async function burst(t: TestContext, fault: BurstOptions['fault']): Promise<BurstReport> {
  const topology = await startTopology(t, { env: liftedLimits });
  const report = await runBurst(topology, {
    seed,
    ...size,
    fault,
    settleTimeoutMs: 30_000,
    log: (line) => t.diagnostic(line),
  });
  const { sends } = report;
  t.diagnostic(
    `seed ${seed}: ${sends.sent} sent, ${sends.acknowledged} acknowledged, ${sends.lost} lost, ${sends.doubled} doubled`,
  );
  const outages = report.outagesMs;
  if (outages.length)
    t.diagnostic(
      `${outages.length} socket outages; open again after median ${outages[outages.length >> 1]} ms, ` +
        `at most ${outages.at(-1)} ms`,
    );
  t.diagnostic(
    `every client equal to the database ${report.convergedMs ?? '(never)'} ms after the fault began, ` +
      `${report.settledMs ?? '(never)'} ms after the last send`,
  );
  assert.ok(sends.acknowledged > 0, 'the clients got messages through');
  assert.equal(sends.lost, 0, 'no acknowledged message is lost');
  assert.equal(sends.doubled, 0, 'no message is stored twice');
  assert.deepEqual(report.problems, [], `seed ${seed}: every copy equals the database`);
  return report;
}

test(`kill -9 of one process mid-burst: its clients reconnect through nginx and converge (seed ${seed})`, {
  skip: unavailable,
  timeout: 300_000,
}, async (t) => {
  const report = await burst(t, async ({ servers }: Topology) => {
    await servers[1]!.stop('SIGKILL');
  });
  assert.ok(report.outagesMs.length > 0, 'no client was connected to the killed process');
});

test('nginx passes requests that meet a killed process on to a live one: no caller sees the death', {
  skip: unavailable,
  timeout: 120_000,
}, async (t) => {
  const topology = await startTopology(t);
  await topology.servers[1]!.stop('SIGKILL');
  const answers: string[] = [];
  for (let i = 0; i < 12; i++) {
    // A GET, and a POST that never reached the dead process (refused at connect), are both passed on.
    const health = await fetch(`${topology.nginx.url}/healthz`);
    const registration = await fetch(`${topology.nginx.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `after_kill_${i}`, password: `password-${i}-password` }),
    });
    answers.push(`GET ${health.status}`, `POST ${registration.status}`);
  }
  assert.deepEqual(
    answers,
    answers.map((a) => (a.startsWith('GET') ? 'GET 200' : 'POST 201')),
  );
});

test(`Redis restarted mid-burst: every client still converges (seed ${seed})`, {
  skip: unavailable,
  timeout: 300_000,
}, async (t) => {
  await burst(t, async ({ redis }: Topology) => {
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await redis.start();
  });
});

test(`rolling restart of all three processes under load loses no acknowledged message (seed ${seed})`, {
  skip: unavailable,
  timeout: 300_000,
}, async (t) => {
  await burst(t, async ({ servers }: Topology) => {
    for (const server of servers) {
      const exit = await server.stop('SIGTERM');
      assert.equal(exit.code, 0, `${server.name} drained and exited cleanly`);
      await server.start();
      await server.ready();
    }
  });
});
