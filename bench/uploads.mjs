// Area 7, uploads: 1 MB files posted to `POST /api/v1/uploads` (multipart) by 4 clients (4 users) at once, each
// upload sniffed, checked and stored before its 201; uploads per second, MB/s, latency and the server's CPU
// per MB, per kind of file. Confab on SQLite with local files. Run alone: npm run bench -- uploads
import { randomBytes } from 'node:crypto';
import { hostToken } from './lib/confab-setup.mjs';
import { Histogram } from './lib/histogram.mjs';
import { cpuSeconds } from './lib/processes.mjs';
import { confab } from './lib/targets.mjs';

const MB = 1024 * 1024;
const CONCURRENCY = 4;

/** The files: a PDF (its type read from the first bytes) and plain text (every byte checked as UTF-8). */
const kinds = [
  { name: 'PDF', file: 'report.pdf', bytes: () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(MB - 9)]) },
  {
    name: 'plain text',
    file: 'notes.txt',
    bytes: () => Buffer.from('All work and no play. '.repeat(MB / 22 + 1)).subarray(0, MB),
  },
];

/** Uploads `count` files of each kind, `CONCURRENCY` at a time; `progress` gets a line per kind. */
export async function runUploads({ quick, progress }) {
  const count = quick ? 40 : 200;
  const server = await confab.start();
  try {
    // One user per client: the server reads at most 2 uploads of one user at once.
    const tokens = Array.from({ length: CONCURRENCY }, (_, i) => hostToken(server.secret, `bench-uploader-${i}`));
    const rows = [];
    for (const kind of kinds) {
      const bytes = kind.bytes();
      const histogram = new Histogram();
      const cpuBefore = cpuSeconds(server.child.pid);
      const started = performance.now();
      const uploadOne = async (token) => {
        const form = new FormData();
        form.append('file', new Blob([bytes]), kind.file);
        const sentAt = performance.now();
        const response = await fetch(`${server.baseUrl}/api/v1/uploads`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: form,
        });
        const reply = await response.text();
        if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${reply.slice(0, 200)}`);
        histogram.record(performance.now() - sentAt);
      };
      let next = 0;
      const client = async (token) => {
        while (next < count) {
          next++;
          await uploadOne(token);
        }
      };
      await Promise.all(tokens.map(client));
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuSeconds(server.child.pid) - cpuBefore;
      const megabytes = (count * bytes.length) / MB;
      const row = {
        name: kind.name,
        count,
        concurrency: CONCURRENCY,
        megabytes: bytes.length / MB,
        perSecond: count / seconds,
        megabytesPerSecond: megabytes / seconds,
        p50: histogram.percentile(0.5),
        p99: histogram.percentile(0.99),
        cpuMsPerMegabyte: (cpu * 1000) / megabytes,
      };
      rows.push(row);
      progress(
        `  ${kind.name}: ${row.perSecond.toFixed(0)} uploads/s (${row.megabytesPerSecond.toFixed(0)} MB/s), p50 ${row.p50.toFixed(0)} ms, p99 ${row.p99.toFixed(0)} ms`,
      );
    }
    return rows;
  } finally {
    await server.stop();
  }
}
