// The kit must catch a backend that breaks one rule. A proxy in front of the reference server breaks
// the ordering rule on the socket (one event lost, or two swapped) and passes everything else through:
// the replay and ordering checks must fail, readably and naming the rule, while unrelated checks pass.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { type CheckResult, formatReport, runConformance } from '@confab/conformance';
import { dropNthEvent, type FrameFilter, passThrough, startProxy, swapNthEvent } from './support/proxy.js';
import { startReference } from './support/reference-server.js';

const reference = await startReference();
after(reference.close);

/** Areas whose checks use the socket's event stream (replay, ordering) and some that do not. */
const areas = ['auth', 'tickets', 'channels', 'replay', 'ordering'];
const streamChecks = [
  'ordering.concurrent-senders',
  'ordering.per-channel',
  'replay.after-seq',
  'replay.reconnect',
  'replay.rest-events',
];

async function throughProxy(filter: FrameFilter) {
  const proxy = await startProxy(reference.url, filter);
  try {
    const report = await runConformance(proxy.url, { only: areas, jwtSecret: reference.jwtSecret });
    const failed = report.results.filter((r) => r.status === 'fail');
    return { report, failed, failedIds: failed.map((r) => r.id).sort(), text: formatReport(report) };
  } finally {
    await proxy.close();
  }
}

function assertUnrelatedPass(results: CheckResult[]): void {
  const unrelated = results.filter((r) => !['replay', 'ordering'].includes(r.area));
  assert.ok(unrelated.length >= 15, `only ${unrelated.length} unrelated checks ran`);
  for (const result of unrelated) assert.equal(result.status, 'pass', `${result.id}: ${result.error}`);
}

test('through a proxy that changes nothing, every check passes (the proxy itself is transparent)', async () => {
  const { report, failedIds } = await throughProxy(passThrough);
  assert.deepEqual(failedIds, []);
  assert.equal(report.ok, true);
});

test('a proxy that drops the 3rd event of each socket fails the replay and ordering checks, and only them', async () => {
  const { report, failed, failedIds, text } = await throughProxy(dropNthEvent(3));
  assert.equal(report.ok, false);
  assert.deepEqual(failedIds, streamChecks);
  for (const result of failed) {
    assert.equal(result.required, true);
    assert.match(result.error ?? '', /seq \d+ is missing, the events went from \d+ to \d+/, result.id);
    assert.match(result.contract, /Ordering|Recovery/, result.id);
    assert.ok(result.exchanges.length > 0, `${result.id} shows no exchanges`);
  }
  assertUnrelatedPass(report.results);
  assert.match(text, /✘ ordering › concurrent senders/);
  assert.match(text, /contract: asyncapi\.yaml › Ordering/);
  assert.match(text, /failure: {2}subscriber 1: seq \d+ is missing/);
  assert.match(text, /⇠ socket \d+ \{"type":"event"/);
  assert.match(text, /FAIL: 5 required check\(s\) failed: /);
});

test('a proxy that swaps two consecutive events fails the replay and ordering checks, and only them', async () => {
  const { report, failed, failedIds } = await throughProxy(swapNthEvent(2));
  assert.equal(report.ok, false);
  // One socket on two channels may see the swap across channels, which breaks no per-channel order.
  const expected = streamChecks.filter((id) => id !== 'ordering.per-channel');
  assert.deepEqual(
    failedIds.filter((id) => id !== 'ordering.per-channel'),
    expected,
  );
  for (const result of failed) {
    assert.match(result.error ?? '', /seq \d+ arrived (before|after) seq \d+, out of order/, result.id);
    assert.match(result.contract, /Ordering|Recovery/, result.id);
  }
  assertUnrelatedPass(report.results);
});
