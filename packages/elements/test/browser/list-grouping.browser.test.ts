import type { LocalMessage } from '@confab/core';
import { expect, fixture, html } from '@open-wc/testing';
import { atom } from 'nanostores';
import '../../src/chat-message-list/chat-message-list.js';
import type { ChatMessageElement } from '../../src/chat-message/chat-message.component.js';
import type { MessageFeed } from '../../src/chat-message-list/chat-message-list.component.js';
import { expectAccessible } from './support/axe.js';
import './support/benign-errors.js';
import { accessibleName, bodyText, byRole, messageRows } from './support/dom.js';
import { localMessage } from './support/messages.js';
import { describe, it } from './support/mocha.js';
import { until } from './support/wait.js';

const MINUTE = 60_000;
const startOfToday = new Date(new Date().setHours(0, 0, 0, 0)).getTime();
const threeDaysAgo = startOfToday - 3 * 24 * 60 * MINUTE + 10 * 60 * MINUTE;
const yesterday = startOfToday - 12 * 60 * MINUTE;
const today = startOfToday + 60 * MINUTE;
const picture = `${location.origin}/packages/server/public/favicon.svg`;

const ann = { id: 'u-ann', username: 'ann', displayName: 'Ann Lee', avatarUrl: picture };
const ben = { id: 'u-ben', username: 'ben', displayName: 'Ben' };

/** A history over three days: bursts by one author, a pause, another author, a thread, unread messages. */
function history(): LocalMessage[] {
  const at = (ms: number) => new Date(ms).toISOString();
  const rows: [typeof ann | typeof ben, number, Partial<LocalMessage>?][] = [
    [ann, threeDaysAgo],
    [ann, threeDaysAgo + 2 * MINUTE], // grouped: same author, two minutes later
    [ben, threeDaysAgo + 3 * MINUTE], // another author
    [ben, threeDaysAgo + 9 * MINUTE], // six minutes later: a new group
    [ann, yesterday], // another day
    [ben, today],
    [ben, today + 2 * MINUTE],
    [ann, today + 3 * MINUTE], // the first unread
    [ann, today + 4 * MINUTE],
    [ann, today + 5 * MINUTE, { replyCount: 2, lastReplyAt: at(today + 6 * MINUTE) }],
    [ann, today + 6 * MINUTE], // after a thread: a new group
  ];
  return rows.map(([author, time, extra], i) =>
    localMessage({
      id: `m${i + 1}`,
      seq: i + 1,
      clientMessageId: `c${i + 1}`,
      author,
      body: { type: 'text', text: `message ${i + 1}` },
      createdAt: at(time),
      ...extra,
    }),
  );
}

const feedOf = (messages: LocalMessage[]): MessageFeed => ({
  $messages: atom(messages),
  $hasOlder: atom(false),
  $loading: atom(false),
  loadOlder: async () => false,
});

async function listIn(theme: 'light' | 'dark', lang = 'de') {
  const main = await fixture<HTMLElement>(
    html`<main lang=${lang} style="color-scheme: ${theme}; background: Canvas; padding: 8px">
      <chat-message-list style="height: 900px; display: flex" theme=${theme} label="History" .feed=${feedOf(history())} .me=${'u-cy'} .unreadAfterSeq=${7}></chat-message-list>
    </main>`,
  );
  const list = main.querySelector('chat-message-list')!;
  await until(() => messageRows(list).length === 11, 'all the rows');
  return list;
}

describe('<chat-message-list> grouping, day separators and the New divider', () => {
  it('groups an author’s messages within five minutes and separates days, in the page’s language', async () => {
    const list = await listIn('light');
    const rows = messageRows(list);
    expect(rows.map((r) => bodyText(r))).to.deep.equal(history().map((m) => (m.body as { text: string }).text));
    expect(rows.map((r) => r.continued)).to.deep.equal([
      false,
      true,
      false,
      false,
      false,
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
    const then = new Date(threeDaysAgo);
    const options: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric' };
    if (then.getFullYear() !== new Date().getFullYear()) options.year = 'numeric';
    const separators = byRole(list, 'separator').map((s) => accessibleName(s));
    expect(separators).to.deep.equal([
      new Intl.DateTimeFormat('de', options).format(then),
      'Yesterday',
      'Today',
      'New messages',
    ]);
    const divider = byRole(list, 'separator', 'New messages')[0]!;
    const firstUnread = rows[7]!;
    expect(divider.getBoundingClientRect().bottom, 'the divider sits right above the first unread').to.be.closeTo(
      firstUnread.getBoundingClientRect().top,
      12,
    );
    // A grouped message shows no name or avatar, only its time, and only on hover or focus.
    const grouped = rows[1]!;
    expect(grouped.shadowRoot!.querySelector('[part="author"], [part="avatar"]')).to.equal(null);
    const time = grouped.shadowRoot!.querySelector<HTMLElement>('[part="time"]')!;
    expect(getComputedStyle(time).visibility).to.equal('hidden');
    grouped.focus();
    expect(getComputedStyle(time).visibility).to.equal('visible');
    expect(accessibleName(grouped.shadowRoot!.querySelector('article')!), 'its name still says who').to.match(
      /^Ann Lee, /,
    );
  });

  it('shows the author’s picture, or initials on a colour of their own, hidden from assistive technology', async () => {
    const list = await listIn('light');
    const rows = messageRows(list);
    const avatar = (row: ChatMessageElement) => row.shadowRoot!.querySelector<HTMLElement>('[part="avatar"]')!;
    const picture0 = avatar(rows[0]!) as HTMLImageElement;
    expect(picture0.localName).to.equal('img');
    expect(picture0.getAttribute('alt'), 'decorative: the name is beside it').to.equal('');
    expect(picture0.src).to.equal(picture);
    await until(() => picture0.complete && picture0.naturalWidth > 0, 'the picture to load');

    const initials = avatar(rows[2]!);
    expect(initials.dataset.initials).to.equal('B');
    expect(initials.getAttribute('aria-hidden')).to.equal('true');
    const colour = getComputedStyle(initials).backgroundColor;
    expect(getComputedStyle(avatar(rows[3]!)).backgroundColor, 'the same colour for the same person').to.equal(colour);
    expect(colour).to.not.equal('rgba(0, 0, 0, 0)');

    const broken = document.createElement('chat-message');
    broken.message = localMessage({ author: { ...ann, avatarUrl: `${location.origin}/no-such-picture.png` } });
    list.after(broken);
    await until(() => avatar(broken)?.dataset.initials === 'AL', 'initials when the picture fails to load');
    broken.remove();
  });

  it('gives message bodies their own direction', async () => {
    const list = await listIn('light');
    const body = messageRows(list)[0]!.shadowRoot!.querySelector('[part="body"]')!;
    expect(body.getAttribute('dir')).to.equal('auto');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations with separators, the divider, grouping and avatars (${theme})`, async () => {
      const list = await listIn(theme, 'en');
      await expectAccessible(list, `<chat-message-list theme="${theme}"> grouped`);
    });
  }
});
