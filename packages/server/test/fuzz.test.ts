// Contract-driven fuzzing (issue 12): generated requests for every operation and random socket frames
// against a real server. A bounded, seeded run; `npm run fuzz -- --runs 50000` runs longer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../src/index.js';
import { frameVerdict } from './harness/fuzz-frames.js';
import { contractOperations } from './harness/fuzz-operations.js';
import type { FuzzRequest } from './harness/fuzz-requests.js';
import { formatFuzzReport, runFuzz } from './harness/fuzz-run.js';
import { generousLimits } from './harness/fuzz-server.js';
import { DatabaseSnapshots } from './harness/fuzz-snapshot.js';
import { verdict } from './harness/fuzz-verdict.js';
import { startTestServer } from './support/test-server.js';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

test(`fuzzed requests and frames never break the server or change data when refused (seed ${seed})`, async (t) => {
  // No background link previews: a refused request must leave the data exactly as it was.
  const server = await startTestServer({ ...generousLimits(), linkPreviews: 'off' }, t);
  t.diagnostic(`fuzz seed ${seed} (FUZZ_SEED=${seed} repeats this run)`);
  const report = await runFuzz({
    baseUrl: server.url,
    dataDir: server.dataDir,
    seed,
    requests: 2500,
    framesPerRound: 60,
    changedPerRound: 8,
    bodyLimit: defaultConfig.bodyLimit,
    frameLimit: defaultConfig.frameLimit,
  });
  for (const line of formatFuzzReport(report).split('\n')) t.diagnostic(line);
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200, 'the server is alive after the run');
  assert.ok(report.requests >= 2500, `${report.requests} requests`);
  assert.ok(report.frames.tried >= 500, `${report.frames.tried} frames`);
  const untried = report.operations.filter((o) => o.requests === 0).map((o) => o.operationId);
  assert.deepEqual(untried, [], 'operations the run never tried');
  assert.deepEqual(report.failures, [], `failures with seed ${seed}`);
});

test('the fuzz verdicts catch each broken property', () => {
  const logout = contractOperations().find((o) => o.operationId === 'logout')!;
  const request: FuzzRequest = {
    operation: logout,
    kind: 'invalid',
    label: 'a test',
    method: 'POST',
    path: '/api/v1/auth/logout',
    headers: {},
  };
  const problem = (status: number) => ({
    status,
    contentType: 'application/problem+json',
    body: { type: 'about:blank', title: 'x', status, code: 'invalid_request', detail: 'x' },
  });
  assert.equal(verdict(request, problem(400)), undefined, 'a proper refusal');
  assert.match(verdict(request, problem(500)) ?? '', /500/);
  assert.match(verdict(request, { status: 0, contentType: null, body: 'no reply: ECONNREFUSED' }) ?? '', /no reply/);
  assert.match(verdict(request, { status: 204, contentType: null, body: undefined }) ?? '', /accepted input/);
  assert.match(verdict(request, { ...problem(400), contentType: 'application/json' }) ?? '', /content type/);
  assert.match(verdict(request, { ...problem(400), body: { ...problem(413).body } }) ?? '', /not the HTTP status/);
  assert.match(verdict(request, problem(401)) ?? '', /not declared/);
  assert.match(verdict({ ...request, kind: 'unauthenticated' }, problem(400)) ?? '', /not 401/);
  const bad = { data: '{', invalid: true, label: 'a test' };
  assert.match(frameVerdict([bad], []) ?? '', /answered 0/);
  assert.match(frameVerdict([bad], [{ type: 'error', code: 'internal_error', detail: 'x' }]) ?? '', /internal_error/);
  assert.match(frameVerdict([bad], [{ type: 'error', code: 'invalid_frame' }]) ?? '', /schema/);
  assert.equal(frameVerdict([bad], [{ type: 'error', code: 'invalid_frame', detail: 'x' }]), undefined);
  assert.deepEqual(DatabaseSnapshots.changed({ users: 'a', events: 'b' }, { users: 'a', events: 'c' }), ['events']);
});
