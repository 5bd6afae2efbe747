// Summarizes a V8 `.cpuprofile` (from --cpu-prof): self time per function and per file, biggest first.
import { readFileSync } from 'node:fs';

const root = new URL('../..', import.meta.url).pathname;

function where(frame) {
  const url = frame.url
    .replace('file://', '')
    .replace(root, '')
    .replace(/^.*node_modules\//, '');
  return url ? `${url}:${frame.lineNumber + 1}` : '(native)';
}

/** The `top` functions and files by self time, as shares of the profile's total time. */
export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const functions = new Map();
  const files = new Map();
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id).callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${where(frame)}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
    const file = where(frame).replace(/:\d+$/, '');
    files.set(file, (files.get(file) ?? 0) + micros);
  }
  const rank = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, share: micros / total }));
  return { totalMs: total / 1000, functions: rank(functions), files: rank(files) };
}
