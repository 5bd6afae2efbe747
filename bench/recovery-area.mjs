// Area 4, recovery: runs bench/recovery.mjs (client offline for 5 s while 1,000 messages are posted) in a
// child process and keeps its table row. Run alone: npm run bench -- recovery
import { spawn } from 'node:child_process';
import { track } from './lib/processes.mjs';

const here = new URL('.', import.meta.url).pathname;

/** Runs the recovery scenario; quick mode misses 200 messages instead of 1,000. */
export async function runRecovery({ quick, progress }) {
  const missed = quick ? 200 : 1000;
  const child = track(
    spawn(process.execPath, [`${here}recovery.mjs`, String(missed), '5000'], {
      cwd: `${here}..`,
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true, // its own group: the server it starts is stopped with it
    }),
    true,
  );
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`recovery.mjs exited with ${code}`);
  const cells = out
    .trim()
    .split('\n')
    .at(-1)
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
  const [scenario, missedCell, outage, converged, lost, doubled, exact] = cells;
  const row = {
    scenario,
    missed: Number(missedCell),
    outage,
    converged,
    lost: Number(lost),
    doubled: Number(doubled),
    exact,
  };
  progress(
    `  ${row.missed} missed over ${outage}: converged ${converged} after reconnect, ${lost} lost, ${doubled} doubled`,
  );
  return row;
}
