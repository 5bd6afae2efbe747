// A longer chaos run: npm run chaos -- --bots 30 --channels 10 --seconds 300 [--seed N] [--restarts N]
import { parseArgs } from 'node:util';
import { chaosOptions } from './chaos-options.js';
import { freshSeed } from './chaos-random.js';
import { reportTable } from './chaos-report.js';
import { runChaos } from './chaos-run.js';

const { values } = parseArgs({
  options: {
    bots: { type: 'string', default: '12' },
    channels: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string' },
    restarts: { type: 'string' },
  },
});
const count = (name: string, value: string | undefined) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${value}"`);
  return n;
};

const seed = values.seed === undefined ? freshSeed() : count('seed', values.seed);
const options = chaosOptions({
  seed,
  bots: count('bots', values.bots),
  channels: count('channels', values.channels),
  seconds: count('seconds', values.seconds),
  ...(values.restarts !== undefined ? { restartsPerKind: count('restarts', values.restarts) } : {}),
  log: (line) => console.error(line),
});
console.error(`chaos seed ${seed} (re-run with --seed ${seed})`);
const report = await runChaos(options);
console.log(reportTable(report));
process.exitCode = report.problems.length ? 1 : 0;
