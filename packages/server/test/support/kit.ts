import type { TestContext } from 'node:test';
import { type CheckContext, createCheckContext } from '@confab/conformance';

/**
 * The conformance kit's clients against `url`, as its checks get them: every reply and every socket frame
 * is checked against the contract. The sockets `openSocket` opens are closed, and checked, after `t`.
 */
export function kitFor(url: string, t: TestContext): CheckContext {
  const { context, sockets } = createCheckContext(url);
  t.after(async () => {
    for (const socket of sockets) await socket.close();
  });
  return context;
}
