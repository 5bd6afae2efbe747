import type { Message, MessagePage } from '@confab/protocol';
import fc from 'fast-check';
import { ensure, expectStatus, fail, sameJson, show } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import type { KitUser } from '../fixtures.js';

const area = 'pagination';

/** Reads one page of a channel and checks what every page must be: ascending by seq, top-level, this channel's. */
async function page(context: CheckContext, reader: KitUser, channelId: string, query: string): Promise<MessagePage> {
  const reply = await context.http.get<MessagePage>(`/api/v1/channels/${channelId}/messages?${query}`, reader.token);
  const body = expectStatus(reply, 200, `GET …/messages?${query}`);
  const seqs = body.items.map((m) => m.seq);
  ensure(
    seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!),
    `?${query}: items are not ascending by seq: ${show(seqs)}`,
  );
  ensure(
    body.items.every((m) => m.parentId === null && m.channelId === channelId),
    `?${query}: the page holds replies or messages of another channel`,
  );
  return body;
}

/** A channel and its top-level message ids, oldest first. */
interface Prefilled {
  channelId: string;
  ids: string[];
}

/**
 * A channel with `size` top-level messages by `authors` in turn, posted in batches of eight. With `gaps`,
 * thread replies and reactions land between the batches, so the top-level `seq`s have gaps.
 */
async function prefill(context: CheckContext, authors: KitUser[], size: number, gaps = true): Promise<Prefilled> {
  const [owner] = authors as [KitUser];
  const channel = await context.fixtures.channel(owner);
  for (const author of authors.slice(1)) await context.fixtures.join(author, channel.id);
  const messages: Message[] = [];
  for (let from = 0; from < size; from += 8) {
    const batch = Array.from({ length: Math.min(8, size - from) }, (_, k) => from + k);
    const posted = await Promise.all(
      batch.map((i) => context.fixtures.post(authors[i % authors.length]!, channel.id, `m${i}`)),
    );
    messages.push(...posted);
    if (!gaps) continue;
    await Promise.all(
      posted.map(async (message, k) => {
        const i = from + k;
        if (i % 7 === 3) await context.fixtures.post(owner, channel.id, `reply to m${i}`, message.id);
        if (i % 11 === 5) {
          const reacted = await context.http.put(`/api/v1/messages/${message.id}/reactions/:wave:`, owner.token);
          expectStatus(reacted, 200, 'reacting');
        }
      }),
    );
  }
  return { channelId: channel.id, ids: messages.sort((a, b) => a.seq - b.seq).map((m) => m.id) };
}

/** Walks `before` from `start` to the beginning and `after` to the end; returns every id seen, in order. */
async function walk(context: CheckContext, reader: KitUser, channel: Prefilled, start: MessagePage, limit: number) {
  const seen = start.items.map((m) => m.id);
  const maxPages = channel.ids.length + 2;
  let older = start.prevCursor;
  for (let i = 0; older !== null; i++) {
    ensure(i < maxPages, 'walking before never reached the start');
    const next = await page(context, reader, channel.channelId, `limit=${limit}&before=${older}`);
    ensure(next.items.length > 0 && next.items.length <= limit, `a before page of ${next.items.length} items`);
    seen.unshift(...next.items.map((m) => m.id));
    older = next.prevCursor;
  }
  let newer = start.nextCursor;
  for (let i = 0; newer !== null; i++) {
    ensure(i < maxPages, 'walking after never reached the end');
    const next = await page(context, reader, channel.channelId, `limit=${limit}&after=${newer}`);
    ensure(next.items.length > 0 && next.items.length <= limit, `an after page of ${next.items.length} items`);
    seen.push(...next.items.map((m) => m.id));
    newer = next.nextCursor;
  }
  return seen;
}

/** Runs a fast-check property and turns a counterexample into a readable failure. */
async function property<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, numRuns: number) {
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), { numRuns });
  if (!details.failed) return;
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  fail(`${error} (counterexample ${show(details.counterexample, 200)}, fast-check seed ${details.seed})`);
}

const ids = (p: MessagePage) => p.items.map((m) => m.id);

/** Cursor paging of messages. */
export const paginationChecks: Check[] = [
  {
    id: 'pagination.cursors',
    area,
    title: 'newest page, then before back to the start, after forward to the end, and around a message',
    required: true,
    contract:
      'confab.yaml › GET /api/v1/channels/{channelId}/messages (listMessages) — before, after, around; MessagePage',
    async run(context) {
      const alice = await context.fixtures.user();
      const channel = await prefill(context, [alice], 25, false);
      const all = channel.ids;
      const get = (query: string) => page(context, alice, channel.channelId, query);

      const newest = await get('limit=10');
      sameJson(ids(newest), all.slice(15), 'the newest page (limit=10)');
      ensure(newest.nextCursor === null, 'the newest page has a nextCursor');
      ensure(newest.prevCursor, 'the newest page of 25 has no prevCursor');
      const older = await get(`limit=10&before=${newest.prevCursor}`);
      sameJson(ids(older), all.slice(5, 15), 'the page before the newest');
      const oldest = await get(`limit=10&before=${older.prevCursor}`);
      sameJson(ids(oldest), all.slice(0, 5), 'the oldest page');
      ensure(oldest.prevCursor === null, 'the oldest page has a prevCursor');
      ensure(oldest.nextCursor, 'the oldest page has no nextCursor');

      const forward = await get(`limit=10&after=${oldest.nextCursor}`);
      sameJson(ids(forward), all.slice(5, 15), 'the page after the oldest');
      const last = await get(`limit=10&after=${forward.nextCursor}`);
      sameJson(ids(last), all.slice(15), 'the last page going forward');
      ensure(last.nextCursor === null, 'the last page has a nextCursor');

      const around = await get(`limit=5&around=${all[12]}`);
      const aroundIds = ids(around);
      ensure(aroundIds.includes(all[12]!), 'the around page lacks its message');
      ensure(aroundIds.length === 5, `the around page has ${aroundIds.length} items, not 5`);
      const from = all.indexOf(aroundIds[0]!);
      sameJson(aroundIds, all.slice(from, from + 5), 'the around page (consecutive messages)');
      ensure(around.prevCursor && around.nextCursor, 'the around page lacks a cursor');
      const whole = await get('');
      sameJson(ids(whole), all, 'the page without limit (default 50) of 25 messages');
      sameJson([whole.prevCursor, whole.nextCursor], [null, null], 'the cursors of a complete page');
    },
  },
  {
    id: 'pagination.limits',
    area,
    title: 'a page holds 50 messages by default and up to 100 with limit=100',
    required: true,
    contract: 'confab.yaml › parameters Limit — 50 when absent, at most 100',
    async run(context) {
      const authors = await context.fixtures.users(2);
      const channel = await prefill(context, authors, 120, false);
      const reader = authors[1]!;
      const byDefault = await page(context, reader, channel.channelId, '');
      sameJson(ids(byDefault), channel.ids.slice(-50), 'the default page');
      const widest = await page(context, reader, channel.channelId, 'limit=100');
      sameJson(ids(widest), channel.ids.slice(-100), 'the page with limit=100');
    },
  },
  {
    id: 'pagination.property',
    area,
    title: 'from any around or newest page, before and after walk the exact history (property, with seq gaps)',
    required: true,
    contract: 'confab.yaml › listMessages — cursor pages, both directions, around; ascending by seq, gaps allowed',
    async run(context) {
      const authors = await context.fixtures.users(3);
      const reader = await context.fixtures.user();
      const channels: Prefilled[] = [];
      channels.push(...(await Promise.all([0, 1, 2, 5, 29, 31, 64].map((size) => prefill(context, authors, size)))));
      const anyChannel = fc.constantFrom(...channels);
      const pageSize = fc.integer({ min: 1, max: 30 });

      await property(
        fc.tuple(anyChannel, pageSize, fc.nat()),
        async ([channel, limit, pick]) => {
          if (channel.ids.length === 0) {
            const empty = await page(context, reader, channel.channelId, `limit=${limit}`);
            sameJson([empty.items, empty.prevCursor, empty.nextCursor], [[], null, null], 'an empty channel');
            return;
          }
          const target = channel.ids[pick % channel.ids.length]!;
          const around = await page(context, reader, channel.channelId, `limit=${limit}&around=${target}`);
          ensure(ids(around).includes(target), `around=${target} does not hold its message`);
          ensure(around.items.length <= limit, `an around page of ${around.items.length} items with limit=${limit}`);
          const seen = await walk(context, reader, channel, around, limit);
          ensure(new Set(seen).size === seen.length, 'walking from an around page met a message twice');
          sameJson(seen, channel.ids, `walking from around with limit=${limit}`);
        },
        12,
      );
      await property(
        fc.tuple(anyChannel, pageSize),
        async ([channel, limit]) => {
          const newest = await page(context, reader, channel.channelId, `limit=${limit}`);
          ensure(newest.nextCursor === null, 'the newest page has a nextCursor');
          sameJson(ids(newest), channel.ids.slice(-limit), `the newest page with limit=${limit}`);
          sameJson(
            await walk(context, reader, channel, newest, limit),
            channel.ids,
            `walking back with limit=${limit}`,
          );
        },
        8,
      );
    },
  },
];
