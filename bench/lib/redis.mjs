// Redis for the bench, when one answers: Confab's scale-out bus (REDIS_URL) in the PostgreSQL runs.
import { connect } from 'node:net';

/** BENCH_REDIS_URL, or the local default. */
export const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers PING at {@link redisUrl} within two seconds. */
export function redisReachable() {
  const { hostname, port } = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (reply) => done(reply.toString().startsWith('+PONG')));
  });
}
