// Area 8, search: one public channel filled with 100,000 messages of varied text (stored through the
// server's own repository, in a child process: the send path's group commits, each writing its messages'
// index rows in the same transaction), then
// `GET /api/v1/search/messages` latency for the first page (20 hits) of common words, rare words, phrases
// and prefixes, one query at a time; on SQLite (FTS5) and on PostgreSQL (tsvector + GIN) when one answers.
// Run alone: npm run bench -- search (--quick: 5,000 messages).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, hostToken } from './lib/confab-setup.mjs';
import { Histogram } from './lib/histogram.mjs';
import { postgresReachable } from './lib/postgres.mjs';
import { confab, confabPostgres } from './lib/targets.mjs';

const SENDERS = 20;
const PAGE = 20;
const root = new URL('..', import.meta.url).pathname;

/** A small seeded PRNG (mulberry32): both databases get the same corpus and the same queries. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = `the be to of and a in that have it for not on with he as you do at this but his by from they we say her
she or an will my one all would there their what so up out if about who get which go me when make can like time no
just him know take people into year your good some could them see other than then now look only come its over think
also back after use two how our work first well way even new want because any these give day most us deploy build
release merge branch review test ticket meeting lunch coffee deadline customer server database search index query
bug fix issue design sprint standup demo budget invoice report launch rollback cache latency metrics alert incident`
  .split(/\s+/)
  .filter(Boolean);
const ACCENTED = ['café', 'naïve', 'résumé', 'Zürich', 'Ångström', 'Søren', 'façade', 'jalapeño', 'München', 'crème'];
const SYLLABLES = 'ka lo mi ne ru sa to vi ze qua bre dri fla gro plu sti tra xen yor'.split(' ');

/** The vocabulary by rank: common words first, then accented ones, then a long tail of rare made-up words. */
function vocabulary(next) {
  const rare = new Set();
  while (rare.size < 20_000) {
    const n = 2 + Math.floor(next() * 3);
    rare.add(Array.from({ length: n }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  }
  return [...COMMON, ...ACCENTED, ...rare];
}

/** Picks ranks with probability ∝ 1/(rank+1)^0.9 (Zipf-like, as words in chat are). */
function zipf(size, next) {
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let r = 0; r < size; r++) {
    sum += 1 / (r + 1) ** 0.9;
    cdf[r] = sum;
  }
  return () => {
    const u = next() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The corpus and the queries, from one seed. */
export function plan(count, queriesPerKind) {
  const next = random(20261201);
  const words = vocabulary(next);
  const pick = zipf(words.length, next);
  const texts = [];
  const rareOf = [];
  for (let i = 0; i < count; i++) {
    const length = 4 + Math.floor(next() * 24);
    const ranks = Array.from({ length }, pick);
    rareOf.push(words[Math.max(...ranks)]);
    const line = ranks.map((r) => words[r]);
    line[0] = line[0][0].toUpperCase() + line[0].slice(1);
    texts.push(`${line.join(' ')}${next() < 0.3 ? '?' : '.'}`);
  }
  const common = () => COMMON[Math.floor(next() * 60)];
  const fromText = () => texts[Math.floor(next() * texts.length)].replace(/[.?]$/, '').split(' ');
  const queries = [];
  for (let i = 0; i < queriesPerKind; i++) {
    queries.push({ kind: 'common word', q: common() });
    queries.push({ kind: 'two common words', q: `${common()} ${COMMON[60 + Math.floor(next() * 60)]}` });
    queries.push({ kind: 'rare word', q: rareOf[Math.floor(next() * count)] });
    const line = fromText();
    const at = Math.floor(next() * (line.length - 1));
    queries.push({ kind: 'phrase', q: `"${line[at]} ${line[at + 1]}"` });
    const stem = fromText().find((w) => w.length >= 5) ?? 'deploy';
    queries.push({ kind: 'prefix', q: `${stem.slice(0, 2 + Math.floor(next() * 3))}*` });
  }
  return { texts, queries };
}

/**
 * Makes a channel and `SENDERS` members over REST, then stores the corpus as them through the server's
 * repository in a child process (on the server's own SQLite file or PostgreSQL database).
 */
async function seed(server, count, queriesPerKind) {
  const owner = hostToken(server.secret, 'bench-search-owner');
  const channel = await api(server.baseUrl, owner, 'POST', '/channels', {
    name: `search-${Date.now().toString(36)}`,
    visibility: 'public',
  });
  const authorIds = [];
  for (let i = 0; i < SENDERS; i++) {
    const token = hostToken(server.secret, `bench-search-${i}`);
    authorIds.push((await api(server.baseUrl, token, 'PUT', `/channels/${channel.id}/members/me`)).user.id);
  }
  const job = join(server.env.CONFAB_DATA_DIR, 'search-seed.json');
  const { CONFAB_DATA_DIR: dataDir, DATABASE_URL: databaseUrl } = server.env;
  writeFileSync(job, JSON.stringify({ dataDir, databaseUrl, channelId: channel.id, authorIds, count, queriesPerKind }));
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'bench/lib/search-seed.mjs'), job], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { owner, perSecond: JSON.parse(out.trim().split('\n').at(-1)).perSecond };
}

/** Runs each query once, in order, timing the whole HTTP round trip; answers per-kind histograms. */
async function measure(server, token, queries) {
  const byKind = new Map();
  let hits = 0;
  for (const [i, { kind, q }] of queries.entries()) {
    const url = `${server.baseUrl}/api/v1/search/messages?limit=${PAGE}&q=${encodeURIComponent(q)}`;
    const sentAt = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.json();
    const elapsed = performance.now() - sentAt;
    if (response.status !== 200) throw new Error(`search ${q} answered ${response.status}: ${JSON.stringify(body)}`);
    if (i < 20) continue; // warm-up: the first queries pay for cold caches and prepared statements
    hits += body.items.length;
    const entry = byKind.get(kind) ?? { histogram: new Histogram(), count: 0, empty: 0 };
    entry.histogram.record(elapsed);
    entry.count++;
    if (body.items.length === 0) entry.empty++;
    byKind.set(kind, entry);
  }
  return { byKind, hits };
}

export async function runSearch({ quick, progress }) {
  const count = quick ? 5000 : 100_000;
  const queriesPerKind = quick ? 20 : 80;
  const { queries } = plan(count, queriesPerKind);
  const targets = (await postgresReachable()) ? [confab, confabPostgres] : [confab];
  const rows = [];
  for (const target of targets) {
    progress(`  ${target.name}: storing ${count.toLocaleString('en')} messages…`);
    const server = await target.start();
    try {
      const { owner, perSecond } = await seed(server, count, queriesPerKind);
      progress(`    ${perSecond.toFixed(0)} messages/s stored (and indexed)`);
      const { byKind } = await measure(server, owner, queries);
      const all = new Histogram();
      for (const kind of byKind.values())
        for (const [i, n] of kind.histogram.counts.entries()) if (n) all.counts[i] += n;
      all.count = [...byKind.values()].reduce((n, k) => n + k.count, 0);
      for (const [kind, entry] of [...byKind, ['all queries', { histogram: all, count: all.count, empty: 0 }]]) {
        const row = {
          target: target.key,
          name: target.name.replace(/, every message stored/, ''),
          messages: count,
          seedPerSecond: perSecond,
          kind,
          queries: entry.count,
          empty: entry.empty,
          p50: entry.histogram.percentile(0.5),
          p95: entry.histogram.percentile(0.95),
          p99: entry.histogram.percentile(0.99),
        };
        rows.push(row);
        progress(
          `    ${kind}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms (${row.queries} queries, ${row.empty} without hits)`,
        );
      }
    } finally {
      await server.stop();
    }
  }
  return rows;
}
