import type { MessageBody } from '@confab/protocol';

/**
 * Words as search sees them, computed here rather than by either database so that SQLite and PostgreSQL
 * index and match exactly the same words: a word is a run of letters and digits, compared after Unicode
 * compatibility decomposition, with combining marks removed, in lower case, with the Latin letters that do
 * not decompose folded by hand (ø → o, ß → ss, …). The index holds these words separated by single
 * spaces, so neither FTS5's tokenizer nor PostgreSQL's parser has anything left to decide.
 */

/** A run of text that may hold words: letters, digits and the marks that combine with them. */
const RUN = /[\p{L}\p{N}\p{M}]+/gu;
/** What splits a run once normalised (e.g. the fraction slash of `½`, or a mark left alone). */
const SPLIT = /[^\p{L}\p{N}]+/u;
const MARKS = /\p{M}/gu;
/** Longer words are not indexed (PostgreSQL would drop them anyway, past 2047 bytes). */
export const MAX_WORD_LENGTH = 100;

const FOLDS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ĸ: 'k',
  ŋ: 'n',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu');

/** The words of a run of text (usually one; a run like `½` gives two). */
export function wordsOfRun(run: string): string[] {
  const folded = run
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(FOLDABLE, (c) => FOLDS[c] ?? c);
  return folded.split(SPLIT).filter((w) => w.length > 0 && w.length <= MAX_WORD_LENGTH);
}

/** One run of the original text with its UTF-16 offsets and its words. */
export interface Run {
  start: number;
  end: number;
  words: string[];
}

/** The runs of a text, in order, each with the words it holds. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const match of text.matchAll(RUN)) {
    const words = wordsOfRun(match[0]);
    if (words.length > 0) runs.push({ start: match.index, end: match.index + match[0].length, words });
  }
  return runs;
}

/** The words of a text, in order. */
export function wordsOf(text: string): string[] {
  return runsOf(text).flatMap((run) => run.words);
}

/** The text of a message that search reads: a text's text, an image's alt text and name, a file's name. */
export function searchableText(body: MessageBody | null | undefined): string {
  if (!body) return '';
  switch (body.type) {
    case 'text':
      return body.text;
    case 'image':
      return [body.alt, body.name].filter(Boolean).join('\n');
    case 'video':
    case 'file':
      return body.name ?? '';
    default:
      return '';
  }
}

/** What the index stores for a message: its words separated by single spaces ('' when it has none). */
export function indexText(body: MessageBody | null | undefined): string {
  return wordsOf(searchableText(body)).join(' ');
}
