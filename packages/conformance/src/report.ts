import type { CheckResult, Report, Tally } from './runner.js';
import type { Exchange } from './transcript.js';

/** How to render a report. */
export interface FormatOptions {
  /** ANSI colours (for a terminal). */
  color?: boolean;
}

type Paint = (code: number, text: string) => string;
const painter =
  (color: boolean): Paint =>
  (code, text) =>
    color ? `\u001b[${code}m${text}\u001b[0m` : text;

const MARK = { pass: '✔', fail: '✘', skip: '–' } as const;

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}

/** One exchange as a line or two: what was sent, what came back. */
export function formatExchange(exchange: Exchange): string {
  switch (exchange.kind) {
    case 'http': {
      const sent = `→ ${exchange.method} ${exchange.path}${exchange.request ? ` ${exchange.request}` : ''}`;
      const type = exchange.contentType?.split(';')[0] ?? '';
      const got = `← ${exchange.status}${type ? ` ${type}` : ''}${exchange.reply ? ` ${exchange.reply}` : ''}`;
      return `${sent}\n${got}`;
    }
    case 'frame':
      return `${exchange.direction === 'sent' ? '⇢' : '⇠'} socket ${exchange.socket} ${exchange.text}`;
    case 'socket':
      return `• socket ${exchange.socket} ${exchange.event}`;
  }
}

/** One check's lines: a headline, and for a failure its contract section, error and last exchanges. */
export function formatResult(result: CheckResult, options: FormatOptions = {}): string {
  const paint = painter(options.color ?? false);
  const mark = paint(result.status === 'pass' ? 32 : result.status === 'fail' ? 31 : 90, MARK[result.status]);
  const kind = result.required ? 'required' : 'optional';
  const head = `${mark} ${result.area} › ${result.title}  ${paint(90, `(${kind}, ${result.durationMs} ms) ${result.id}`)}`;
  if (result.status === 'pass') return head;
  if (result.status === 'skip') return `${head}\n    ${paint(90, `skipped: ${result.error ?? ''}`)}`;
  const lines = [head, `    contract: ${result.contract}`, `    failure:  ${paint(31, result.error ?? '')}`];
  if (result.exchanges.length) {
    lines.push('    last exchanges:');
    for (const exchange of result.exchanges) lines.push(indentLines(formatExchange(exchange), '      '));
  }
  return lines.join('\n');
}

const tallyText = (name: string, t: Tally): string =>
  `${name}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`;

/** The closing lines: counts, and the verdict. */
export function formatSummary(report: Report, options: FormatOptions = {}): string {
  const paint = painter(options.color ?? false);
  const failedRequired = report.results.filter((r) => r.required && r.status === 'fail').map((r) => r.id);
  const failedOptional = report.results.filter((r) => !r.required && r.status === 'fail').map((r) => r.id);
  const lines = [
    '',
    `${tallyText('required', report.required)}; ${tallyText('optional', report.optional)} (${(report.durationMs / 1000).toFixed(1)} s)`,
  ];
  if (failedOptional.length) lines.push(`optional features that do not work: ${failedOptional.join(', ')}`);
  lines.push(
    report.ok
      ? paint(32, `PASS: ${report.baseUrl} speaks the Confab contract (every required check passed)`)
      : paint(31, `FAIL: ${failedRequired.length} required check(s) failed: ${failedRequired.join(', ')}`),
  );
  return lines.join('\n');
}

/** The header line of a run. */
export function formatHeader(baseUrl: string): string {
  return `Confab conformance: ${baseUrl}\n`;
}

/** The whole report as readable text, one check per line and the failures in detail. */
export function formatReport(report: Report, options: FormatOptions = {}): string {
  return [
    formatHeader(report.baseUrl),
    ...report.results.map((r) => formatResult(r, options)),
    formatSummary(report, options),
  ].join('\n');
}
