// `npm run bench [-- area…] [--quick]`: installs the bench's own dependencies if missing, builds if
// needed, runs the areas with progress on stderr, prints one markdown table per area and rewrites
// bench/RESULTS.md (with its SVG charts) from bench/results.json, which keeps each area's latest full run
// (a --quick run prints its tables and writes its RESULTS.md to the temp folder instead).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describeMachine } from './lib/machine.mjs';
import { killAll } from './lib/processes.mjs';
import { writeResults } from './lib/results.mjs';

const here = new URL('.', import.meta.url).pathname;
const root = new URL('..', import.meta.url).pathname;
const AREAS = ['bundle', 'coldstart', 'render', 'recovery', 'memory', 'uploads', 'send', 'fanout', 'search'];
const progress = (line) => process.stderr.write(`${line}\n`);

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const unknown = args.filter((a) => a.startsWith('-') && a !== '--quick');
const chosen = args.filter((a) => !a.startsWith('-'));
const bad = chosen.filter((a) => !AREAS.includes(a));
if (unknown.length || bad.length) {
  console.error(`usage: npm run bench [-- ${AREAS.join('|')} …] [--quick]\nunknown: ${[...unknown, ...bad].join(' ')}`);
  process.exit(2);
}
const areas = chosen.length ? AREAS.filter((a) => chosen.includes(a)) : AREAS;

function prepare() {
  if (!existsSync(`${here}node_modules`)) {
    progress('installing the bench-only dependencies (npm ci --prefix bench)…');
    execFileSync('npm', ['ci', '--prefix', 'bench', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  }
  const built = ['packages/server/dist/cli.js', 'packages/core/dist/index.js', 'packages/elements/dist/all.js'];
  if (built.some((file) => !existsSync(`${root}${file}`))) {
    progress('building the packages (npm run build)…');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
}

const runners = {
  bundle: async () => (await import('./bundle.mjs')).runBundle,
  coldstart: async () => (await import('./cold-start.mjs')).runColdStart,
  render: async () => (await import('./render.mjs')).runRender,
  recovery: async () => (await import('./recovery-area.mjs')).runRecovery,
  memory: async () => (await import('./memory.mjs')).runMemory,
  uploads: async () => (await import('./uploads.mjs')).runUploads,
  send: async () => (await import('./send.mjs')).runSend,
  fanout: async () => (await import('./fanout.mjs')).runFanout,
  search: async () => (await import('./search.mjs')).runSearch,
};

for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });

const resultsFile = `${here}results.json`;
const saved = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
const started = performance.now();
let failed = false;
try {
  prepare();
  const machine = describeMachine();
  progress(
    `machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, ${machine.chromium}, load ${machine.loadBefore}`,
  );
  for (const area of areas) {
    progress(`\n== ${area}${quick ? ' (quick)' : ''}`);
    const areaStart = performance.now();
    try {
      const data = await (await runners[area]())({ quick, progress });
      const seconds = (performance.now() - areaStart) / 1000;
      saved[area] = {
        data,
        quick,
        machine: { ...machine, loadBefore: machine.loadBefore },
        at: new Date().toISOString(),
        seconds,
      };
      progress(`   (${seconds.toFixed(0)} s)`);
    } catch (error) {
      failed = true;
      progress(`   ${area} failed: ${error.stack ?? error}`);
      killAll();
    }
  }
  // A --quick run is for development: it prints its tables but leaves the saved results alone.
  const target = quick ? `${tmpdir()}/confab-bench-quick/` : here;
  mkdirSync(`${target}charts`, { recursive: true });
  if (!quick) writeFileSync(resultsFile, `${JSON.stringify(saved, null, 2)}\n`);
  const markdown = writeResults(saved, target);
  console.log(markdown.printed(areas));
  const where = quick ? `${target}RESULTS.md (--quick: bench/RESULTS.md left as it was)` : 'bench/RESULTS.md';
  progress(`\n${where} written (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
} finally {
  killAll();
}
process.exit(failed ? 1 : 0);
