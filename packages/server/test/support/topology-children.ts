import type { ChildProcess } from 'node:child_process';

/**
 * Signals `child` if the test process exits while it still runs (a crash, a timeout), so that no server, nginx
 * or Redis outlives the test run. Tests stop their children themselves; this is the safety net. (nginx takes
 * SIGTERM: its master then ends its workers, which a SIGKILL would leave behind.)
 */
export function killOnExit(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
}
