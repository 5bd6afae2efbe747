import {
  type ChatFixture,
  createFixtureClient,
  type FixtureClient,
  fixtureUser,
  type MessageFixture,
} from '@confab/core/fixtures';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-room/chat-room.js';
import '../../src/chat-window/chat-window.js';
import type { ChatMessageElement } from '../../src/chat-message/chat-message.component.js';
import type { ChatRoomElement } from '../../src/chat-room/chat-room.component.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import { expectAccessible } from './support/axe.js';
import './support/benign-errors.js';
import { byRole, deepActiveElement, deepQueryAll, getByRole, messageRows } from './support/dom.js';
import { press, type } from './support/keyboard.js';
import { afterEach, describe, it } from './support/mocha.js';
import { frames, steady, until } from './support/wait.js';

const alice = fixtureUser('alice', { displayName: 'Alice Martin' });
const bob = fixtureUser('bob', { displayName: 'Bob Okafor' });
const open: FixtureClient[] = [];
afterEach(async () => {
  for (const f of open.splice(0)) await f.close();
});

function make(fixtureData: Partial<ChatFixture>): FixtureClient {
  const made = createFixtureClient({ me: alice, ...fixtureData });
  open.push(made);
  return made;
}

const general = (role: 'member' | 'moderator' = 'member', extra: MessageFixture[] = []) => ({
  name: 'general',
  role,
  messages: [
    { author: bob, text: 'The release is on Thursday', pinned: { by: bob } },
    { author: alice, text: 'Lunch at noon?' },
    { author: bob, text: '<img src=x onerror="window.injected=1">release notes <b>bold</b>' },
    ...extra,
  ],
});

async function windowFor(f: FixtureClient, channel: string, height = 480) {
  const win = await fixture<ChatWindowElement>(
    html`<chat-window style=${`height: ${height}px; display: flex`} .client=${f.client} channel=${f.channelId(channel)}></chat-window>`,
  );
  await until(() => messageRows(win).length, 'the messages');
  return win;
}

/** Elements matching `selector` inside the shadow roots of the `host` elements in `root`. */
const inside = <T extends Element = HTMLElement>(root: Element, host: string, selector: string): T[] =>
  deepQueryAll(root, host).flatMap((h) => deepQueryAll<T>(h.shadowRoot!, selector));
const input = (root: Element) => inside<HTMLInputElement>(root, 'chat-search', 'input')[0]!;
const options = (root: Element) => inside(root, 'chat-search', '[role="option"]');
const statusText = (root: Element) =>
  inside(root, 'chat-search', '[role="status"]')
    .map((s) => s.textContent?.trim())
    .join('');
const focusedMessageId = () => {
  const active = deepActiveElement();
  const host = (active?.getRootNode() as ShadowRoot | undefined)?.host as ChatMessageElement | undefined;
  return host?.localName === 'chat-message' ? host.message?.id : undefined;
};

async function searchFor(root: Element, q: string) {
  input(root).focus();
  await type(q);
  await press('Enter');
  await until(() => /found|No messages/.test(statusText(root)), 'the search to answer');
}

describe('<chat-window> search', () => {
  it('finds messages with their matches marked as text, moves with the arrows and jumps with Enter', async () => {
    const f = make({ channels: [general()] });
    const win = await windowFor(f, 'general');
    getByRole(win, 'button', 'Search').click();
    await until(() => deepActiveElement() === input(win), 'focus in the search box');
    await searchFor(win, 'release');
    expect(statusText(win)).to.equal('2 messages found');
    const hits = options(win);
    expect(hits).to.have.length(2);
    const marks = inside(win, 'chat-search', 'mark').map((m) => m.textContent);
    expect(marks).to.deep.equal(['release', 'release']);
    expect(hits[0]!.textContent).to.contain('<img src=x onerror="window.injected=1">');
    expect(inside(win, 'chat-search', 'img, b')).to.have.length(0, 'no markup from a snippet');
    expect((window as { injected?: number }).injected).to.equal(undefined);
    await expectAccessible(win, 'the window with search results');

    await press('ArrowDown');
    await press('ArrowDown');
    expect(input(win).getAttribute('aria-activedescendant')).to.equal('hit-1');
    await press('ArrowUp');
    expect(input(win).getAttribute('aria-activedescendant')).to.equal('hit-0');
    const target = f.client.channel(f.channelId('general')).$messages.get()[2]!;
    await press('Enter');
    await until(() => focusedMessageId() === target.id, 'the newest hit focused in the list');
    expect(options(win)).to.have.length(0, 'the hits closed');
    const row = messageRows(win).find((r) => r.message?.id === target.id)!;
    expect(row.highlighted).to.equal(true);
  });

  it('Escape closes the hits, then clears the box, then closes the search with focus on its button', async () => {
    const f = make({ channels: [general()] });
    const win = await windowFor(f, 'general');
    getByRole(win, 'button', 'Search').click();
    await until(() => deepActiveElement() === input(win), 'focus in the search box');
    await searchFor(win, 'lunch');
    expect(options(win)).to.have.length(1);
    await press('Escape');
    expect(options(win)).to.have.length(0);
    expect(input(win).value).to.equal('lunch');
    await press('Escape');
    expect(input(win).value).to.equal('');
    await press('Escape');
    await until(() => deepQueryAll(win, 'chat-search').length === 0, 'the search closed');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Search');
  });

  it('says when nothing matched, when the search failed (with Retry), and loads more with the cursor', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ author: bob, text: `kumquat number ${i + 1}` }));
    const f = make({ channels: [general('member', many)] });
    const win = await windowFor(f, 'general');
    getByRole(win, 'button', 'Search').click();
    await until(() => deepActiveElement() === input(win), 'focus in the search box');
    await searchFor(win, 'nothing-like-this');
    expect(statusText(win)).to.equal('No messages found.');
    input(win).value = '';
    await searchFor(win, 'kumquat');
    expect(options(win)).to.have.length(20);
    expect(statusText(win)).to.contain('more');
    getByRole(win, 'button', 'Load more').click();
    await until(() => options(win).length === 25, 'the second page');
    expect(byRole(win, 'button', 'Load more')).to.have.length(0);
    expect(options(win)[0]!.textContent).to.contain('kumquat number 25', 'newest first');

    f.setSearch('error');
    input(win).value = '';
    await searchFor(win, 'kumquat').catch(() => {});
    await until(() => statusText(win) === 'Search failed.', 'the failure');
    await expectAccessible(win, 'a failed search');
    f.setSearch('results');
    getByRole(win, 'button', 'Retry').click();
    await until(() => options(win).length === 20, 'the retried search');
  });

  it('jumps far back in a 3,000-message channel, then scrolls both ways from there', async () => {
    const history = Array.from({ length: 3000 }, (_, i) => ({
      author: i % 2 ? bob : alice,
      text: i === 199 ? 'the needle in the haystack' : `message ${i + 1}`,
    }));
    const f = make({ channels: [{ name: 'archive', paged: true, messages: history }] });
    const win = await windowFor(f, 'archive', 420);
    const room = f.client.channel(f.channelId('archive'));
    getByRole(win, 'button', 'Search').click();
    await until(() => deepActiveElement() === input(win), 'focus in the search box');
    await searchFor(win, 'needle');
    await press('ArrowDown');
    await press('Enter');
    await until(
      () =>
        focusedMessageId() !== undefined && focusedMessageId() === room.$messages.get().find((m) => m.seq === 200)?.id,
      'message 200 focused',
    );
    expect(room.$hasOlder.get()).to.equal(true);
    expect(room.$hasNewer.get()).to.equal(true);

    const log = getByRole(win, 'log');
    const firstSeq = () => room.$messages.get()[0]!.seq;
    const lastSeq = () => room.$messages.get().at(-1)!.seq;
    const oldest = firstSeq();
    const newest = lastSeq();
    for (let i = 0; i < 40 && firstSeq() >= oldest; i++) {
      log.scrollTop = 0;
      await frames(4);
    }
    await until(() => firstSeq() < oldest, 'older messages loaded above');
    for (let i = 0; i < 80 && lastSeq() <= newest; i++) {
      log.scrollTop = log.scrollHeight;
      await frames(4);
    }
    await until(() => lastSeq() > newest, 'newer messages loaded below');
    const seqs = room.$messages.get().map((m) => m.seq);
    expect(seqs).to.deep.equal(
      [...seqs].sort((a, b) => a - b),
      'one contiguous, ordered window',
    );
    expect(new Set(seqs).size).to.equal(seqs.length);
  });
});

describe('<chat-room> search across channels', () => {
  it('opens the hit in its channel, anchored and focused', async () => {
    const f = make({
      channels: [
        general(),
        {
          name: 'design',
          messages: [
            { author: bob, text: 'Colour tokens landed' },
            { author: alice, text: 'ok' },
          ],
        },
      ],
    });
    const room = await fixture<ChatRoomElement>(
      html`<chat-room style="height: 520px" .client=${f.client}></chat-room>`,
    );
    await until(() => messageRows(room).length, 'the messages');
    const box = inside<HTMLInputElement>(room, 'chat-search', 'input').find(
      (i) => i.getAttribute('aria-label') === 'Search all channels',
    )!;
    box.focus();
    await type('tokens');
    await press('Enter');
    await until(() => options(room).length === 1, 'one hit');
    expect(options(room)[0]!.textContent).to.contain('# design');
    await press('ArrowDown');
    await press('Enter');
    const target = `${f.channelId('design')}-m1`;
    await until(() => room.channel === f.channelId('design'), 'the channel selected');
    await until(() => focusedMessageId() === target, 'the message focused');
  });
});

describe('<chat-window> pins', () => {
  it('lists the pins with a count; a moderator unpins; Escape closes with focus back on the button', async () => {
    const f = make({ channels: [general('moderator')] });
    const win = await windowFor(f, 'general');
    await until(() => byRole(win, 'button', 'Pinned (1)').length === 1, 'the pin count');
    getByRole(win, 'button', 'Pinned (1)').click();
    await until(() => byRole(win, 'button', /^Unpin/).length === 1, 'the pins panel');
    const panel = deepQueryAll(win, 'chat-pins')[0]!;
    expect(panel.shadowRoot!.textContent).to.contain('The release is on Thursday');
    await expectAccessible(win, 'the pins panel');
    getByRole(win, 'button', 'Unpin the message by Bob Okafor').click();
    await until(() => panel.shadowRoot!.textContent?.includes('No pinned messages.'), 'the empty panel');
    await until(() => byRole(win, 'button', 'Pinned (0)').length === 1, 'the count follows');
    (panel.shadowRoot!.querySelector('[part="close"]') as HTMLElement).focus();
    await press('Escape');
    await until(() => deepQueryAll(win, 'chat-pins').length === 0, 'the panel closed');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Pinned (0)');
  });

  it('a member sees no Unpin; choosing a pin jumps to it', async () => {
    const f = make({ channels: [general('member')] });
    const win = await windowFor(f, 'general');
    await until(() => byRole(win, 'button', 'Pinned (1)').length === 1, 'the pin count');
    getByRole(win, 'button', 'Pinned (1)').click();
    await until(() => inside(win, 'chat-pins', '[part="open"]').length === 1, 'the pins panel');
    expect(byRole(win, 'button', /^Unpin/)).to.have.length(0);
    await until(() => deepActiveElement()?.getAttribute('part') === 'open', 'focus on the pin');
    await press('Enter');
    await until(() => focusedMessageId() === `${f.channelId('general')}-m1`, 'the pinned message focused');
    expect(deepQueryAll(win, 'chat-pins')).to.have.length(0, 'the panel closed');
  });

  it('fits a 390px wide window', async () => {
    const f = make({ channels: [general('moderator')] });
    const win = await windowFor(f, 'general');
    win.style.width = '390px';
    getByRole(win, 'button', 'Search').click();
    await until(() => inside(win, 'chat-search', 'input').length === 1, 'the search');
    await searchFor(win, 'release');
    await steady(() => win.scrollWidth, 'the layout');
    expect(win.scrollWidth).to.be.at.most(390);
    const results = inside(win, 'chat-search', '[part="results"]')[0]!;
    expect(results.getBoundingClientRect().right).to.be.at.most(win.getBoundingClientRect().right + 1);
  });
});
