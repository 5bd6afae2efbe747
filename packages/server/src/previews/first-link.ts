import type { MessageBody } from '@confab/protocol';

const LINK = /\bhttps?:\/\/[^\s<>"'`]+/i;
/** Punctuation that ends a sentence rather than the link. */
const TRAILING = /[.,;:!?'"*_~]+$/;
/** The longest link a preview keeps (the contract's HttpUrl). */
const MAX_LENGTH = 2048;

/** Drops a closing bracket the link does not open, as in `(see https://example.com)`. */
function balance(link: string): string {
  let out = link;
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    while (out.endsWith(close) && out.split(open).length < out.split(close).length) out = out.slice(0, -1);
  }
  return out;
}

/** The first http(s) link of a text body, as a normalized absolute URL; undefined when there is none. */
export function firstLink(body: MessageBody | null): string | undefined {
  if (body?.type !== 'text') return undefined;
  const match = LINK.exec(body.text);
  if (!match) return undefined;
  let link = match[0];
  for (let before = ''; before !== link; ) {
    before = link;
    link = balance(link.replace(TRAILING, ''));
  }
  if (!URL.canParse(link)) return undefined;
  const { href } = new URL(link);
  return href.length <= MAX_LENGTH ? href : undefined;
}
