import { readFileSync } from 'node:fs';
import { type EventKind, openapiDocument } from '@confab/protocol';

/** One place the host app receives channel events. */
export interface WebhookEndpoint {
  /** An absolute http(s) URL; it also names the endpoint's queue in the outbox. */
  url: string;
  /** The HMAC-SHA256 key of `Confab-Signature`. */
  secret: string;
  /** Only these event kinds; every kind when absent. */
  kinds?: EventKind[];
}

/** How the dispatcher retries and times out (all in milliseconds). */
export interface WebhookTiming {
  /** The first retry's delay; it doubles after each failure (with jitter) up to `retryMaxMs`. */
  retryMs: number;
  retryMaxMs: number;
  /** The longest one attempt may take. */
  timeoutMs: number;
  /** How often the outbox is read for work other processes queued, or retries that fell due. */
  pollMs: number;
}

const KINDS: readonly string[] = (openapiDocument as { components: { schemas: { EventKind: { enum: string[] } } } })
  .components.schemas.EventKind.enum;

/** Throws a clear error unless `endpoints` are usable: http(s) URLs, each once, with a secret, known kinds. */
export function checkWebhookEndpoints(endpoints: readonly WebhookEndpoint[], source: string): WebhookEndpoint[] {
  const seen = new Set<string>();
  return endpoints.map((endpoint, i) => {
    const where = endpoints.length > 1 ? `${source} endpoint ${i + 1}` : source;
    if (typeof endpoint !== 'object' || endpoint === null) throw new Error(`${where} must be an object`);
    const unknown = Object.keys(endpoint).filter((key) => !['url', 'secret', 'kinds'].includes(key));
    if (unknown.length) throw new Error(`${where} has unknown field(s) ${unknown.join(', ')} (url, secret, kinds)`);
    const { url, secret, kinds } = endpoint;
    if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
      throw new Error(`${where}: the url must be an absolute http(s) URL, not ${JSON.stringify(url)}`);
    if (seen.has(url)) throw new Error(`${where}: ${url} is listed twice`);
    seen.add(url);
    if (typeof secret !== 'string' || secret.length === 0)
      throw new Error(`${where}: ${url} needs a secret (the key its deliveries are signed with)`);
    if (kinds === undefined) return { url, secret };
    if (!Array.isArray(kinds) || kinds.length === 0 || kinds.some((kind) => !KINDS.includes(kind)))
      throw new Error(`${where}: kinds must be a non-empty list of event kinds (${KINDS.join(', ')})`);
    return { url, secret, kinds: [...new Set(kinds)] };
  });
}

/**
 * The endpoints the environment configures: `CONFAB_WEBHOOK_URL` with `CONFAB_WEBHOOK_SECRET`, or the JSON
 * list `[{ url, secret, kinds? }]` in the file `CONFAB_WEBHOOKS_FILE`; none when neither is set.
 */
export function webhooksFromEnv(env: Record<string, string | undefined>): WebhookEndpoint[] {
  const { CONFAB_WEBHOOK_URL: url, CONFAB_WEBHOOK_SECRET: secret, CONFAB_WEBHOOKS_FILE: file } = env;
  if (file && (url || secret))
    throw new Error('Set either CONFAB_WEBHOOKS_FILE or CONFAB_WEBHOOK_URL with CONFAB_WEBHOOK_SECRET, not both');
  if (file) {
    let list: unknown;
    try {
      list = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`CONFAB_WEBHOOKS_FILE: cannot read ${file} as JSON (${(error as Error).message})`);
    }
    if (!Array.isArray(list) || list.length === 0)
      throw new Error(`CONFAB_WEBHOOKS_FILE: ${file} must hold a non-empty JSON array of { url, secret, kinds? }`);
    return checkWebhookEndpoints(list as WebhookEndpoint[], 'CONFAB_WEBHOOKS_FILE');
  }
  if (!url && secret) throw new Error('CONFAB_WEBHOOK_SECRET is set but CONFAB_WEBHOOK_URL is not');
  if (!url) return [];
  if (!secret) throw new Error('CONFAB_WEBHOOK_SECRET must be set with CONFAB_WEBHOOK_URL');
  return checkWebhookEndpoints([{ url, secret }], 'CONFAB_WEBHOOK_URL');
}
