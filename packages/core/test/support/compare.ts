import assert from 'node:assert/strict';
import type { LocalMessage, Message } from '../../src/index.js';

/** `seq:id` of each message, for diffs that read well. */
export const keys = (messages: readonly Message[]): string[] => messages.map((m) => `${m.seq}:${m.id}`);

/** Asserts a loaded window is one contiguous stretch of the server's history, ascending, no duplicates. */
export function assertContiguous(window: readonly LocalMessage[], history: readonly Message[]): number {
  assert.ok(window.length > 0, 'the window is empty');
  assert.ok(!window.some((m) => m.pending || m.failed), 'no local echoes are left');
  assert.equal(new Set(window.map((m) => m.id)).size, window.length, 'no message twice');
  const start = history.findIndex((m) => m.id === window[0]!.id);
  assert.ok(start >= 0, `the window's first message ${window[0]!.id} is not in the server's history`);
  assert.deepEqual(keys(window), keys(history.slice(start, start + window.length)));
  return start;
}
