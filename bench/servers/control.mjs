// Lets the bench ask a server child to collect garbage and report its resident memory: a line `gc` on
// stdin answers `rss <bytes> heap <bytes>` (JS heap in use plus external memory) on stdout (the child runs with --expose-gc). When stdin closes (the bench
// ended, however it ended), the server exits.
import { createInterface } from 'node:readline';

/** Answers `gc` lines on stdin, and exits when stdin closes. */
export function answerMemoryQueries() {
  const lines = createInterface({ input: process.stdin });
  lines.on('close', () => process.exit(0));
  lines.on('line', (line) => {
    if (line.trim() !== 'gc') return;
    globalThis.gc?.();
    globalThis.gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    console.log(`rss ${rss} heap ${heapUsed + external}`);
  });
}
