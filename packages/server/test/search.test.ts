// Message search (issue 14) on SQLite and PostgreSQL with the same corpus: words, phrases, prefixes,
// accents and case, edits and deletions, who may read what, paging, snippets and highlights, hostile
// queries. The two databases must answer every query with the same hits, snippets and highlights.
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { expectProblem, expectStatus, type KitUser } from '@confab/conformance';
import type { Channel, Message, SearchPage } from '@confab/protocol';
import { parseQuery, toFts5, toTsquery } from '../src/search/query.js';
import { snippetOf } from '../src/search/snippet.js';
import { indexText, wordsOf } from '../src/search/words.js';
import { kitFor } from './support/kit.js';
import { adminUrl, postgresReachable, testDatabase } from './support/postgres.js';
import { startTestServer, type TestServer } from './support/test-server.js';

test('words: letters and digits, without accents, in lower case, the undecomposable Latin letters folded', () => {
  assert.deepEqual(wordsOf('Café, ÅNGSTRÖM — naïve Søren Łódź straße Æsir ½ ﬁle e-mail v2.0'), [
    'cafe',
    'angstrom',
    'naive',
    'soren',
    'lodz',
    'strasse',
    'aesir',
    '1',
    '2',
    'file',
    'e',
    'mail',
    'v2',
    '0',
  ]);
  assert.equal(indexText({ type: 'text', text: '  Hello,   WORLD!  ' }), 'hello world');
  assert.equal(
    indexText({ type: 'image', url: 'https://x.example/a.png', width: 1, height: 1, alt: 'A Cat' }),
    'a cat',
  );
  assert.equal(indexText(null), '');
  assert.deepEqual(wordsOf(`${'x'.repeat(101)} ok`), ['ok'], 'words past 100 characters are not indexed');
});

test('the query language: words, "phrases", prefix*, and everything else as plain words', () => {
  const terms = (q: string) => parseQuery(q).terms.map((t) => `${t.words.join(' ')}${t.prefix ? '*' : ''}`);
  assert.deepEqual(terms('Café "quick  brown" releas*'), ['cafe', 'quick brown', 'releas*']);
  assert.deepEqual(terms('e-mail NEAR(a b) OR -x a:b'), ['e mail', 'near a', 'b', 'or', 'x', 'a b']);
  assert.deepEqual(terms('"unclosed phrase'), ['unclosed', 'phrase']);
  assert.deepEqual(terms('* ** word** "x"*'), ['word*', 'x']);
  assert.deepEqual(terms('dup DUP dúp'), ['dup'], 'the same word once');
  assert.deepEqual(terms('a* t* té*'), ['a', 't', 'te*'], 'a prefix has two characters at least');
  assert.deepEqual(
    terms('ab* cd* ef* gh* ij* kl*'),
    ['ab*', 'cd*', 'ef*', 'gh*', 'ij', 'kl'],
    'four prefixes at most: past them, plain words',
  );
  for (const q of ['"', '*', '-', ':', '()', '"" ""', '   ', '!?']) {
    assert.throws(() => parseQuery(q), { code: 'invalid_request' }, q);
  }
  const query = parseQuery('"or and" near* x');
  assert.equal(toFts5(query), '"or and" AND "near"* AND "x"');
  assert.equal(toTsquery(query), "('or' <-> 'and') & 'near':* & 'x'");
});

test('snippets: the text around the first match, cut with …, highlights on the matched words', () => {
  const long = `${'lorem ipsum dolor '.repeat(20)}the Café was closed ${'sit amet '.repeat(30)}`;
  const { snippet, highlights } = snippetOf(long, parseQuery('cafe'));
  assert.ok(snippet.startsWith('…') && snippet.endsWith('…'), snippet);
  assert.ok(snippet.length <= 222, `${snippet.length} characters`);
  assert.deepEqual(
    highlights.map((h) => snippet.slice(h.start, h.end)),
    ['Café'],
  );
  const short = snippetOf('Quick brown fox, quick red fox: BROWN', parseQuery('"quick brown" fox'));
  assert.equal(short.snippet, 'Quick brown fox, quick red fox: BROWN');
  assert.deepEqual(
    short.highlights.map((h) => short.snippet.slice(h.start, h.end)),
    ['Quick', 'brown', 'fox', 'fox'],
    'a phrase is highlighted only where its words come in order',
  );
  const emoji = snippetOf(`${'😀'.repeat(150)} needle ${'😀'.repeat(150)}`, parseQuery('needle'));
  assert.doesNotMatch(
    emoji.snippet,
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    'never a cut through a surrogate pair',
  );
  assert.equal(emoji.snippet.slice(emoji.highlights[0]!.start, emoji.highlights[0]!.end), 'needle');
});

/** What a search answered, without the ids that differ between databases. */
type Outcome = { status: number; hits?: string[]; snippets?: string[] };

interface World {
  kit: ReturnType<typeof kitFor>;
  alice: KitUser;
  bob: KitUser;
  carol: KitUser;
  general: Channel;
  shared: Channel;
  secret: Channel;
  /** What the tests call each channel (their names are random). */
  labels: Map<string, string>;
}

const CORPUS = [
  'The café on the corner serves espresso',
  'Meet me at the cafe tomorrow',
  'Ångström units measure wavelength',
  'angstrom is spelled without the ring in English',
  'Release notes for version two',
  'The RELEASE was delayed',
  'released yesterday, finally',
  'quick brown fox jumps over the lazy dog',
  'the dog was quick and brown',
  'Søren sent the e-mail about NEAR(x) OR y',
  'odd words 5e5e5 1e10 0x1f 日本語テキスト snake_case',
  `${'lorem ipsum dolor '.repeat(15)}and then the needle appeared ${'sit amet '.repeat(30)}`,
];

async function buildWorld(server: TestServer, t: TestContext): Promise<World> {
  const kit = kitFor(server.url, t);
  const [alice, bob, carol] = await kit.fixtures.users(3);
  const general = await kit.fixtures.channel(alice!, 'public', [bob!.id]);
  const shared = await kit.fixtures.channel(alice!, 'private', [bob!.id]);
  const secret = await kit.fixtures.channel(carol!, 'private');
  const labels = new Map([
    [general.id, 'general'],
    [shared.id, 'shared'],
    [secret.id, 'secret'],
  ]);
  const post = (user: KitUser, channel: Channel, text: string, parentId?: string) =>
    kit.fixtures.post(user, channel.id, text, parentId);
  for (const [i, text] of CORPUS.entries()) await post(i % 2 ? bob! : alice!, general, text);
  const thread = await post(alice!, general, 'a thread about lunch');
  await post(bob!, general, 'a reply about the Café menu', thread.id);
  await post(bob!, shared, 'café plans for friday');
  await post(carol!, secret, 'café secret recipe');
  return { kit, alice: alice!, bob: bob!, carol: carol!, general, shared, secret, labels };
}

async function search(world: World, user: KitUser, q: string, extra = ''): Promise<Outcome> {
  const reply = await world.kit.http.get<SearchPage>(
    `/api/v1/search/messages?q=${encodeURIComponent(q)}${extra}`,
    user.token,
  );
  if (reply.status !== 200) return { status: reply.status };
  return {
    status: 200,
    hits: reply.body.items.map((h) => {
      const label = world.labels.get(h.channel.id) ?? h.channel.name;
      return `${label === 'general' ? '' : `${label}: `}${h.message.body?.type === 'text' ? h.message.body.text : '?'}`;
    }),
    snippets: reply.body.items.map((h) => h.highlights.map((r) => h.snippet.slice(r.start, r.end)).join('|')),
  };
}

const hits = (outcome: Outcome) => outcome.hits ?? [];

/** Runs the scenario on one server; answers every outcome by name, to compare the databases. */
async function scenario(t: TestContext, server: TestServer): Promise<Record<string, Outcome>> {
  const world = await buildWorld(server, t);
  const { alice, bob, carol, kit } = world;
  const seen: Record<string, Outcome> = {};
  const ask = async (name: string, user: KitUser, q: string, extra = '') => {
    const outcome = await search(world, user, q, extra);
    seen[name] = outcome;
    return outcome;
  };

  // accents and case: café = cafe = CAFÉ; a reply in a thread is found too; newest first
  const cafe = await ask('cafe', alice, 'cafe');
  assert.deepEqual(hits(cafe), [
    `shared: café plans for friday`,
    'a reply about the Café menu',
    'Meet me at the cafe tomorrow',
    'The café on the corner serves espresso',
  ]);
  assert.deepEqual(cafe.snippets, ['café', 'Café', 'cafe', 'café']);
  assert.deepEqual(await ask('CAFÉ', alice, 'CAFÉ'), cafe);
  assert.deepEqual(hits(await ask('angstrom', alice, 'ångström')), [
    'angstrom is spelled without the ring in English',
    'Ångström units measure wavelength',
  ]);
  assert.deepEqual(hits(await ask('Angstrom', alice, 'Angstrom')), hits(seen.angstrom!));
  assert.deepEqual(hits(await ask('soren', alice, 'soren')), ['Søren sent the e-mail about NEAR(x) OR y']);

  // words, prefixes, phrases
  assert.deepEqual(hits(await ask('release', alice, 'release')), [
    'The RELEASE was delayed',
    'Release notes for version two',
  ]);
  const prefix = await ask('releas*', alice, 'releas*');
  assert.deepEqual(hits(prefix), [
    'released yesterday, finally',
    'The RELEASE was delayed',
    'Release notes for version two',
  ]);
  assert.deepEqual(prefix.snippets, ['released', 'RELEASE', 'Release']);
  assert.deepEqual(hits(await ask('quick brown', alice, 'quick brown')), [
    'the dog was quick and brown',
    'quick brown fox jumps over the lazy dog',
  ]);
  assert.deepEqual(hits(await ask('"quick brown"', alice, '"quick brown"')), [
    'quick brown fox jumps over the lazy dog',
  ]);
  assert.deepEqual(hits(await ask('"brown fox" dog', alice, '"brown fox" DOG')), [
    'quick brown fox jumps over the lazy dog',
  ]);
  assert.deepEqual(hits(await ask('e-mail', alice, 'e-mail')), ['Søren sent the e-mail about NEAR(x) OR y']);
  assert.deepEqual(hits(await ask('no match', alice, 'café espresso tomorrow')), []);
  for (const q of ['5e5e5', '1e10', '0x1f', '日本語テキスト', 'snake', 'case', '"snake case"', '日本*']) {
    assert.deepEqual(hits(await ask(q, alice, q)), ['odd words 5e5e5 1e10 0x1f 日本語テキスト snake_case'], q);
  }

  // a long text: the snippet is cut around the match and highlights it
  const needle = await kit.http.get<SearchPage>('/api/v1/search/messages?q=needle', alice.token);
  const [hit] = expectStatus(needle, 200).items;
  assert.ok(hit);
  assert.ok(hit.snippet.startsWith('…') && hit.snippet.endsWith('…') && hit.snippet.length < 230, hit?.snippet);
  assert.deepEqual(
    hit.highlights.map((h) => hit.snippet.slice(h.start, h.end)),
    ['needle'],
  );
  seen.needle = { status: 200, hits: [hit.snippet] };

  // hostile queries are words or a 400, never a 500
  for (const q of [
    '"',
    '*',
    'NEAR(',
    'OR',
    '-',
    ':',
    'café OR',
    'a:b',
    '"unclosed',
    'NOT café',
    'café*"',
    '(((',
    "'",
    '\\',
    '^x',
    '{a}',
    'x'.repeat(200),
    `${'é '.repeat(100)}`,
  ]) {
    const outcome = await ask(`hostile ${q.slice(0, 20)}`, alice, q);
    assert.ok([200, 400].includes(outcome.status), `${q}: ${outcome.status}`);
  }
  expectProblem(await kit.http.get('/api/v1/search/messages?q=%22%2A%22', alice.token), 400, 'invalid_request');
  expectProblem(
    await kit.http.get(`/api/v1/search/messages?q=${'x'.repeat(201)}`, alice.token),
    400,
    'invalid_request',
  );
  expectProblem(await kit.http.get('/api/v1/search/messages?q=x&before=nope', alice.token), 400, 'invalid_request');
  assert.deepEqual(hits(await ask('OR', alice, 'OR')), ['Søren sent the e-mail about NEAR(x) OR y']);
  assert.deepEqual(hits(await ask('NEAR(', alice, 'NEAR(')), ['Søren sent the e-mail about NEAR(x) OR y']);

  // access: a private channel of others never leaks; channelId limits to one channel, 404 when not readable
  assert.deepEqual(hits(await ask('recipe (alice)', alice, 'recipe')), []);
  assert.deepEqual(hits(await ask('recipe (carol)', carol, 'recipe')), [`secret: café secret recipe`]);
  assert.deepEqual(
    hits(await ask('cafe (carol)', carol, 'café')),
    [
      `secret: café secret recipe`,
      'a reply about the Café menu',
      'Meet me at the cafe tomorrow',
      'The café on the corner serves espresso',
    ],
    'public channels are readable without joining them',
  );
  assert.deepEqual(hits(await ask('cafe in shared', bob, 'café', `&channelId=${world.shared.id}`)), [
    `shared: café plans for friday`,
  ]);
  assert.equal((await ask('cafe in secret', alice, 'café', `&channelId=${world.secret.id}`)).status, 404);
  const unknown = '01900000-0000-7000-8000-000000000000';
  assert.equal((await ask('unknown channel', alice, 'café', `&channelId=${unknown}`)).status, 404);

  // edits and deletions are reflected at once
  const edited = await kit.fixtures.post(alice, world.general.id, 'original wording banana');
  const gone = await kit.fixtures.post(alice, world.general.id, 'ephemeral kiwi');
  assert.deepEqual(hits(await ask('banana before', alice, 'banana')), ['original wording banana']);
  expectStatus(
    await kit.http.patch(`/api/v1/messages/${edited.id}`, alice.token, {
      body: { type: 'text', text: 'new wording mango' },
    }),
    200,
  );
  expectStatus(await kit.http.delete(`/api/v1/messages/${gone.id}`, alice.token), 200);
  assert.deepEqual(hits(await ask('banana after', alice, 'banana')), []);
  assert.deepEqual(hits(await ask('mango', alice, 'mango')), ['new wording mango']);
  assert.deepEqual(hits(await ask('kiwi', alice, 'kiwi')), []);
  assert.deepEqual(hits(await ask('wording', alice, 'wording')), ['new wording mango']);

  // leaving a private channel takes its messages out of the results
  expectStatus(await kit.http.delete(`/api/v1/channels/${world.shared.id}/members/me`, bob.token), 204);
  assert.deepEqual(hits(await ask('friday (bob gone)', bob, 'friday')), []);
  assert.deepEqual(hits(await ask('friday (alice)', alice, 'friday')), [`shared: café plans for friday`]);

  // a ban (moderation) takes a public channel out of the results, and channelId answers 404
  const town = await kit.fixtures.channel(carol, 'public', [alice.id]);
  world.labels.set(town.id, 'town');
  await kit.fixtures.post(carol, town.id, 'zebra crossing');
  assert.deepEqual(hits(await ask('zebra before ban', alice, 'zebra')), ['town: zebra crossing']);
  expectStatus(await kit.http.put(`/api/v1/channels/${town.id}/bans/${alice.id}`, carol.token, {}), 200, 'the ban');
  assert.deepEqual(hits(await ask('zebra after ban', alice, 'zebra')), []);
  assert.equal((await ask('zebra in town after ban', alice, 'zebra', `&channelId=${town.id}`)).status, 404);
  expectStatus(await kit.http.delete(`/api/v1/channels/${town.id}/bans/${alice.id}`, carol.token), 204, 'lifting it');
  assert.deepEqual(hits(await ask('zebra after unban', alice, 'zebra')), ['town: zebra crossing']);

  // paging: a cursor walks every hit once, newest first, even when the last hit is deleted meanwhile
  const paging = await kit.fixtures.channel(alice, 'private');
  const posted: Message[] = [];
  for (let i = 0; i < 45; i++) posted.push(await kit.fixtures.post(alice, paging.id, `page item ${i}`));
  const walked: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: SearchPage = expectStatus(
      await kit.http.get<SearchPage>(
        `/api/v1/search/messages?q=item&limit=10&channelId=${paging.id}${cursor ? `&before=${cursor}` : ''}`,
        alice.token,
      ),
      200,
    );
    walked.push(...page.items.map((h) => h.message.id));
    cursor = page.nextCursor;
    if (++pages === 2) expectStatus(await kit.http.delete(`/api/v1/messages/${walked.at(-1)}`, alice.token), 200);
  } while (cursor);
  const expected = posted.map((m) => m.id).reverse();
  assert.deepEqual(walked, expected, 'every hit once, newest first');
  assert.equal(pages, 5);
  const all = expectStatus(
    await kit.http.get<SearchPage>(`/api/v1/search/messages?q=page+item&limit=100`, alice.token),
    200,
  );
  assert.equal(all.items.length, 44, 'the deleted one is gone');
  assert.equal(all.nextCursor, null);
  seen.paging = {
    status: 200,
    hits: all.items.map((h) => (h.message.body?.type === 'text' ? h.message.body.text : '')),
  };
  return seen;
}

const outcomes: Record<string, Record<string, Outcome>> = {};

test('search on SQLite', async (t) => {
  outcomes.sqlite = await scenario(t, await startTestServer({}, t));
});

const pgReachable = await postgresReachable();

test('search on PostgreSQL', { skip: !pgReachable && `PostgreSQL is not reachable at ${adminUrl}` }, async (t) => {
  const database = await testDatabase(t);
  outcomes.postgres = await scenario(t, await database.start());
});

test('SQLite and PostgreSQL answer every query with the same hits, snippets and highlights', {
  skip: !pgReachable && 'no PostgreSQL',
}, () => {
  assert.ok(outcomes.sqlite && outcomes.postgres, 'both scenarios ran');
  assert.deepEqual(outcomes.postgres, outcomes.sqlite);
});

test('searches are rate limited per user', async (t) => {
  const server = await startTestServer({ writeRate: 0.1 }, t);
  const { http, fixtures } = kitFor(server.url, t);
  const [alice, bob] = await fixtures.users(2);
  assert.equal((await http.get('/api/v1/search/messages?q=x', alice!.token)).status, 200);
  const limited = expectProblem(await http.get('/api/v1/search/messages?q=x', alice!.token), 429, 'rate_limited');
  assert.ok((limited.retryAfter ?? 0) >= 1);
  assert.equal((await http.get('/api/v1/search/messages?q=x', bob!.token)).status, 200, 'per user');
  expectProblem(await http.get('/api/v1/search/messages?q=x'), 401, 'unauthorized');
});
