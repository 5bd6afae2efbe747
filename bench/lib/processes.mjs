// Child processes the bench starts: spawned, measured through /proc, and always stopped.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const PAGE_BYTES = 4096;
const running = new Set();

/**
 * Spawns `node args…` and resolves once its stdout matches `ready` (the match is returned with the child).
 * Stderr is kept and shown if the child dies early. The child's stdin stays open: bench servers exit when
 * it closes, so none outlives the bench.
 */
export function startNode(args, { env = {}, ready, timeoutMs = 30_000, nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      stop(child);
      reject(new Error(`${args.join(' ')} did not start in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = ready.exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({ child, match });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited (${code}) before it was ready\n${stderr}`));
    });
  });
}

/** Stops a child (SIGTERM, then SIGKILL after `graceMs`) and resolves when it is gone. */
export function stop(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Stops a child spawned with `detached: true` and everything it started (its process group: e.g. npx and
 * the server npx runs), SIGTERM then SIGKILL after `graceMs`.
 */
export function stopGroup(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // the group is gone already
    }
  };
  return new Promise((resolve) => {
    const kill = setTimeout(() => signal('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      signal('SIGKILL'); // anything the leader left behind
      resolve();
    });
    signal('SIGTERM');
  });
}

/** Kills whatever is still running; for exit paths (errors, Ctrl-C). */
export function killAll() {
  for (const child of running) child.kill('SIGKILL');
}

/** Tracks a child started elsewhere so that {@link killAll} ends it (and its group, if detached) too. */
export function track(child, group = false) {
  const entry = group
    ? {
        kill: (signal) => {
          try {
            process.kill(-child.pid, signal);
          } catch {}
        },
      }
    : child;
  running.add(entry);
  child.once('exit', () => running.delete(entry));
  return child;
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident memory of a process, in bytes. */
export function rssBytes(pid) {
  const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
  return Number(statm[1]) * PAGE_BYTES;
}

/** Asks a bench server child (see servers/control.mjs) to collect garbage; resolves `{ rss, heap }` in bytes. */
export function queryMemory(child) {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('no answer to gc')), 30_000);
    const onData = (chunk) => {
      out += chunk;
      const match = /rss (\d+) heap (\d+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve({ rss: Number(match[1]), heap: Number(match[2]) });
    };
    child.stdout.on('data', onData);
    child.stdin.write('gc\n');
  });
}
