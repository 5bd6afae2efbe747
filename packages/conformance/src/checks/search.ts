import { randomBytes } from 'node:crypto';
import type { EventPage, Message, PinPage, SearchPage } from '@confab/protocol';
import { ensure, expectProblem, expectStatus, sameJson } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import type { KitUser } from '../fixtures.js';

/** A word no other check (or earlier run) uses, so a shared server's other messages never match. */
const uniqueWord = (): string => `zq${randomBytes(5).toString('hex')}`;

async function search(http: CheckContext['http'], user: KitUser, q: string, extra = ''): Promise<SearchPage> {
  const reply = await http.get<SearchPage>(`/api/v1/search/messages?q=${encodeURIComponent(q)}${extra}`, user.token);
  return expectStatus(reply, 200, `searching for ${q}`);
}

const texts = (page: SearchPage) =>
  page.items.map((hit) => (hit.message.body?.type === 'text' ? hit.message.body.text : ''));

/** Message search and pins (optional). */
export const searchChecks: Check[] = [
  {
    id: 'search.words',
    area: 'search',
    title:
      'search matches every word ignoring case and accents, "phrases" in order and word* as a prefix, newest first, with highlights on the matched words; an edit matches its new text only and a deleted message never',
    required: false,
    contract: 'confab.yaml › searchMessages, SearchPage, SearchHit',
    async run({ http, fixtures }) {
      const word = uniqueWord();
      const [alice] = await fixtures.users(1);
      const channel = await fixtures.channel(alice!, 'private');
      const first = await fixtures.post(alice!, channel.id, `${word} the Café was quick brown`);
      const second = await fixtures.post(alice!, channel.id, `${word} a cafe, brown and quick`);
      sameJson(
        texts(await search(http, alice!, `CAFE ${word}`)),
        [second, first].map((m) => (m.body as { text: string }).text),
        'café = cafe = CAFE, newest first',
      );
      sameJson(
        texts(await search(http, alice!, `"quick brown" ${word}`)),
        [`${word} the Café was quick brown`],
        'a phrase matches its words in order',
      );
      const prefixed = await search(http, alice!, `${word.slice(0, -3)}*`);
      ensure(prefixed.items.length === 2, `${word.slice(0, -3)}* found ${prefixed.items.length} messages, not 2`);
      const page = await search(http, alice!, `café ${word}`);
      for (const hit of page.items) {
        const marked = hit.highlights.map((h) => hit.snippet.slice(h.start, h.end).toLowerCase());
        sameJson(marked, [word, marked[1] === 'café' ? 'café' : 'cafe'], `the highlights of "${hit.snippet}"`);
      }
      expectStatus(
        await http.patch(`/api/v1/messages/${first.id}`, alice!.token, { body: { type: 'text', text: `${word} tea` } }),
        200,
      );
      expectStatus(await http.delete(`/api/v1/messages/${second.id}`, alice!.token), 200);
      sameJson(
        texts(await search(http, alice!, `cafe ${word}`)),
        [],
        'after an edit and a deletion, "cafe" matches nothing',
      );
      sameJson(texts(await search(http, alice!, `tea ${word}`)), [`${word} tea`], 'the edited text matches');
      expectProblem(
        await http.get(`/api/v1/search/messages?q=${encodeURIComponent('" * "')}`, alice!.token),
        400,
        'invalid_request',
      );
      const hostile = await http.get(
        `/api/v1/search/messages?q=${encodeURIComponent(`${word} NEAR( OR - : "`)}`,
        alice!.token,
      );
      ensure(hostile.status === 200 || hostile.status === 400, `a query full of operators answered ${hostile.status}`);
    },
  },
  {
    id: 'search.access',
    area: 'search',
    title:
      "search finds messages of public channels and the caller's own, never of another's private channel; channelId limits it to one channel, 404 when the caller may not read it; a cursor pages without gaps or repeats",
    required: false,
    contract: 'confab.yaml › searchMessages (channels the caller may read; channelId; before)',
    async run({ http, fixtures }) {
      const word = uniqueWord();
      const [alice, bob] = await fixtures.users(2);
      const hidden = await fixtures.channel(bob!, 'private');
      const open = await fixtures.channel(bob!, 'public');
      await fixtures.post(bob!, hidden.id, `${word} private`);
      const posted: Message[] = [];
      for (let i = 0; i < 5; i++) posted.push(await fixtures.post(bob!, open.id, `${word} public ${i}`));
      const seen = await search(http, alice!, word);
      sameJson(
        texts(seen),
        posted.map((m) => (m.body as { text: string }).text).reverse(),
        "alice's hits: the public channel's, newest first",
      );
      ensure(
        seen.items.every((hit) => hit.channel.id === open.id && hit.channel.visibility === 'public'),
        'each hit names its channel',
      );
      sameJson(
        texts(await search(http, bob!, word, `&channelId=${hidden.id}`)),
        [`${word} private`],
        "bob's own private channel",
      );
      expectProblem(
        await http.get(`/api/v1/search/messages?q=${word}&channelId=${hidden.id}`, alice!.token),
        404,
        'not_found',
      );
      const walked: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: SearchPage = await search(http, alice!, word, `&limit=2${cursor ? `&before=${cursor}` : ''}`);
        walked.push(...page.items.map((hit) => hit.message.id));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      sameJson(walked, posted.map((m) => m.id).reverse(), 'pages of 2 walk every hit once');
    },
  },
  {
    id: 'pins.flow',
    area: 'pins',
    title:
      'the owner pins (again: harmless, one message:pinned event) and unpins; a member may not unless membersCanPin; pins list most recently pinned first; a tombstone cannot be pinned (409)',
    required: false,
    contract: 'confab.yaml › pinMessage, unpinMessage, listPins, Message.pinnedAt/pinnedBy, Channel.membersCanPin',
    async run({ http, fixtures }) {
      const [owner, member] = await fixtures.users(2);
      const channel = await fixtures.channel(owner!, 'public', [member!.id]);
      const one = await fixtures.post(member!, channel.id, 'pin one');
      const two = await fixtures.post(owner!, channel.id, 'pin two');
      const { lastSeq } = expectStatus(
        await http.get<{ lastSeq: number }>(`/api/v1/channels/${channel.id}`, owner!.token),
        200,
      );
      expectProblem(await http.put(`/api/v1/messages/${one.id}/pin`, member!.token), 403, 'forbidden');
      const pinned = expectStatus(
        await http.put<Message>(`/api/v1/messages/${one.id}/pin`, owner!.token),
        200,
        'pinning',
      );
      ensure(pinned.pinnedBy === owner!.id && typeof pinned.pinnedAt === 'string', 'the pinned message names its pin');
      expectStatus(await http.put(`/api/v1/messages/${one.id}/pin`, owner!.token), 200, 'pinning again');
      expectStatus(await http.put(`/api/v1/messages/${two.id}/pin`, owner!.token), 200, 'pinning another');
      const list = expectStatus(await http.get<PinPage>(`/api/v1/channels/${channel.id}/pins`, member!.token), 200);
      sameJson(
        list.items.map((m) => m.id),
        [two.id, one.id],
        'the pins, most recently pinned first',
      );
      const unpinned = expectStatus(await http.delete<Message>(`/api/v1/messages/${one.id}/pin`, owner!.token), 200);
      ensure(unpinned.pinnedAt == null, 'an unpinned message has no pinnedAt');
      const events = expectStatus(
        await http.get<EventPage>(`/api/v1/channels/${channel.id}/events?afterSeq=${lastSeq}`, member!.token),
        200,
      );
      sameJson(
        events.items.map((e) => e.kind),
        ['message:pinned', 'message:pinned', 'message:unpinned'],
        'the events of the pins',
      );
      expectStatus(await http.delete(`/api/v1/messages/${two.id}`, owner!.token), 200);
      expectProblem(await http.put(`/api/v1/messages/${two.id}/pin`, owner!.token), 409, 'conflict');
      const channelPatch = await http.patch(`/api/v1/channels/${channel.id}`, owner!.token, { membersCanPin: true });
      expectStatus(channelPatch, 200, 'letting members pin');
      expectStatus(
        await http.put(`/api/v1/messages/${one.id}/pin`, member!.token),
        200,
        'a member pins once members may',
      );
    },
  },
];
