import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The policy of every reply that is not a page: it runs nothing, loads nothing and is framed nowhere. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every reply carries, whatever it is. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

const sha256 = (source: string) => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;

/** The `sha256-…` sources of the inline `<script>` (those without `src`) or `<style>` blocks of a page. */
function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const block = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'gi');
  return [...html.matchAll(block)]
    .filter(([, attributes = '']) => !/\bsrc\s*=/i.test(attributes))
    .map(([, , source = '']) => sha256(source));
}

/**
 * A Content-Security-Policy for a page of our own: scripts and styles from this origin plus the page's own
 * inline blocks (by hash, so nothing injected runs), the API and socket on this origin, images and video from
 * anywhere (avatars, image and video messages, link previews are URLs users choose; uploads are served here),
 * and no framing, plugins or `<base>` tricks.
 * No inline style attributes either: the elements set styles through the CSSOM, which CSP allows.
 */
export function pagePolicy(html: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${inlineHashes(html, 'script').join(' ')}`.trim(),
    `style-src 'self' ${inlineHashes(html, 'style').join(' ')}`.trim(),
    'img-src * data: blob:',
    'media-src * blob:',
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Adds {@link COMMON_HEADERS}, and {@link API_POLICY} unless the reply has a policy of its own. */
export function secureReply(reply: FastifyReply): void {
  reply.headers(COMMON_HEADERS);
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', API_POLICY);
}

/**
 * Secures every reply: routes, problems, 404s and 304s (replies to URLs the router cannot even parse skip
 * the hooks; `sendProblem` secures those).
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    secureReply(reply);
    return payload;
  });
}
