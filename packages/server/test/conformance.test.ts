// The reference server's contract tests: the conformance kit (@confab/conformance), run against the
// server on SQLite and, where it is reachable (always in CI), on PostgreSQL. Each kit check is a subtest.
import { type TestContext, test } from 'node:test';
import { allChecks, formatResult, runConformance } from '@confab/conformance';
import { defaultConfig } from '../src/index.js';
import { adminUrl, postgresReachable, testDatabase } from './support/postgres.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The kit assumes the default limits, registration's rate included, and reads /metrics (opt-in). */
const defaults = { authRate: defaultConfig.authRate, metrics: 'public' } as const;

/** Runs every kit check against `server` as its own subtest, so a failure names the rule it broke. */
async function conformance(t: TestContext, server: TestServer): Promise<void> {
  for (const check of allChecks) {
    await t.test(`${check.id}: ${check.title}`, async () => {
      const report = await runConformance(server.url, { only: [check.id], jwtSecret: server.jwtSecret });
      const [result] = report.results;
      if (result?.status !== 'pass') throw new Error(result ? formatResult(result) : `${check.id} did not run`);
    });
  }
}

test('the reference server on SQLite passes the conformance kit', async (t) => {
  await conformance(t, await startTestServer(defaults, t));
});

const pgReachable = await postgresReachable();

test('the reference server on PostgreSQL passes the conformance kit', {
  skip: !pgReachable && `PostgreSQL is not reachable at ${adminUrl}`,
}, async (t) => {
  const database = await testDatabase(t);
  await conformance(t, await database.start(defaults));
});
