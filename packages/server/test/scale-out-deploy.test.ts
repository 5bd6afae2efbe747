// The deployment files (Dockerfile, compose.yaml, deploy/kubernetes, deploy/nginx/confab.conf) cannot run
// here, so scripts/lint-deploy.mjs checks them. This runs it on the repository, and on copies with one
// mistake each, which it must catch.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { nginxAvailable } from './support/nginx.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const linter = join(repo, 'scripts/lint-deploy.mjs');
const deployFiles = ['deploy', 'compose.yaml', 'Dockerfile', '.dockerignore'];

async function lint(root: string): Promise<{ ok: boolean; output: string }> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', linter, root], { cwd: repo }).then(
    ({ stdout, stderr }) => ({ ok: true, output: stdout + stderr }),
    (error: { stdout: string; stderr: string }) => ({ ok: false, output: error.stdout + error.stderr }),
  );
}

/** A repository whose deployment files are copies (the rest links to the real one), with `edit` applied. */
async function withMistake(file: string, edit: (text: string) => string): Promise<{ ok: boolean; output: string }> {
  const root = await mkdtemp(join(tmpdir(), 'confab-lint-deploy-'));
  try {
    for (const entry of await readdir(repo))
      if (!deployFiles.includes(entry)) await symlink(join(repo, entry), join(root, entry));
    for (const entry of deployFiles) await cp(join(repo, entry), join(root, entry), { recursive: true });
    const before = await readFile(join(root, file), 'utf8');
    const after = edit(before);
    assert.notEqual(after, before, `the edit of ${file} changed nothing`);
    await writeFile(join(root, file), after);
    return await lint(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

test('the deployment files pass scripts/lint-deploy.mjs', async () => {
  const { ok, output } = await lint(repo);
  assert.ok(ok, output);
});

const mistakes: Array<[string, string, (text: string) => string, RegExp]> = [
  [
    'a readiness probe on the wrong path',
    'deploy/kubernetes/deployment.yaml',
    (t) => t.replace('path: /readyz', 'path: /ready'),
    /readiness probe/,
  ],
  [
    'a field Kubernetes does not have',
    'deploy/kubernetes/hpa.yaml',
    (t) => t.replace('minReplicas: 3', 'minReplicas: three'),
    /hpa\.yaml: HorizontalPodAutoscaler confab: .*minReplicas/,
  ],
  [
    'a Service selecting no pod',
    'deploy/kubernetes/service.yaml',
    (t) => t.replace(/selector:\n(\s+)app.kubernetes.io\/name: confab/, 'selector:\n$1app.kubernetes.io/name: other'),
    /service\.yaml: selects no pod/,
  ],
  [
    'a compose key the Compose spec does not know',
    'compose.yaml',
    (t) => t.replace('stop_grace_period: 30s', 'stop_grace: 30s'),
    /compose\.yaml: .*additional properties.*stop_grace/,
  ],
  [
    'nginx proxying to a port the servers do not listen on',
    'compose.yaml',
    (t) => t.replace('CONFAB_UPSTREAM: confab:8787', 'CONFAB_UPSTREAM: confab:9000'),
    /proxies to port 9000/,
  ],
  [
    'a Dockerfile COPY of a missing path',
    'Dockerfile',
    (t) => t.replace('COPY packages packages', 'COPY pkgs pkgs'),
    /COPY pkgs/,
  ],
  ['an image that runs as root', 'Dockerfile', (t) => t.replace('USER node\n', ''), /runs as root/],
];

for (const [mistake, file, edit, expected] of mistakes)
  test(`scripts/lint-deploy.mjs catches ${mistake}`, async () => {
    const { ok, output } = await withMistake(file, edit);
    assert.equal(ok, false, `the linter passed:\n${output}`);
    assert.match(output, expected);
  });

test('scripts/lint-deploy.mjs catches an nginx template that nginx -t refuses', {
  skip: !nginxAvailable() && 'nginx is not installed',
}, async () => {
  const { ok, output } = await withMistake('deploy/nginx/confab.conf', (t) =>
    t.replace('proxy_read_timeout 60s;', 'proxy_read_timeout sixty;'),
  );
  assert.equal(ok, false, `the linter passed:\n${output}`);
  assert.match(output, /nginx -t: .*"proxy_read_timeout" directive invalid value/s);
});
