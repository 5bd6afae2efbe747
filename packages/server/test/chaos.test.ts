import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chaosOptions } from './harness/chaos-options.js';
import { freshSeed } from './harness/chaos-random.js';
import { reportTable } from './harness/chaos-report.js';
import { runChaos } from './harness/chaos-run.js';

// CHAOS_SEED=N re-runs a failing seed's plan.
const seed = process.env.CHAOS_SEED ? Number(process.env.CHAOS_SEED) : freshSeed();

const name = `chaos: bots chat through dropped, stalled and reset connections and server restarts (seed ${seed})`;

test(name, { timeout: 300_000 }, async (t) => {
  const report = await runChaos(
    chaosOptions({ seed, bots: 6, channels: 3, seconds: 20, restartsPerKind: 2, log: (line) => t.diagnostic(line) }),
  );
  for (const line of reportTable(report).split('\n')) t.diagnostic(line);
  assert.ok(report.sends.acknowledged > 0, 'the bots got messages through');
  for (const [fault, hit] of Object.entries(report.faults)) assert.ok(hit > 0, `connections were hit by ${fault}`);
  assert.equal(report.restarts.SIGTERM + report.restarts.SIGKILL, 4, 'the server was restarted');
  assert.equal(report.sends.lost, 0, 'no acknowledged message is lost');
  assert.equal(report.sends.doubled, 0, 'no message is stored twice');
  assert.deepEqual(report.problems, [], `seed ${seed}: every copy equals the database`);
});
