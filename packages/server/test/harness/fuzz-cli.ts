// The long fuzz run: `npm run fuzz -- --runs 50000 [--seed 42]`. Starts its own server (SQLite in a temporary
// folder), prints a markdown report (requests per operation, statuses seen, frames tried, failures) and the
// access-control matrix, and exits 1 when a property broke.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig, startServer } from '../../src/index.js';
import { ACCESS_MATRIX, ACCOUNT_MATRIX, formatMatrix } from './access-matrix.js';
import { formatFuzzReport, runFuzz } from './fuzz-run.js';
import { generousLimits } from './fuzz-server.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '50000' }, seed: { type: 'string' } },
});
const requests = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 1_000_000 : Number(values.seed);
if (!Number.isInteger(requests) || requests < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs <requests>] [--seed <integer>]');
  process.exit(2);
}

const dataDir = await mkdtemp(join(tmpdir(), 'confab-fuzz-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  logLevel: 'silent',
  passwordCost: 4,
  jwtSecret: randomBytes(32).toString('base64url'),
  ...generousLimits(),
  linkPreviews: 'off', // a refused request must leave the data exactly as it was
});
console.log(`Fuzzing ${server.url} with seed ${seed} for ${requests} requests…\n`);
let failed = true;
try {
  const report = await runFuzz({
    baseUrl: server.url,
    dataDir,
    seed,
    requests,
    framesPerRound: 40,
    changedPerRound: 8,
    bodyLimit: defaultConfig.bodyLimit,
    frameLimit: defaultConfig.frameLimit,
    onRound: (sent) => process.stderr.write(`\r${sent} / ${requests} requests`),
  });
  process.stderr.write('\n');
  const health = await fetch(`${server.url}/healthz`);
  failed = report.failures.length > 0 || health.status !== 200;
  console.log(formatFuzzReport(report));
  console.log(`\nThe server answered /healthz with ${health.status} after the run.`);
  console.log(
    `\n## Access-control matrix (${ACCESS_MATRIX.length + ACCOUNT_MATRIX.length} rules; tested by access-matrix.test.ts)\n`,
  );
  console.log(formatMatrix());
} finally {
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
