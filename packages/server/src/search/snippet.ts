import type { SearchHit } from '@confab/protocol';
import type { SearchQuery } from './query.js';
import { type Run, runsOf } from './words.js';

/** About how long a snippet is, in UTF-16 code units. */
const SNIPPET_LENGTH = 200;
/** How much text the snippet keeps before the first match, when it has to cut. */
const LEAD = 60;
const ELLIPSIS = '…';

type Range = SearchHit['highlights'][number];

/** Whether `word` matches a word of a term (`prefix`: it starts with it). */
const matches = (word: string, wanted: string, prefix: boolean) => (prefix ? word.startsWith(wanted) : word === wanted);

/**
 * The runs of the text a query matched: every word of a term, and for a phrase only where its words come
 * in order. Computed from the words (not from either database), so both give the same highlights.
 */
export function matchedRuns(runs: Run[], query: SearchQuery): Run[] {
  const flat = runs.flatMap((run) => run.words.map((word) => ({ word, run })));
  const hit = new Set<Run>();
  for (const term of query.terms) {
    const n = term.words.length;
    for (let i = 0; i + n <= flat.length; i++) {
      const ok = term.words.every((w, k) => matches(flat[i + k]!.word, w, term.prefix && k === n - 1));
      if (ok) for (let k = 0; k < n; k++) hit.add(flat[i + k]!.run);
    }
  }
  return runs.filter((run) => hit.has(run));
}

/** Moves a cut so it does not split a surrogate pair. */
const safe = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
};

/**
 * Plain text around the first match (about {@link SNIPPET_LENGTH} code units, `…` where it was cut, white
 * space runs collapsed to one space) and the matched words in it as `[start, end)` UTF-16 offsets.
 */
export function snippetOf(text: string, query: SearchQuery): { snippet: string; highlights: Range[] } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const runs = runsOf(flat);
  const hits = matchedRuns(runs, query);
  const first = hits[0];
  let from = 0;
  let to = flat.length;
  if (flat.length > SNIPPET_LENGTH) {
    from = first ? Math.max(0, first.start - LEAD) : 0;
    to = Math.min(flat.length, from + SNIPPET_LENGTH);
    from = Math.max(0, Math.min(from, to - SNIPPET_LENGTH));
    // Cut at a word boundary where one is near, and never inside a matched word.
    const before = flat.lastIndexOf(' ', from);
    if (from > 0 && before >= 0 && from - before < 20) from = before + 1;
    const after = flat.indexOf(' ', to);
    if (to < flat.length && after >= 0 && after - to < 20) to = after;
    for (const run of hits) {
      if (run.start < to && run.end > to) to = run.end;
    }
    from = safe(flat, from);
    to = safe(flat, to);
  }
  const lead = from > 0 ? ELLIPSIS : '';
  const snippet = `${lead}${flat.slice(from, to)}${to < flat.length ? ELLIPSIS : ''}`;
  const shift = lead.length - from;
  const highlights = hits
    .filter((run) => run.start >= from && run.end <= to)
    .map((run) => ({ start: run.start + shift, end: run.end + shift }));
  return { snippet, highlights };
}
