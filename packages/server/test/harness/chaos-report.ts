import type { ChaosReport } from './chaos-run.js';

const seconds = (ms: number | undefined) => (ms === undefined ? 'did not converge' : `${(ms / 1000).toFixed(1)} s`);

const byCode = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([code, n]) => `${code}: ${n}`)
    .join(', ') || 'none';

/** A run's figures as a markdown table, followed by its problems (none in a good run). */
export function reportTable(report: ChaosReport): string {
  const { sends, faults, restarts } = report;
  const rows: Array<[string, string | number]> = [
    ['seed', report.seed],
    ['bots × channels', `${report.bots} × ${report.channels}`],
    ['chaos', seconds(report.chaosMs)],
    ['messages sent', sends.sent],
    ['acknowledged', sends.acknowledged],
    ['refused by the client', sends.refused],
    ['never answered', sends.unsettled],
    ['connections dropped', faults.drop],
    ['connections stalled', faults.stall],
    ['connections reset (RST)', faults.reset],
    ['send frames written (with retransmissions)', report.wire.sendFrames],
    ['resyncs (missed more than the replay window)', report.wire.resyncs],
    ['error frames, by code', byCode(report.wire.errors)],
    ['socket closes, by close code', byCode(report.wire.closes)],
    ['server restarts, SIGTERM', restarts.SIGTERM],
    ['server restarts, SIGKILL', restarts.SIGKILL],
    ['lost', sends.lost],
    ['doubled', sends.doubled],
    ['copies equal to the database', `${report.copies.equal} / ${report.copies.compared}`],
    ['… of them the newest part only (after a resync)', report.copies.partial],
    ['converged after the last fault', seconds(report.convergedMs)],
  ];
  const table = ['| figure | value |', '| --- | ---: |', ...rows.map(([name, value]) => `| ${name} | ${value} |`)];
  const problems = report.problems.length
    ? ['', `Problems (${report.problems.length}):`, ...report.problems.slice(0, 50).map((p) => `- ${p}`)]
    : [];
  return [...table, ...problems].join('\n');
}
