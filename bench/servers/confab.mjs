// The Confab reference server as `confab-server` starts it (startServer with the environment's
// configuration), plus the bench's memory query on stdin.
import { configFromEnv, startServer } from '@confab/server';
import { answerMemoryQueries } from './control.mjs';

const server = await startServer(configFromEnv(process.env, { port: 0 }));
console.log(`listening on ${server.port}`);
answerMemoryQueries();
process.once('SIGTERM', () => server.close().then(() => process.exit(0)));
