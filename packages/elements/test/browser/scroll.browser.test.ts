import type { LocalMessage } from '@confab/core';
import { expect, fixture, html } from '@open-wc/testing';
import { atom } from 'nanostores';
import '../../src/chat-message-list/chat-message-list.js';
import '../../src/chat-window/chat-window.js';
import type { ChatMessageElement } from '../../src/chat-message/chat-message.component.js';
import type { ChatMessageListElement, MessageFeed } from '../../src/chat-message-list/chat-message-list.component.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { bodyText, byRole, getByRole } from './support/dom.js';
import { describe, it } from './support/mocha.js';
import { createChannel, postMany, postMessage, registerUser } from './support/rest.js';
import { frames, steady, until } from './support/wait.js';

/** The rows a list has in its DOM right now. */
const rowsOf = (list: ChatMessageListElement) => [...list.shadowRoot!.querySelectorAll('chat-message')];

/** The first row at least partly inside the scrolling log. */
function firstVisibleRow(log: HTMLElement, list: ChatMessageListElement): ChatMessageElement {
  const top = log.getBoundingClientRect().top;
  const row = rowsOf(list).find((r) => r.getBoundingClientRect().bottom > top + 1);
  if (!row) throw new Error('no message row is visible');
  return row;
}

/** Scrolls up the way a reader does, a screen at a time, stopping just short of the top. */
async function scrollUpNearTop(log: HTMLElement): Promise<void> {
  while (log.scrollTop > 200) {
    log.scrollTop = Math.max(150, log.scrollTop - log.clientHeight);
    await frames(2);
  }
}

/** Message `i` of a history whose rows differ in height: one line, a paragraph, a list, a code block. */
function lines(i: number): string {
  if (i % 4 === 1) return `line ${i}: ${'words that wrap across the width of the log, '.repeat(5)}`;
  if (i % 4 === 2) return `line ${i}\n- first\n- second\n- third`;
  if (i % 4 === 3) return `line ${i}\n\`\`\`\nlet n = ${i};\n\`\`\``;
  return `line ${i}`;
}

function synthetic(count: number): LocalMessage[] {
  const authors = ['ann', 'ben', 'cy'].map((name) => ({ id: `u-${name}`, username: name, displayName: name }));
  const start = Date.parse('2026-01-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i + 1}`,
    channelId: 'c1',
    seq: i + 1,
    clientMessageId: `cm${i + 1}`,
    author: authors[i % authors.length]!,
    body: { type: 'text' as const, text: i % 7 === 0 ? `message ${i + 1}\nwith a second line` : `message ${i + 1}` },
    parentId: null,
    replyCount: 0,
    lastReplyAt: null,
    reactions: [],
    createdAt: new Date(start + i * 60_000).toISOString(),
    editedAt: null,
    deletedAt: null,
  }));
}

describe('scrolling', () => {
  it('keeps the first visible message in place while older pages load above it', async () => {
    const authors = await Promise.all(['ann', 'ben', 'cy', 'dee'].map((name) => registerUser(name)));
    const channel = await createChannel(authors[0]!, authors.slice(1));
    await postMany(authors, channel.id, 200, 'history');
    const client = makeClient({ token: authors[0]!.token });
    const { data } = await client.api.GET('/api/v1/channels/{channelId}/messages', {
      params: { path: { channelId: channel.id }, query: { limit: 1 } },
    });
    await client.api.PUT('/api/v1/channels/{channelId}/read', {
      params: { path: { channelId: channel.id } },
      body: { seq: data!.headSeq },
    }); // all read: the window opens at the newest message
    const box = await fixture<HTMLElement>(
      html`<div style="height: 480px; width: 640px"><chat-window .client=${client} channel=${channel.id}></chat-window></div>`,
    );
    const win = box.querySelector('chat-window') as ChatWindowElement;
    const room = client.channel(channel.id);
    await until(() => room.$messages.get().length === 50, 'the newest page');
    const list = win.shadowRoot!.querySelector('chat-message-list')!;
    const log = getByRole(win, 'log');
    await until(() => rowsOf(list).some((r) => bodyText(r) === 'history 200'), 'the newest message');
    await steady(() => log.scrollTop, 'the log at the bottom');

    for (let loaded = 50; room.$hasOlder.get(); ) {
      await scrollUpNearTop(log);
      log.scrollTop = 0;
      const anchor = firstVisibleRow(log, list);
      const id = anchor.message!.id;
      const before = anchor.getBoundingClientRect().top;

      await until(() => room.$messages.get().length > loaded && !room.$loading.get(), 'an older page');
      loaded = room.$messages.get().length;
      const rowOf = () => rowsOf(list).find((r) => r.message?.id === id);
      const after = await steady(() => rowOf()?.getBoundingClientRect().top, `the position of ${bodyText(anchor)}`);
      expect(after, `"${bodyText(anchor)}" stays put after loading up to ${loaded} (was ${before}px)`).to.be.closeTo(
        before,
        2,
      );
    }
    expect(room.$messages.get().length).to.equal(200);
  });

  it('holds the first visible message to the pixel on every frame while older pages load', async () => {
    const authors = await Promise.all(['ann', 'ben', 'cy', 'dee'].map((name) => registerUser(name)));
    const channel = await createChannel(authors[0]!, authors.slice(1));
    await Promise.all(
      authors.map(async (author, a) => {
        for (let i = a + 1; i <= 160; i += authors.length) await postMessage(author, channel.id, lines(i));
      }),
    );
    const client = makeClient({ token: authors[0]!.token });
    const room = client.channel(channel.id);
    const box = await fixture<HTMLElement>(
      html`<div style="height: 480px; width: 560px; display: flex; flex-direction: column">
        <chat-message-list style="flex: 1" label="Lines" .feed=${room} .me=${authors[0]!.user.id}></chat-message-list>
      </div>`,
    );
    const list = box.querySelector('chat-message-list')!;
    const log = getByRole(list, 'log');
    await until(() => rowsOf(list).some((r) => bodyText(r).startsWith('line 160')), 'the newest message');
    await steady(() => log.scrollTop, 'the log at the bottom');

    while (room.$hasOlder.get()) {
      await scrollUpNearTop(log);
      await steady(() => log.scrollTop, 'the log near the top');
      log.scrollTop = 0; // the reader reaches the top: the next older page loads
      const anchor = firstVisibleRow(log, list);
      const id = anchor.message!.id;
      const offset = () => {
        const row = rowsOf(list).find((r) => r.message?.id === id);
        return row ? row.getBoundingClientRect().top - log.getBoundingClientRect().top : Number.NaN;
      };
      const before = offset();
      const loaded = room.$messages.get().length;
      const samples: number[] = [];
      let sampling = true;
      const sample = () => {
        samples.push(offset());
        if (sampling) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
      await until(() => room.$messages.get().length > loaded && !room.$loading.get(), 'an older page');
      await steady(offset, `the position of ${bodyText(anchor)}`);
      sampling = false;
      const moved = samples.filter((top) => !(Math.abs(top - before) <= 1));
      expect(samples.length, 'frames sampled').to.be.above(10);
      expect(
        moved,
        `"${bodyText(anchor)}" at ${before}px moved in some frames while ${room.$messages.get().length} loaded`,
      ).to.deep.equal([]);
    }
    expect(byRole(list, 'status', 'This is the beginning of the channel.')).to.have.length(1);
  });

  it('keeps the DOM small with 10,000 messages, wherever the reader scrolls', async () => {
    const messages = synthetic(10_000);
    const feed: MessageFeed = {
      $messages: atom(messages),
      $hasOlder: atom(false),
      $loading: atom(false),
      loadOlder: async () => false,
    };
    const box = await fixture<HTMLElement>(
      html`<div style="height: 480px; display: flex; flex-direction: column"></div>`,
    );
    const list = document.createElement('chat-message-list');
    list.style.flex = '1';
    box.append(list);
    let most = 0;
    const count = new MutationObserver(() => {
      most = Math.max(most, rowsOf(list).length);
    });
    count.observe(list.shadowRoot!, { childList: true, subtree: true });
    list.feed = feed;
    await list.updateComplete;
    const log = getByRole(list, 'log');
    const shown = () => rowsOf(list).map((r) => r.message!.seq);

    await until(() => shown().includes(10_000), 'the newest message');
    await steady(() => log.scrollTop, 'the log at the bottom');
    expect(rowsOf(list).length, 'rows at the bottom').to.be.within(1, 99);

    log.scrollTop = log.scrollHeight / 2;
    await steady(() => shown().join(), 'the rows in the middle');
    expect(rowsOf(list).length, 'rows in the middle').to.be.within(1, 99);
    expect(Math.min(...shown())).to.be.within(3_000, 7_000);

    log.scrollTop = 0;
    await steady(() => shown().join(), 'the rows at the top');
    expect(shown()).to.include(1);
    expect(rowsOf(list).length, 'rows at the top').to.be.within(1, 99);
    count.disconnect();
    expect(most, 'the most rows ever in the DOM').to.be.below(100);
  });
});
