import type { Message, SearchHit } from '@confab/core';
import { html, type TemplateResult } from 'lit';

/**
 * A hit's snippet as text with its matches in `<mark>`: every piece is a text node (Lit interpolation), so
 * nothing in the snippet can become markup. Ranges out of bounds, overlapping or out of order are skipped.
 */
export function markedSnippet(hit: Pick<SearchHit, 'snippet' | 'highlights'>): Array<string | TemplateResult> {
  const { snippet } = hit;
  const parts: Array<string | TemplateResult> = [];
  let at = 0;
  for (const { start, end } of hit.highlights) {
    if (start < at || end <= start || end > snippet.length) continue;
    if (start > at) parts.push(snippet.slice(at, start));
    parts.push(html`<mark part="mark">${snippet.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < snippet.length) parts.push(snippet.slice(at));
  return parts;
}

/** A message in a line of plain text: its text cut to `max` characters, or what it carries. */
export function plainText(message: Message, max = 140): string {
  const body = message.body;
  if (!body) return '';
  const text =
    body.type === 'text'
      ? body.text
      : body.type === 'file'
        ? `📎 ${body.name ?? ''}`
        : body.type === 'image'
          ? `🖼 ${body.alt ?? ''}`
          : `🎞 ${body.name ?? ''}`;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
