// `confab-conformance` as a user runs it: a child process against a live reference server.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { allChecks, type Report } from '@confab/conformance';
import { startReference } from './support/reference-server.js';

const bin = fileURLToPath(new URL('../bin/confab-conformance.js', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/cli.js', import.meta.url)));
const skip = built ? false : 'the CLI is not built: run `npm run build` first';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000, maxBuffer: 32 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const reference = built ? await startReference() : undefined;
if (reference) after(reference.close);
const url = reference?.url ?? '';

test('against the reference server: exit 0 and a readable report of every check', { skip }, async () => {
  const run = await cli([url], { CONFAB_JWT_SECRET: reference?.jwtSecret ?? '' });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, new RegExp(`^Confab conformance: ${url}`));
  for (const check of allChecks) assert.ok(run.stdout.includes(`${check.area} › ${check.title}`), check.id);
  assert.doesNotMatch(run.stdout, /^✘/m);
  const required = allChecks.filter((c) => c.required).length;
  assert.match(
    run.stdout,
    new RegExp(`required: ${required} passed, 0 failed; optional: ${allChecks.length - required} passed`),
  );
  assert.match(run.stdout, /PASS: .* speaks the Confab contract/);
});

test('--only auth runs the auth checks alone', { skip }, async () => {
  const run = await cli([url, '--only', 'auth']);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const lines = run.stdout.split('\n').filter((line) => /^[✔✘–] /.test(line));
  assert.equal(lines.length, allChecks.filter((c) => c.area === 'auth').length);
  assert.ok(
    lines.every((line) => line.startsWith('✔ auth › ')),
    lines.join('\n'),
  );
});

test('--json prints a report that parses, with every chosen check', { skip }, async () => {
  const run = await cli([url, '--json', '--only', 'tickets,host-tokens']);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as Report;
  assert.equal(report.ok, true);
  assert.deepEqual(
    report.results.map((r) => r.id),
    allChecks.filter((c) => c.area === 'tickets' || c.area === 'host-tokens').map((c) => c.id),
  );
  assert.ok(report.results.some((r) => r.status === 'pass' && r.area === 'tickets'));
  for (const result of report.results.filter((r) => r.area === 'host-tokens')) {
    assert.deepEqual([result.status, result.error], ['skip', 'needs --jwt-secret (or CONFAB_JWT_SECRET)']);
  }
});

test('usage errors exit 2; an address where nothing answers exits 1', { skip }, async () => {
  for (const args of [[], [url, '--only', 'no-such-area'], ['not a url'], [url, '--frobnicate']]) {
    const run = await cli(args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, /Usage: confab-conformance <base-url>/);
  }
  const nobody = await cli(['http://127.0.0.1:9', '--only', 'auth']);
  assert.equal(nobody.code, 1);
  assert.match(nobody.stderr, /nothing answers at http:\/\/127\.0\.0\.1:9/);
});
