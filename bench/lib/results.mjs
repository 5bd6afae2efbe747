// Turns bench/results.json (each area's latest run) into bench/RESULTS.md and its SVG charts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { machineLine } from './machine.mjs';
import {
  bundleChart,
  bundleTable,
  coldStartTable,
  fanoutChart,
  fanoutTables,
  memoryTable,
  recoveryTable,
  renderTable,
  searchTable,
  sendTable,
  uploadsTable,
} from './tables.mjs';

const sections = {
  fanout: {
    title: '1. Fan-out',
    about:
      'One raw-TCP load generator (bench/lib/ws-client.mjs) drives a bare `ws` broadcast server (no auth, no storage: the physical reference), a Socket.IO room (the generator speaks engine.io/socket.io over the WebSocket transport) and Confab on SQLite (and in the one-channel scenario on PostgreSQL with Redis as its scale-out bus too, when both answer) through its real tickets, membership and `subscribe`, every message stored. ~130-byte messages carry their send time; latency is send → delivery at the receiving socket. CPU is the server process alone (/proc/<pid>/stat). The generator shares the cores with the server: compare ratios, not absolutes.',
    render(data) {
      return data
        .map(
          (scenario) =>
            `### ${scenario.title}\n\n${fanoutTables(scenario)}\n\n![p99 vs delivery rate](charts/fanout-${scenario.key}.svg)`,
        )
        .join('\n\n');
    },
    charts: (data) => Object.fromEntries(data.map((s) => [`fanout-${s.key}.svg`, fanoutChart(s)])),
  },
  send: {
    title: '1b. Sending throughput',
    about:
      "50 sockets of 50 users send into one channel, each keeping a window of sends in flight; an `ack` comes only after the message's transaction committed. Afterwards the channel is read back over REST to check `seq` order. On SQLite, and on PostgreSQL when one answers (BENCH_DATABASE_URL, default postgres@127.0.0.1:5432/test: a fresh database per run, dropped after).",
    render: (data) => sendTable([data].flat()),
  },
  memory: {
    title: '2. Memory per idle socket',
    about:
      "The server's RSS after two forced GCs with N idle sockets open, minus its RSS before them, over N. Confab's sockets are authenticated (host-app token → single-use ticket) and subscribed to a channel of 100 members; users and memberships exist before the first reading.",
    render: (data) => memoryTable(data),
  },
  bundle: {
    title: '3. Bundle size',
    about:
      "Each entry bundled by esbuild for the browser (production `NODE_ENV`, minified, every export kept), gzip level 9. Confab from its built dist/; peers from bench/package.json's pinned versions. CSS is not counted.",
    render: (data) => `${bundleTable(data)}\n\n![bundle sizes](charts/bundle-sizes.svg)`,
    loadFree: true, // sizes do not depend on how busy the machine is
    charts: (data) => ({ 'bundle-sizes.svg': bundleChart(data) }),
  },
  recovery: {
    title: '4. Recovery',
    about:
      'bench/recovery.mjs: an @confab/core client is offline for 5 s while another user posts 1,000 messages; the time from reconnecting until its copy equals the server history, and what was lost or doubled.',
    render: (data) => recoveryTable(data),
  },
  render: {
    title: '5. Render in Chromium',
    about:
      "A channel of 10,000 messages in `<chat-window>`, from a real client of `@confab/core/fixtures` (data fed through the client's own frame handling, no network), beside a plain `innerHTML` list of the same rows in the same page. First frame = the first animation frame with message rows in the DOM.",
    render: (data) => renderTable(data),
  },
  coldstart: {
    title: '6. Cold start',
    about:
      'A fresh data directory each time (new SQLite file, migrations, generated secret); the clock runs from spawning the process to the first `/healthz` 200. Then, on that server, the demo page at `/` in Chromium as a registered user with one channel.',
    render: (data) => coldStartTable(data),
  },
  uploads: {
    title: '7. Uploads',
    about:
      "1 MB files posted to `POST /api/v1/uploads` (`multipart/form-data`) by 4 clients of 4 users at once (the server reads at most 2 uploads of one user at once); each answer is a 201 after the file's type was read from its bytes (plain text: every byte checked as UTF-8) and the file stored. Confab on SQLite with local files; the client runs in the bench process on the same cores.",
    render: (data) => uploadsTable(data),
  },
  search: {
    title: '8. Search',
    about:
      'One public channel filled with 100,000 messages of 4–27 words drawn from a Zipf-like vocabulary (common English and chat words, accented words, 20,000 rare made-up ones), stored as 20 members through the server’s own repository in a child process (the group-commit send path of a REST or socket send, minus HTTP), so each message’s index row is written in the transaction that stores it. Then `GET /api/v1/search/messages` for the first page (20 hits, all readable channels), one query at a time after 20 warm-up queries: a common word, two common words, a rare word, a two-word phrase taken from a stored message, and a 2–4 letter prefix. Latency is the HTTP round trip at the client. SQLite (FTS5, newest first by a descending rowid scan) and PostgreSQL (`tsvector` + GIN; `ANALYZE` after the bulk of inserts, as autovacuum would soon run it) when one answers. The PostgreSQL server is shared with whatever else runs on the machine.',
    render: (data) => searchTable(data),
  },
};

const ORDER = ['fanout', 'send', 'memory', 'bundle', 'recovery', 'render', 'coldstart', 'uploads', 'search'];

/** How the targets of issue 11 and DESIGN.md fare in these results. */
function targetRows(saved) {
  const rows = [];
  const oneRoom = saved.fanout?.data.find((s) => s.key === 'one-room');
  const manyRooms = saved.fanout?.data.find((s) => s.key === 'many-rooms');
  const run = (scenario, key) => scenario?.runs.find((r) => r.target === key);
  const step = (r, rate) => r?.steps.find((s) => s.rate === rate);
  if (oneRoom) {
    const [ws, sio, confab] = ['ws', 'socketio', 'confab'].map((k) => run(oneRoom, k));
    const low = oneRoom.rates[1] ?? oneRoom.rates[0];
    const ratio = step(confab, low)?.cpuMicrosPerDelivery / step(ws, low)?.cpuMicrosPerDelivery;
    const belowSio = step(confab, low)?.cpuMicrosPerDelivery < step(sio, low)?.cpuMicrosPerDelivery;
    rows.push([
      `CPU per delivery ≤ 1.4× bare \`ws\` and below Socket.IO (at ${low / 1000}k/s)`,
      Number.isFinite(ratio) ? `${ratio.toFixed(2)}× ws, ${belowSio ? 'below' : 'above'} Socket.IO` : 'not measured',
      ratio <= 1.4 && belowSio,
    ]);
    const at100 = step(confab, 100_000);
    rows.push([
      'p99 < 100 ms at 100k deliveries/s, 1 → 1,000',
      at100 ? `${at100.p99.toFixed(1)} ms${at100.complete ? '' : ', saturated'}` : 'not reached',
      Boolean(at100?.complete && at100.p99 < 100),
    ]);
    rows.push([
      '1,000 sockets subscribe to one channel in < 2 s',
      `${confab.subscribeSeconds.toFixed(1)} s (upgrades, \`hello\`, \`subscribe\` answered)`,
      confab.subscribeSeconds < 2,
    ]);
  }
  if (manyRooms) {
    const confab = run(manyRooms, 'confab');
    const at100 = step(confab, 100_000);
    rows.push([
      `p99 < 100 ms at 100k deliveries/s over ${manyRooms.title}`,
      at100
        ? `${at100.p99.toFixed(1)} ms${at100.complete ? '' : ', saturated'}`
        : `not reached (highest step ${confab.steps.at(-1)?.rate / 1000}k/s)`,
      Boolean(at100?.complete && at100.p99 < 100),
    ]);
  }
  if (saved.memory) {
    for (const count of [...new Set(saved.memory.data.map((r) => r.sockets))]) {
      const ws = saved.memory.data.find((r) => r.target === 'ws' && r.sockets === count);
      const confab = saved.memory.data.find((r) => r.target === 'confab' && r.sockets === count);
      if (ws && confab)
        rows.push([
          `memory per idle socket ≤ 2× bare \`ws\` at ${count.toLocaleString('en')}`,
          `${(confab.perSocket / ws.perSocket).toFixed(2)}×`,
          confab.perSocket <= 2 * ws.perSocket,
        ]);
    }
  }
  const sqliteSend = [saved.send?.data].flat().find((row) => row && (row.target ?? 'confab') === 'confab');
  if (sqliteSend)
    rows.push([
      '≥ 5,000 stored messages/s from 50 senders on SQLite',
      `${sqliteSend.perSecond.toFixed(0)}/s`,
      sqliteSend.perSecond >= 5000,
    ]);
  if (saved.recovery)
    rows.push([
      'recovery: 0 lost, 0 doubled (exact copy < 1 s after reconnect)',
      `${saved.recovery.data.lost} lost, ${saved.recovery.data.doubled} doubled, ${saved.recovery.data.converged}`,
      saved.recovery.data.lost === 0 && saved.recovery.data.doubled === 0,
    ]);
  if (saved.render) {
    const { rows: domRows, firstFrameMs } = saved.render.data;
    rows.push(['10,000-message `<chat-window>`: bounded DOM rows', `${domRows} rows`, domRows < 200]);
    rows.push(['… and < 100 ms to its first frame (moonshot)', `${firstFrameMs.toFixed(0)} ms`, firstFrameMs < 100]);
  }
  return rows;
}

function command(area, quick) {
  return `npm run bench -- ${area}${quick ? ' --quick' : ''}`;
}

function sectionText(area, entry) {
  const section = sections[area];
  const busy =
    entry.machine.busy && !section.loadFree
      ? '\n\n> **Busy-machine run**: other work shared the cores while this ran; treat the numbers as noise and re-run on a quiet machine.'
      : '';
  return `## ${section.title}\n\n${section.about}\n\nRe-run: \`${command(area, false)}\` · measured ${entry.at.slice(0, 16).replace('T', ' ')} UTC${entry.quick ? ' in **--quick** mode' : ''} · ${machineLine(entry.machine)}${busy}\n\n${section.render(entry.data)}`;
}

/** Writes RESULTS.md and charts into `dir`; returns what to print for the areas just run. */
export function writeResults(saved, dir) {
  for (const area of ORDER) {
    const charts = saved[area] && sections[area].charts?.(saved[area].data);
    for (const [name, svg] of Object.entries(charts ?? {})) writeFileSync(`${dir}charts/${name}`, svg);
  }
  const targets = targetRows(saved);
  const findings = existsSync(`${dir}findings.md`) ? readFileSync(`${dir}findings.md`, 'utf8').trim() : '';
  const body = [
    '# Confab benchmarks',
    '',
    '<!-- Generated by `npm run bench` from bench/results.json; edit bench/findings.md or bench/lib/, not this file. -->',
    '',
    'Everything here runs on loopback, starts its own servers and stops them. `npm run bench` runs every area (under 10 minutes from a fresh clone); `npm run bench -- <area>` one of them (`fanout`, `send`, `memory`, `bundle`, `recovery`, `render`, `coldstart`, `uploads`, `search`); `--quick` a short version for development. Each section names the machine and time it was measured on.',
    '',
    '## Targets',
    '',
    '| target | measured | met |',
    '| --- | --- | --- |',
    ...targets.map(([what, measured, met]) => `| ${what} | ${measured} | ${met ? 'yes' : '**no**'} |`),
    '',
    ...ORDER.filter((area) => saved[area]).map((area) => `${sectionText(area, saved[area])}\n`),
    findings,
    '',
  ].join('\n');
  writeFileSync(`${dir}RESULTS.md`, body);
  return {
    printed: (areas) =>
      areas
        .filter((a) => saved[a])
        .map((a) => sectionText(a, saved[a]))
        .join('\n\n'),
  };
}
