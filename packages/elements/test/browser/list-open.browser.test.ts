import type { ChannelRoom } from '@confab/core';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-message-list/chat-message-list.js';
import type { ChatMessageListElement } from '../../src/chat-message-list/chat-message-list.component.js';
import { loadForOpening } from '../../src/chat-message-list/rows.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { bodyText, byRole, getByRole, messageRows } from './support/dom.js';
import { describe, it } from './support/mocha.js';
import { createChannel, postMessage, type RestUser, registerUser } from './support/rest.js';
import { steady, until } from './support/wait.js';

/** Message texts of very different heights: one line, a paragraph, a list of lines, a code block. */
function text(i: number): string {
  switch (i % 5) {
    case 0:
      return `note ${i}`;
    case 1:
      return `note ${i}: ${'a longer thought that wraps over a few lines of the log. '.repeat(6)}`;
    case 2:
      return `note ${i}\n- one\n- two\n- three\n- four`;
    case 3:
      return `note ${i}\n\`\`\`\nconst x = ${i};\nconsole.log(x);\n\`\`\``;
    default:
      return `note ${i} ✓`;
  }
}

/** Posts `count` messages of varied heights, `first` … `first + count - 1`, from `authors` in parallel. */
async function postVaried(authors: RestUser[], channelId: string, first: number, count: number): Promise<void> {
  await Promise.all(
    authors.map(async (author, a) => {
      for (let i = first + a; i < first + count; i += authors.length) await postMessage(author, channelId, text(i));
    }),
  );
}

/** The row of message `note n`. */
const noteRow = (list: Element, n: number) =>
  messageRows(list).find((r) => new RegExp(`^note ${n}\\b`).test(bodyText(r)));

/** How far the log is from its very bottom, in pixels (0 = at the bottom). */
const gap = (log: HTMLElement) => log.scrollHeight - log.scrollTop - log.clientHeight;

/** A `<chat-message-list>` on `room` in a box the size of a chat pane. */
async function listOn(room: ChannelRoom, me: string, unreadAfterSeq?: number) {
  const box = await fixture<HTMLElement>(
    html`<div style="height: 480px; width: 560px; display: flex; flex-direction: column">
      <chat-message-list style="flex: 1" label="Notes" .feed=${room} .me=${me} .unreadAfterSeq=${unreadAfterSeq}></chat-message-list>
    </div>`,
  );
  const list = box.querySelector('chat-message-list') as ChatMessageListElement;
  return { list, log: getByRole(list, 'log') };
}

/** The visible part of a row inside the log, in pixels. */
function visibleHeight(log: HTMLElement, row: Element): number {
  const l = log.getBoundingClientRect();
  const r = row.getBoundingClientRect();
  return Math.min(l.bottom, r.bottom) - Math.max(l.top, r.top);
}

describe('<chat-message-list> opening a channel', () => {
  it('opens a long channel exactly at the bottom, the newest message in view', async () => {
    const authors = await Promise.all(['ann', 'ben', 'cy'].map((name) => registerUser(name)));
    const channel = await createChannel(authors[0]!, authors.slice(1));
    await postVaried(authors, channel.id, 1, 60);
    const client = makeClient({ token: authors[0]!.token });
    const { list, log } = await listOn(client.channel(channel.id), authors[0]!.user.id);

    const newest = () => noteRow(list, 60);
    await until(newest, 'the newest message');
    await steady(() => `${log.scrollTop}/${log.scrollHeight}`, 'the log');
    expect(gap(log), 'distance from the bottom').to.be.closeTo(0, 1);
    expect(visibleHeight(log, newest()!)).to.be.closeTo(newest()!.getBoundingClientRect().height, 1);
  });

  it('opens the next feed at its bottom too, when the list switches feeds', async () => {
    const authors = await Promise.all(['ann', 'ben', 'cy'].map((name) => registerUser(name)));
    const first = await createChannel(authors[0]!, authors.slice(1));
    const second = await createChannel(authors[0]!, authors.slice(1));
    await postVaried(authors, first.id, 1, 40);
    await postVaried(authors, second.id, 100, 45);
    const client = makeClient({ token: authors[0]!.token });
    const { list, log } = await listOn(client.channel(first.id), authors[0]!.user.id);
    await until(() => noteRow(list, 40), 'the first channel');
    log.scrollTop = 0;
    await steady(() => log.scrollTop, 'the first channel, scrolled up');

    list.feed = client.channel(second.id);
    await until(() => noteRow(list, 144), 'the second channel');
    await steady(() => `${log.scrollTop}/${log.scrollHeight}`, 'the log');
    expect(gap(log), 'distance from the bottom').to.be.closeTo(0, 1);
  });

  it('opens at the first unread message, under a "New" divider in view', async () => {
    const authors = await Promise.all(['ann', 'ben', 'cy'].map((name) => registerUser(name)));
    const channel = await createChannel(authors[0]!, authors.slice(1));
    await postVaried(authors, channel.id, 1, 30);
    const lastRead = await postMessage(authors[0]!, channel.id, 'read up to here');
    await postVaried(authors.slice(1), channel.id, 200, 30);
    const client = makeClient({ token: authors[0]!.token });
    const { list, log } = await listOn(client.channel(channel.id), authors[0]!.user.id, lastRead.seq);

    await until(() => byRole(list, 'separator', 'New messages').length, 'the New divider');
    await steady(() => `${log.scrollTop}/${log.scrollHeight}`, 'the log');
    const divider = getByRole(list, 'separator', 'New messages');
    const firstUnread = noteRow(list, 200)!;
    expect(visibleHeight(log, divider), 'the divider is in view').to.be.above(0);
    expect(visibleHeight(log, firstUnread), 'the first unread message is in view').to.be.above(20);
    expect(gap(log), 'not at the bottom: the unread messages fill more than a screen').to.be.above(100);
    expect(byRole(list, 'separator', 'New messages')).to.have.length(1);
  });

  it('seeks the first unread message only when it is a few pages back, else opens at the newest', async () => {
    const authors = await Promise.all(['ann', 'ben', 'cy', 'dee'].map((name) => registerUser(name)));
    const channel = await createChannel(authors[0]!, authors.slice(1));
    const lastRead = await postMessage(authors[0]!, channel.id, 'read up to here');
    await postVaried(authors.slice(1), channel.id, 1, 240); // 80 each: within a user's burst
    const room = makeClient({ token: authors[0]!.token, windowSize: 100 }).channel(channel.id);
    const stop = room.$messages.listen(() => {});
    try {
      await until(() => room.$messages.get().length, 'the newest page');
      const texts = () => room.$messages.get().map((m) => (m.body?.type === 'text' ? m.body.text : ''));
      await loadForOpening(room, lastRead.seq, 100, () => true);
      expect(room.$hasNewer.get(), 'too far back: the newest messages stay loaded').to.equal(false);
      expect(texts()).to.include.members([text(237), text(238), text(239), text(240)]);
      expect(texts(), 'too far back: not sought').not.to.include(text(1));

      await loadForOpening(room, lastRead.seq, 500, () => true);
      expect(texts(), 'near enough: the first unread message is loaded').to.include(text(1));
    } finally {
      stop();
    }
  });

  it('lands exactly at the bottom from the new-messages pill and from scrollToNewest()', async () => {
    const authors = await Promise.all(['ann', 'ben', 'cy'].map((name) => registerUser(name)));
    const channel = await createChannel(authors[0]!, authors.slice(1));
    await postVaried(authors, channel.id, 1, 45);
    const client = makeClient({ token: authors[0]!.token });
    const { list, log } = await listOn(client.channel(channel.id), authors[0]!.user.id);
    await until(() => noteRow(list, 45), 'the newest message');
    await steady(() => log.scrollTop, 'the log at the bottom');

    log.scrollTop -= 1500;
    await steady(() => log.scrollTop, 'the log, scrolled up');
    await postVaried(authors.slice(1), channel.id, 300, 12);
    await until(() => byRole(list, 'button', /12 new messages/).length, 'the pill counting 12 new messages');
    getByRole(list, 'button', /12 new messages/).click();
    await until(() => noteRow(list, 311), 'the newest message');
    await steady(() => `${log.scrollTop}/${log.scrollHeight}`, 'the log');
    expect(gap(log), 'distance from the bottom after the pill').to.be.closeTo(0, 1);

    log.scrollTop = 0;
    await steady(() => log.scrollTop, 'the log, at the top');
    await list.scrollToNewest();
    await steady(() => `${log.scrollTop}/${log.scrollHeight}`, 'the log');
    expect(gap(log), 'distance from the bottom after scrollToNewest()').to.be.closeTo(0, 1);
  });
});
