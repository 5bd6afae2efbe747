// The conformance kit against the front door of a scaled-out deployment: nginx (rendered from
// deploy/nginx/confab.conf) in front of three confab-server processes on one PostgreSQL database and one Redis.
// Consecutive requests of one check land on different processes, so tickets, sessions, limits and events must
// hold across them. Each kit check is a subtest.
import { test } from 'node:test';
import { allChecks, formatResult, runConformance } from '@confab/conformance';
import { startTopology, topologyUnavailable } from './support/topology.js';

const unavailable = await topologyUnavailable();

test('three processes behind nginx on PostgreSQL + Redis pass the conformance kit', {
  skip: unavailable,
  timeout: 300_000,
}, async (t) => {
  // The kit checks the default limits and reads /metrics (opt-in).
  const topology = await startTopology(t, { env: { CONFAB_METRICS: 'public' } });
  for (const check of allChecks) {
    await t.test(`${check.id}: ${check.title}`, async () => {
      const report = await runConformance(topology.nginx.url, { only: [check.id], jwtSecret: topology.jwtSecret });
      const [result] = report.results;
      if (result?.status !== 'pass') throw new Error(result ? formatResult(result) : `${check.id} did not run`);
    });
  }
  const crashes = topology.crashes();
  if (crashes.length) throw new Error(`processes exited: ${crashes.join('\n')}`);
});
