import { html, type TemplateResult } from 'lit';

type Piece = TemplateResult | string;

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** CommonMark's punctuation (Unicode punctuation and symbols), for use inside a character class. */
const PUNCT = String.raw`\p{P}\p{S}`;
/** A whole `*` run (no `*` either side) that may open emphasis: left-flanking. */
const starOpen = (run: string) => String.raw`(?<!\*)(?:(?<=^|[\s${PUNCT}])${run}(?=\S)|${run}(?=[^\s${PUNCT}]))(?!\*)`;
/** A whole `*` run that may close emphasis: right-flanking. */
const starClose = (run: string) => String.raw`(?:(?<=[^\s${PUNCT}])${run}|(?<=\S)${run}(?=$|[\s${PUNCT}]))(?!\*)`;
/** A `_` run that may open emphasis: left-flanking and not inside a word. */
const underOpen = (run: string) => String.raw`(?<=^|[\s${PUNCT}])(?<!_)${run}(?![_\s])`;
/** A `_` run that may close emphasis: right-flanking and not inside a word. */
const underClose = (run: string) => String.raw`(?<=[^\s_])${run}(?!_)(?=$|[\s${PUNCT}])`;

/**
 * The inline constructs, in order of precedence at one position: code, bold (`**` or `__`), italic (`*` or
 * `_`), link, bare URL, mention. Emphasis follows CommonMark's flanking rules: `*` runs open when
 * left-flanking (not followed by whitespace, and not followed by punctuation unless preceded by whitespace,
 * punctuation or the start) and close when right-flanking, so `foo*bar*baz` is emphasis and `a * b *` is
 * not; `_` runs must also not touch a letter or digit on their outer side, so `snake_case_name` stays
 * literal. The property tests compare this with markdown-it.
 */
const INLINE = new RegExp(
  [
    '(`[^`\\n]+`)',
    String.raw`(${starOpen(String.raw`\*\*`)}[^*\n]+?${starClose(String.raw`\*\*`)}|${underOpen('__')}[^\n]+?${underClose('__')})`,
    String.raw`(${starOpen(String.raw`\*`)}[^*\n]+?${starClose(String.raw`\*`)}|${underOpen('_')}[^\n]+?${underClose('_')})`,
    String.raw`(\[[^\]\n]+\]\([^\s)]+\))`,
    String.raw`(https?:\/\/[^\s<]*[^\s<.,:;"')\]!?])`,
    String.raw`(^|[^\w@])(@[A-Za-z0-9_.-]*[A-Za-z0-9_])`,
  ].join('|'),
  'gu',
);

/** A URL we are willing to link to, or undefined (`javascript:`, `data:` and relative URLs are not). */
export function safeUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const link = (href: string, label: Piece[] | string) =>
  html`<a part="link" href=${href} target="_blank" rel="noopener noreferrer nofollow">${label}</a>`;

function inline(text: string, me: string | undefined): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, code, bold, italic, mdLink, bare, lead, mention] = match;
    const start = match.index + (lead?.length ?? 0);
    if (start > at) out.push(text.slice(at, start));
    at = match.index + whole.length;
    if (code) out.push(html`<code part="code">${code.slice(1, -1)}</code>`);
    else if (bold) out.push(html`<strong>${inline(bold.slice(2, -2), me)}</strong>`);
    else if (italic) out.push(html`<em>${inline(italic.slice(1, -1), me)}</em>`);
    else if (mdLink) {
      const split = mdLink.indexOf('](');
      const href = safeUrl(mdLink.slice(split + 2, -1));
      const label = inline(mdLink.slice(1, split), me);
      out.push(...(href ? [link(href, label)] : [`[`, ...label, `](${mdLink.slice(split + 2, -1)})`]));
    } else if (bare) {
      const href = safeUrl(bare);
      out.push(href ? link(href, bare) : bare);
    } else if (mention) {
      const mine = mention.slice(1).toLowerCase() === me?.toLowerCase();
      out.push(html`<span part=${mine ? 'mention mention-me' : 'mention'} class="mention">${mention}</span>`);
    }
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/**
 * Renders the safe markdown subset (bold, italic, inline code, code blocks, links, @mentions) as DOM
 * through Lit templates: user text only ever becomes text nodes or attribute values, never HTML. A mention
 * of `me` (a username) is marked `part="mention mention-me"`.
 */
export function renderMarkdown(text: string, me?: string): Piece[] {
  const out: Piece[] = [];
  const blocks = text.split(/```(?:[a-z0-9+-]*\n)?/i);
  blocks.forEach((block, i) => {
    const isCode = i % 2 === 1 && i < blocks.length - 1;
    if (isCode) out.push(html`<pre part="code-block"><code>${block.replace(/\n$/, '')}</code></pre>`);
    else out.push(...inline(i % 2 === 1 ? `\`\`\`${block}` : block, me));
  });
  return out;
}
