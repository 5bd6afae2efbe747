// The reference server's command line run from source (tsx) for the chaos harness: it loads the code, then
// waits for a line on stdin before it starts, so that the harness can keep one warm for a quick restart.
import { main } from '../../src/cli.js';

process.stdin.once('data', () => {
  process.stdin.pause();
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
});
