// What the numbers were measured on: cores, CPU model, Node, Chromium, and how busy the machine was.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'not found';
  }
}

/** A description of this machine, taken now. */
export function describeMachine() {
  const list = cpus();
  const [load1] = loadavg();
  return {
    cores: list.length,
    cpu: list[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion(),
    loadBefore: Number(load1.toFixed(2)),
    busy: load1 > list.length * 0.25,
  };
}

/** One line for a table's header: `2 cores (AMD EPYC), Node v20, Chromium 1xx`. */
export function machineLine(machine) {
  const busy = machine.busy ? ` — **busy machine** (load ${machine.loadBefore} before the run): treat as noise` : '';
  return `${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.chromium}${busy}`;
}
