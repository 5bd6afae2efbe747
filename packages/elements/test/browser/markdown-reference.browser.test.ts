// The markdown subset against a reference CommonMark implementation (markdown-it): for text built from
// the constructs the subset supports (bold, italic with * and _, inline code, code blocks, links), the DOM
// the subset renders, normalised, equals the DOM markdown-it's HTML makes. Bare URLs and @mentions are
// the subset's own additions (markdown-it leaves them as text), so the generated text has neither.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { render } from 'lit';
import MarkdownIt from 'markdown-it';
import { renderMarkdown } from '../../src/shared/markdown.js';
import { describe, it } from './support/mocha.js';

const reference = new MarkdownIt();

/** An element or text as a string that ignores what does not change what a reader sees. */
function inline(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return ''; // Lit's comment markers
  const children = [...node.childNodes].map(inline).join('');
  const tag = node.localName;
  if (tag === 'span' && node.classList.contains('mention')) return children;
  if (tag === 'a') return `<a href="${new URL(node.getAttribute('href') ?? '').href}">${children}</a>`;
  return `<${tag}>${children}</${tag}>`;
}

/** Top-level nodes as blocks: a code block's text, or a paragraph of inline content. */
function blocks(nodes: Iterable<Node>): string[] {
  const out: string[] = [];
  let paragraph = '';
  const flush = () => {
    if (paragraph.trim()) out.push(`p: ${paragraph.trim()}`);
    paragraph = '';
  };
  for (const node of nodes) {
    if (node instanceof Element && node.localName === 'pre') {
      flush();
      out.push(`pre: ${(node.textContent ?? '').replace(/\n$/, '')}`);
    } else if (node instanceof Element && node.localName === 'p') {
      flush();
      paragraph = [...node.childNodes].map(inline).join('');
      flush();
    } else if (node.nodeType === Node.TEXT_NODE) {
      // The subset keeps line breaks (shown with `white-space: pre-wrap`): a blank line ends a paragraph.
      const [first = '', ...rest] = (node.textContent ?? '').split(/\n[ \t]*\n/);
      paragraph += first;
      for (const next of rest) {
        flush();
        paragraph = next;
      }
    } else paragraph += inline(node);
  }
  flush();
  return out;
}

/** What the subset renders for `text`, as blocks. */
function subset(text: string): string[] {
  const host = document.createElement('div');
  render(renderMarkdown(text), host);
  return blocks(host.childNodes);
}

/** What markdown-it renders for `text`, as blocks. */
function commonMark(text: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = reference.render(text);
  return blocks(template.content.childNodes);
}

// ---- text made of the supported constructs ----

const word = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9]{1,7}$/) },
  { weight: 1, arbitrary: fc.constantFrom('café', 'naïve', 'Ünïcode', '日本語', 'x2') },
);
/** `snake_case_name`, `a_b`: underscores inside a word. */
const identifier = fc.array(word, { minLength: 2, maxLength: 4 }).map((parts) => parts.join('_'));
const wordish = fc.oneof({ weight: 3, arbitrary: word }, { weight: 2, arbitrary: identifier });
/** Words (and identifiers) separated by single spaces: what emphasis may wrap. */
const phrase = fc.array(wordish, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const punct = fc.constantFrom('.', ',', '!', '?', ':', ';', '(', ')');
const code = fc
  .array(fc.oneof(wordish, fc.constantFrom('*', '_', '**', '<b>', ' ')), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join('').trim())
  .filter((content) => content.length > 0)
  .map((content) => `\`${content}\``);
const url = fc.array(identifier, { minLength: 0, maxLength: 2 }).map((path) => `https://example.com/${path.join('/')}`);
const link = fc.tuple(phrase, url).map(([label, href]) => `[${label}](${href})`);
const italic = fc.tuple(fc.constantFrom('*', '_'), phrase).map(([d, inner]) => `${d}${inner}${d}`);
/** Bold may hold italic of the other kind of delimiter, and code. */
const boldInner = fc
  .array(
    fc.oneof(
      phrase,
      code,
      fc.tuple(fc.constantFrom('_', '*'), phrase).map(([d, p]) => `${d}${p}${d}`),
    ),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((parts) => parts.join(' '));
const bold = fc
  .tuple(fc.constantFrom('**', '__'), boldInner)
  .filter(([d, inner]) => !inner.includes(d[0]!))
  .map(([d, inner]) => `${d}${inner}${d}`);

type Segment = { kind: 'word' | 'mark' | 'punct'; text: string };
const segment: fc.Arbitrary<Segment> = fc.oneof(
  { weight: 4, arbitrary: wordish.map((text) => ({ kind: 'word' as const, text })) },
  { weight: 1, arbitrary: punct.map((text) => ({ kind: 'punct' as const, text })) },
  { weight: 3, arbitrary: fc.oneof(italic, bold, code, link).map((text) => ({ kind: 'mark' as const, text })) },
);

/**
 * One line: segments joined by a space, or by nothing where that makes an interesting neighbour (a word
 * against emphasis, `snake_` + `_case_`), never two delimited segments glued together (a `***` run is
 * beyond the subset). It starts with a letter so that it is never a heading, list or quote.
 */
const line = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/), fc.array(fc.tuple(fc.boolean(), segment), { maxLength: 8 }))
  .map(([first, rest]) => {
    let text = first;
    let previous: Segment['kind'] = 'word';
    for (const [glue, next] of rest) {
      const bothMarks = previous === 'mark' && next.kind === 'mark';
      const image = text.endsWith('!') && next.text.startsWith('['); // `![…](…)` is an image, not in the subset
      // A `__` run inside a word could close part of an earlier `_` run; a closing run before a letter
      // after punctuation, or a closing `_` before a letter, closes nothing and leaves its opener to pair
      // with a later run: splitting runs, and pairing them across other emphasis by a stack, are beyond
      // the subset (the explicit cases below check that such text stays literal).
      const splitRun = next.text.startsWith('__') || text.endsWith('__');
      const strandedCloser = /[^\p{L}\p{N}][*_]+$|_$/u.test(text);
      text += glue && !bothMarks && !image && !splitRun && !strandedCloser ? next.text : ` ${next.text}`;
      previous = next.kind;
    }
    return text;
  });

const codeBlock = fc
  .tuple(fc.constantFrom('', 'js', 'ts'), fc.array(fc.oneof(phrase, line), { minLength: 1, maxLength: 3 }))
  .map(([lang, lines]) => `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``);

/** A message: lines of text, and code blocks on lines of their own, separated by blank lines. */
const message = fc
  .array(fc.oneof({ weight: 4, arbitrary: line }, { weight: 1, arbitrary: codeBlock }), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('\n\n'));

describe('the markdown subset against markdown-it', () => {
  it('renders what CommonMark renders for the constructs it supports', async () => {
    fc.assert(
      fc.property(message, (text) => {
        expect(subset(text), JSON.stringify(text)).to.deep.equal(commonMark(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps underscores inside words literal (snake_case_name)', async () => {
    for (const text of ['snake_case_name', 'call my_func_name now', 'café_au_lait', 'a_b_c_d']) {
      expect(subset(text), text).to.deep.equal([`p: ${text}`]);
      expect(subset(text)).to.deep.equal(commonMark(text));
    }
    expect(subset('_snake_case_')).to.deep.equal(['p: <em>snake_case</em>']);
    for (const text of ['_snake_case_ and __init__', '_not_closed here', 'x_y_ and _a_b', 'foo*bar*baz', 'x * a * y']) {
      expect(subset(text), text).to.deep.equal(commonMark(text));
    }
  });
});
