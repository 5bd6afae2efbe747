import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** deploy/nginx/confab.conf: the nginx configuration people deploy, and the one the scale-out tests run. */
export const nginxTemplatePath = fileURLToPath(new URL('../../../../deploy/nginx/confab.conf', import.meta.url));

/** What the template leaves open. */
export interface NginxTemplateValues {
  /** `${CONFAB_LISTEN}`: a port, or `address:port`. */
  listen: string;
  /** `${CONFAB_UPSTREAM}`: one `host:port` per server process. */
  upstreams: readonly string[];
}

/** `${NAME}`, the envsubst form of a placeholder (spelled out, or it reads as a mistaken template literal). */
const placeholder = (name: string) => `$\{${name}}`;
const UPSTREAM = placeholder('CONFAB_UPSTREAM');
const LISTEN = placeholder('CONFAB_LISTEN');

/**
 * Fills in the template the way its header describes: a line holding `${CONFAB_UPSTREAM}` once per upstream,
 * `${CONFAB_LISTEN}` everywhere. Throws when a placeholder is missing or another `${…}` is left.
 */
export function renderNginxTemplate(template: string, values: NginxTemplateValues): string {
  if (!values.upstreams.length) throw new Error('nginx needs at least one upstream');
  const active = (text: string) => text.replace(/#.*$/gm, '');
  const config = template
    .split('\n')
    .flatMap((line) =>
      active(line).includes(UPSTREAM) ? values.upstreams.map((u) => line.replaceAll(UPSTREAM, u)) : [line],
    )
    .map((line) => line.replaceAll(LISTEN, values.listen))
    .join('\n');
  for (const placeholder of [UPSTREAM, LISTEN])
    if (!active(template).includes(placeholder)) throw new Error(`the nginx template has no ${placeholder}`);
  const left = /\$\{\w+\}/.exec(active(config));
  if (left) throw new Error(`the nginx template holds ${left[0]}, which nothing fills in`);
  return config;
}

/** Reads and renders deploy/nginx/confab.conf. */
export const renderConfabNginx = (values: NginxTemplateValues): string =>
  renderNginxTemplate(readFileSync(nginxTemplatePath, 'utf8'), values);
