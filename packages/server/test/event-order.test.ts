// Events of one channel committed on different processes can reach a process swapped; the hub puts them
// back in order before its fan-out, instead of sending every subscription to the log for a gap that is not one.
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import type { EventFrame } from '@confab/protocol';
import { EventOrder } from '../src/ws/event-order.js';

const event = (seq: number) => ({ type: 'event', channelId: 'c', seq }) as EventFrame;

function ordered(waitMs = 100) {
  const delivered: number[] = [];
  const order = new EventOrder((frame) => delivered.push(frame.seq), waitMs);
  const push = (...seqs: number[]) => {
    for (const seq of seqs) order.push(event(seq));
  };
  return { delivered, push, order };
}

test('swapped events are delivered in seq order', () => {
  const { delivered, push } = ordered();
  push(1, 3, 2, 5, 6, 4);
  assert.deepEqual(delivered, [1, 2, 3, 4, 5, 6]);
});

test('an event whose predecessor never comes passes on after the wait, in order, and the order goes on past the gap', (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const { delivered, push } = ordered(100);
  push(1, 4, 3);
  assert.deepEqual(delivered, [1]);
  mock.timers.tick(99);
  assert.deepEqual(delivered, [1]);
  mock.timers.tick(1);
  assert.deepEqual(delivered, [1, 3, 4]);
  push(5, 2);
  assert.deepEqual(delivered, [1, 3, 4, 5, 2], 'a late one still reaches subscriptions, which drop it by seq');
});

test('repeats pass straight through; close drops what is held', (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const { delivered, push, order } = ordered(100);
  push(7, 8, 8, 7, 10);
  order.close();
  mock.timers.tick(1000);
  assert.deepEqual(delivered, [7, 8, 8, 7]);
});
