// The entry of a server child process in the Redis tests: `confab-server` from source, run through tsx.
import { main } from '../../src/cli.js';

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
