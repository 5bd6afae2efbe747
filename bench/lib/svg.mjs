// Two small chart kinds drawn as SVG text: lines (x/y series) and horizontal bars. No dependencies.
const COLORS = ['#2563eb', '#d97706', '#059669', '#9333ea', '#dc2626', '#0891b2', '#4b5563'];
const FONT = 'font-family="system-ui, sans-serif" font-size="12"';

const escapeXml = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const round = (n) => Math.round(n * 10) / 10;

/** Tick values for 0..max: 4-6 round steps. */
function ticks(max) {
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) out.push(v);
  return out;
}

/**
 * A line chart. `series`: [{ name, points: [[x, y], …] }]; `yLimit` draws a dashed line (e.g. 100 ms);
 * y is clipped at `yMax` so one saturated point does not flatten the rest.
 */
export function lineChart({ title, xLabel, yLabel, series, yLimit, yMax, formatX = String }) {
  const width = 640;
  const height = 360;
  const pad = { left: 60, right: 20, top: 40, bottom: 70 };
  const xs = series.flatMap((s) => s.points.map(([x]) => x));
  const xMax = Math.max(...xs, 1);
  const top = yMax ?? Math.max(...series.flatMap((s) => s.points.map(([, y]) => y)), yLimit ?? 1);
  const X = (x) => pad.left + (x / xMax) * (width - pad.left - pad.right);
  const Y = (y) => pad.top + (1 - Math.min(y, top) / top) * (height - pad.top - pad.bottom);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="14" font-weight="600">${escapeXml(title)}</text>`,
  ];
  for (const t of ticks(top)) {
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${round(Y(t))}" y2="${round(Y(t))}" stroke="#e5e7eb"/>`,
      `<text x="${pad.left - 6}" y="${round(Y(t)) + 4}" text-anchor="end">${round(t)}</text>`,
    );
  }
  for (const t of ticks(xMax))
    parts.push(
      `<text x="${round(X(t))}" y="${height - pad.bottom + 16}" text-anchor="middle">${escapeXml(formatX(t))}</text>`,
    );
  parts.push(
    `<text x="${width / 2}" y="${height - pad.bottom + 34}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(16 ${height / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
    `<line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${height - pad.bottom}" stroke="#9ca3af"/>`,
    `<line x1="${pad.left}" x2="${width - pad.right}" y1="${height - pad.bottom}" y2="${height - pad.bottom}" stroke="#9ca3af"/>`,
  );
  if (yLimit !== undefined)
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${round(Y(yLimit))}" y2="${round(Y(yLimit))}" stroke="#dc2626" stroke-dasharray="4 4"/>`,
    );
  let legendX = pad.left;
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const path = s.points.map(([x, y]) => `${round(X(x))},${round(Y(y))}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"/>`);
    for (const [x, y] of s.points)
      parts.push(`<circle cx="${round(X(x))}" cy="${round(Y(y))}" r="3" fill="${color}"/>`);
    parts.push(
      `<rect x="${round(legendX)}" y="${height - 22}" width="10" height="10" fill="${color}"/>`,
      `<text x="${round(legendX) + 14}" y="${height - 13}">${escapeXml(s.name)}</text>`,
    );
    legendX += 30 + s.name.length * 6.5;
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** A horizontal bar chart: `bars`: [{ label, value, highlight? }], values formatted with `format`. */
export function barChart({ title, bars, format = String }) {
  const width = 640;
  const row = 26;
  const pad = { left: 230, right: 80, top: 40, bottom: 16 };
  const height = pad.top + pad.bottom + row * bars.length;
  const max = Math.max(...bars.map((b) => b.value), 1);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="14" font-weight="600">${escapeXml(title)}</text>`,
  ];
  bars.forEach((bar, i) => {
    const y = pad.top + i * row;
    const w = ((width - pad.left - pad.right) * bar.value) / max;
    parts.push(
      `<text x="${pad.left - 8}" y="${y + 16}" text-anchor="end">${escapeXml(bar.label)}</text>`,
      `<rect x="${pad.left}" y="${y + 4}" width="${round(Math.max(w, 1))}" height="${row - 8}" fill="${bar.highlight ? COLORS[0] : '#9ca3af'}"/>`,
      `<text x="${round(pad.left + Math.max(w, 1) + 6)}" y="${y + 16}">${escapeXml(format(bar.value))}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
