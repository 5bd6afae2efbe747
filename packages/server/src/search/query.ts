import { ChatError } from '../errors.js';
import { wordsOf } from './words.js';

/**
 * One thing every hit must contain: a single word, or words next to each other in order (a phrase). When
 * `prefix` is set, the last word matches any word that starts with it.
 */
export interface Term {
  words: string[];
  prefix: boolean;
}

/** A parsed search: every term must match. */
export interface SearchQuery {
  terms: Term[];
}

/** More terms than this are dropped (a 200-character query rarely has them). */
const MAX_TERMS = 32;
/**
 * A prefix expands to every indexed word it starts: one letter can be a good part of the vocabulary, and a
 * query of many such terms cost half a second on 100,000 messages. So a prefix needs this many characters,
 * and only the first few prefixes of a query are prefixes; past that, `x*` is the word `x`.
 */
const MIN_PREFIX = 2;
const MAX_PREFIXES = 4;

/**
 * Parses the query language: plain words (all must match), `"quoted phrases"`, and `word*` for words that
 * start with `word` (see {@link MIN_PREFIX}). Anything else — operators of either database, punctuation, an unclosed quote — is
 * read as plain words, so no query is ever a syntax error. A chunk that normalises to several words
 * (`e-mail`, `don't`) is a phrase. Throws `invalid_request` when the query holds no word at all.
 */
export function parseQuery(q: string): SearchQuery {
  const terms: Term[] = [];
  let prefixes = 0;
  const add = (chunk: string, starred: boolean) => {
    const words = wordsOf(chunk);
    if (words.length === 0) return;
    const prefix = starred && (words.at(-1)?.length ?? 0) >= MIN_PREFIX && prefixes < MAX_PREFIXES;
    if (prefix) prefixes++;
    terms.push({ words, prefix });
  };
  const quoted = /"([^"]*)"/g;
  let at = 0;
  const loose = (part: string) => {
    for (const chunk of part.split(/\s+/)) add(chunk, /[\p{L}\p{N}\p{M}]\*+$/u.test(chunk));
  };
  for (const match of q.matchAll(quoted)) {
    loose(q.slice(at, match.index));
    add(match[1] ?? '', false);
    at = match.index + match[0].length;
  }
  loose(q.slice(at).replaceAll('"', ' '));
  const unique = new Map(terms.map((t) => [`${t.prefix ? '*' : ''}${t.words.join(' ')}`, t]));
  if (unique.size === 0) throw new ChatError('invalid_request', 'The query has no words to search for.');
  return { terms: [...unique.values()].slice(0, MAX_TERMS) };
}

/** The query as an FTS5 MATCH expression: every term a quoted string (words are letters and digits only). */
export function toFts5(query: SearchQuery): string {
  return query.terms.map((t) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`).join(' AND ');
}

/** The query as PostgreSQL `tsquery` text, read with `::tsquery` (no further parsing of the words). */
export function toTsquery(query: SearchQuery): string {
  const lexeme = (word: string, prefix: boolean) => `'${word}'${prefix ? ':*' : ''}`;
  return query.terms
    .map((t) => {
      const parts = t.words.map((w, i) => lexeme(w, t.prefix && i === t.words.length - 1));
      return parts.length === 1 ? parts[0] : `(${parts.join(' <-> ')})`;
    })
    .join(' & ');
}
