// Markdown tables and charts for each area's results.
import { barChart, lineChart } from './svg.mjs';

const ms = (v) => (Number.isFinite(v) && v >= 0 ? `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms` : '—');
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

const stepAt = (run, rate) => run.steps.find((s) => s.rate === rate);
const sustained = (run) => run.steps.filter((s) => s.complete && s.p99 <= 100).at(-1)?.rate;
const rateLabel = (rate) => `${rate / 1000}k/s`;

/** p99 (or "saturated") of `run` at `rate`. */
function p99At(run, rate) {
  const step = stepAt(run, rate);
  if (!step) return run.steps.some((s) => s.rate < rate) ? 'not reached (stopped earlier)' : '—';
  const text = ms(step.p99);
  return step.complete
    ? text
    : `**${text} (saturated: ${((100 * step.delivered) / step.expected).toFixed(0)} % delivered in time)**`;
}

function cpuAt(run, rate, reference) {
  const step = stepAt(run, rate);
  if (!step || !Number.isFinite(step.cpuMicrosPerDelivery)) return '—';
  const ratio = reference && run !== reference ? stepAt(reference, rate)?.cpuMicrosPerDelivery : undefined;
  return `${step.cpuMicrosPerDelivery.toFixed(1)} µs${ratio ? ` (${(step.cpuMicrosPerDelivery / ratio).toFixed(2)}× \`ws\`)` : ''}`;
}

/** The fan-out scenario's summary and sweep tables. */
export function fanoutTables(scenario) {
  const [low, mid, high] =
    scenario.rates.length >= 4
      ? [scenario.rates[1], scenario.rates[2], scenario.rates[3]]
      : [scenario.rates[0], scenario.rates[0], scenario.rates.at(-1)];
  const reference = scenario.runs.find((r) => r.target === 'ws');
  const summary = table(
    [
      'server',
      `CPU per delivery at ${rateLabel(low)}`,
      `p99 at ${rateLabel(mid)}`,
      `p99 at ${rateLabel(high)}`,
      'highest rate with p99 < 100 ms',
      'sockets ready in',
    ],
    scenario.runs.map((run) => [
      run.name,
      cpuAt(run, low, reference),
      p99At(run, mid),
      p99At(run, high),
      sustained(run) ? rateLabel(sustained(run)) : 'none',
      `${run.subscribeSeconds.toFixed(1)} s`,
    ]),
  );
  const sweep = table(
    ['deliveries/s', ...scenario.runs.map((r) => `${r.target} p50 / p99`)],
    scenario.rates
      .filter((rate) => scenario.runs.some((run) => stepAt(run, rate)))
      .map((rate) => [
        rateLabel(rate),
        ...scenario.runs.map((run) => {
          const step = stepAt(run, rate);
          if (!step) return '—';
          return `${ms(step.p50)} / ${ms(step.p99)}${step.complete ? '' : ' (saturated)'}`;
        }),
      ]),
  );
  return `${summary}\n\nThe sweep (each step ${scenario.stepSeconds ?? '?'} s measured after a warm-up; it stops at the first step past 100 ms p99 from 100k/s on, or once deliveries fall behind):\n\n${sweep}`;
}

/** `Confab (SQLite, every message stored)` → `Confab (SQLite)`, `bare \`ws\` broadcast` → `bare ws`. */
const shortName = (name) =>
  name
    .replace(', every message stored', '')
    .replace(/ (broadcast|room)$/, '')
    .replaceAll('`', '');

/** p99 against delivery rate, one line per server. */
export function fanoutChart(scenario) {
  return lineChart({
    title: `p99 delivery latency vs delivery rate: ${scenario.title.replace(/ \(.*/, '')}`,
    xLabel: 'deliveries per second',
    yLabel: 'p99 latency (ms, clipped at 250)',
    yMax: 250,
    yLimit: 100,
    formatX: (x) => `${x / 1000}k`,
    series: scenario.runs.map((run) => ({ name: shortName(run.name), points: run.steps.map((s) => [s.rate, s.p99]) })),
  });
}

/** Area 7: uploads per kind of file. */
export function uploadsTable(rows) {
  return table(
    ['file (1 MB each)', 'uploads', 'at once', 'uploads / s', 'MB / s', 'p50', 'p99', 'server CPU per MB'],
    rows.map((row) => [
      row.name,
      row.count,
      row.concurrency,
      row.perSecond.toFixed(0),
      row.megabytesPerSecond.toFixed(0),
      ms(row.p50),
      ms(row.p99),
      `${row.cpuMsPerMegabyte.toFixed(1)} ms`,
    ]),
  );
}

/** Area 8: search latency per kind of query and database. */
export function searchTable(rows) {
  return table(
    ['server', 'messages', 'stored + indexed / s', 'query', 'queries', 'without hits', 'p50', 'p95', 'p99'],
    rows.map((row) => [
      row.name,
      row.messages.toLocaleString('en'),
      row.seedPerSecond.toFixed(0),
      row.kind === 'all queries' ? '**all queries**' : row.kind,
      row.queries,
      row.empty,
      ms(row.p50),
      ms(row.p95),
      ms(row.p99),
    ]),
  );
}

export function sendTable(rows) {
  return table(
    [
      'server',
      'senders (sockets, users)',
      'sends in flight each',
      'stored + acked / s',
      'ack p50',
      'ack p99',
      'server CPU per message',
      'stored / acked',
      'seq order',
    ],
    rows.map((row) => [
      row.name,
      row.senders,
      row.inFlight,
      row.perSecond.toFixed(0),
      ms(row.p50),
      ms(row.p99),
      `${row.cpuMicrosPerMessage.toFixed(0)} µs`,
      `${row.stored} / ${row.acked}`,
      row.ordered ? 'intact' : '**broken**',
    ]),
  );
}

export function memoryTable(rows) {
  const reference = (count) => rows.find((r) => r.target === 'ws' && r.sockets === count)?.perSocket;
  return table(
    [
      'server',
      'idle sockets',
      'RSS before',
      'RSS with sockets',
      'RSS per socket',
      '× bare `ws`',
      'JS heap + external per socket',
    ],
    rows.map((r) => [
      r.name,
      r.sockets.toLocaleString('en'),
      `${(r.rssBefore / 2 ** 20).toFixed(0)} MB`,
      `${(r.rss / 2 ** 20).toFixed(0)} MB`,
      kB(r.perSocket),
      reference(r.sockets) ? `${(r.perSocket / reference(r.sockets)).toFixed(2)}×` : '—',
      r.heapPerSocket === undefined ? '—' : kB(r.heapPerSocket),
    ]),
  );
}

export function bundleTable(rows) {
  return table(
    ['package', 'minified', 'min + gzip'],
    rows.map((r) => [
      r.ours ? `**${r.label}**` : r.label,
      r.error ? `failed: ${r.error}` : kB(r.minified),
      r.error ? '—' : kB(r.gzipped),
    ]),
  );
}

export function bundleChart(rows) {
  return barChart({
    title: 'Bundle size, min + gzip (kB)',
    bars: rows
      .filter((r) => !r.error)
      .map((r) => ({ label: r.label.replace(/ \(.*\)/, ''), value: r.gzipped / 1024, highlight: r.ours })),
    format: (v) => `${v.toFixed(1)} kB`,
  });
}

export function recoveryTable(row) {
  return table(
    ['scenario', 'missed', 'outage', 'converged after reconnect', 'lost', 'doubled', 'exact copy'],
    [[row.scenario, row.missed, row.outage, row.converged, row.lost, row.doubled, row.exact]],
  );
}

export function renderTable(r) {
  return `${table(
    [`${r.count.toLocaleString('en')} messages`, '`<chat-window>`', 'plain `innerHTML` list'],
    [
      ['time to first frame', ms(r.firstFrameMs), ms(r.plainFirstFrameMs)],
      ['DOM rows', r.rows, r.plainRows.toLocaleString('en')],
      ['append one message → next frame showing it', ms(r.appendMs), ms(r.plainAppendMs)],
    ],
  )}\n\nFilling the fixture client with ${r.count.toLocaleString('en')} messages (through the client's own frame handling) took ${ms(r.fillMs)}, before the clock starts. Chromium ${r.browser}, headless.`;
}

export function coldStartTable(r) {
  const starts = table(
    ['command (fresh data directory)', 'first `/healthz` 200 (median)', 'fastest', 'runs'],
    r.starts.map((s) => [s.label, ms(s.medianMs), ms(s.minMs), s.runs]),
  );
  const demo = table(
    ['demo page served by `confab-server`', 'time'],
    [
      ['page load → sign-in form shown', ms(r.demo.formMs)],
      ['"Sign in" → channel shown', ms(r.demo.channelMs)],
      ['Enter → message shown', ms(r.demo.messageMs)],
    ],
  );
  return `${starts}\n\n${demo}`;
}
