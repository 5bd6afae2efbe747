import type { LinkPreview } from '@confab/protocol';
import { Parser } from 'htmlparser2';

/** The contract's limits on a preview's fields (LinkPreview in confab.yaml), in characters. */
const LIMITS = { title: 300, description: 1000, siteName: 100, url: 2048 } as const;

/** Collapses whitespace, trims, and cuts to `max` characters (code points, as JSON Schema counts them). */
function clean(value: string | undefined, max: number): string {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join('').trimEnd() : text;
}

/** An absolute http(s) URL for `value` resolved against `base`, within the contract's length; else null. */
function httpUrl(value: string | undefined, base: string): string | null {
  if (!value?.trim() || !URL.canParse(value.trim(), base)) return null;
  const url = new URL(value.trim(), base);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.length <= LIMITS.url ? url.href : null;
}

/** The `<meta>` values and the `<title>` text of a page. */
function readHead(html: string): { meta: Map<string, string>; title: string } {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  let titleDone = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title' && !titleDone) inTitle = true;
        if (name !== 'meta') return;
        const key = (attributes.property ?? attributes.name ?? '').trim().toLowerCase();
        if (key && attributes.content !== undefined && !meta.has(key)) meta.set(key, attributes.content);
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          titleDone = true;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { meta, title };
}

/**
 * The preview of the page `html` fetched for `link` (which ended up at `finalUrl`): Open Graph title,
 * description, image and site name, falling back to `<title>`, the meta description and the host name.
 * The image is resolved against `finalUrl` and kept only when it is an http(s) URL. Undefined when the page
 * has neither a title nor a description.
 */
export function previewFromHtml(html: string, link: string, finalUrl: string): LinkPreview | undefined {
  const { meta, title } = readHead(html);
  const preview: LinkPreview = {
    url: link,
    title: clean(meta.get('og:title') ?? meta.get('twitter:title') ?? title, LIMITS.title),
    description: clean(
      meta.get('og:description') ?? meta.get('twitter:description') ?? meta.get('description'),
      LIMITS.description,
    ),
    imageUrl: httpUrl(meta.get('og:image') ?? meta.get('og:image:url') ?? meta.get('twitter:image'), finalUrl),
    siteName: clean(meta.get('og:site_name') ?? new URL(finalUrl).hostname, LIMITS.siteName),
  };
  return preview.title || preview.description ? preview : undefined;
}
