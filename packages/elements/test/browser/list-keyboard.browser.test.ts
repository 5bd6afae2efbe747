import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-message-list/chat-message-list.js';
import '../../src/chat-window/chat-window.js';
import type { ChatMessageElement } from '../../src/chat-message/chat-message.component.js';
import type { ChatMessageListElement } from '../../src/chat-message-list/chat-message-list.component.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { accessibleName, bodyText, deepActiveElement, getByRole, messageRows } from './support/dom.js';
import { press, shiftTab } from './support/keyboard.js';
import { describe, it } from './support/mocha.js';
import { createChannel, postMessage, type RestUser, registerUser } from './support/rest.js';
import { steady, until } from './support/wait.js';

/** The message whose article has focus, if any. */
function focusedMessage(): ChatMessageElement | undefined {
  const active = deepActiveElement();
  if (active?.localName !== 'article') return undefined;
  return (active.getRootNode() as ShadowRoot).host as ChatMessageElement;
}

const focusedText = () => {
  const row = focusedMessage();
  return row ? bodyText(row) : `(focus on ${deepActiveElement()?.localName ?? 'nothing'})`;
};

/** Whether a row is entirely inside the log's viewport. */
function inView(log: HTMLElement, row: Element): boolean {
  const l = log.getBoundingClientRect();
  const r = row.getBoundingClientRect();
  return r.top >= l.top - 1 && r.bottom <= l.bottom + 1;
}

/** A channel holding `key 1` … `key count`, in that order (posted one after another, three authors taking turns). */
async function authorsWithChannel(count: number): Promise<{ authors: RestUser[]; channel: string }> {
  const authors = await Promise.all(['ann', 'ben', 'cy'].map((name) => registerUser(name)));
  const channel = await createChannel(authors[0]!, authors.slice(1));
  for (let i = 1; i <= count; i++) await postMessage(authors[i % 3]!, channel.id, `key ${i}`);
  return { authors, channel: channel.id };
}

describe('<chat-message-list> from the keyboard', () => {
  it('is one tab stop between the composer and the rest, with arrows between messages', async () => {
    const { authors, channel } = await authorsWithChannel(40);
    const client = makeClient({ token: authors[0]!.token });
    const { data } = await client.api.GET('/api/v1/channels/{channelId}/messages', {
      params: { path: { channelId: channel }, query: { limit: 1 } },
    });
    await client.api.PUT('/api/v1/channels/{channelId}/read', {
      params: { path: { channelId: channel } },
      body: { seq: data!.headSeq },
    }); // read: the window opens at the bottom
    const win = await fixture<HTMLElement>(
      html`<chat-window style="height: 520px; width: 640px" .client=${client} channel=${channel}></chat-window>`,
    );
    const list = win.shadowRoot!.querySelector('chat-message-list')!;
    const log = getByRole(list, 'log');
    await until(() => messageRows(list).some((r) => bodyText(r) === 'key 40'), 'the newest message');
    await steady(() => log.scrollTop, 'the log at the bottom');

    getByRole<HTMLTextAreaElement>(win, 'textbox', 'Message').focus();
    await shiftTab();
    expect(focusedText(), 'one Shift+Tab from the composer reaches the newest message').to.equal('key 40');

    await press('ArrowUp');
    expect(focusedText()).to.equal('key 39');
    await press('ArrowUp');
    await press('ArrowDown');
    expect(focusedText()).to.equal('key 39');
    await press('PageUp');
    await until(() => focusedText() !== 'key 39', 'PageUp to move focus');
    const paged = Number(focusedText().split(' ')[1]);
    expect(paged, 'PageUp moves a screenful').to.be.within(25, 37);
    expect(inView(log, focusedMessage()!), 'the focused message is in view').to.equal(true);
    await press('Home');
    await until(() => focusedText() === 'key 1', 'Home to reach the first message');
    expect(inView(log, focusedMessage()!)).to.equal(true);
    await press('End');
    await until(() => focusedText() === 'key 40', 'End to reach the newest message');
    await steady(() => log.scrollTop, 'the log');
    expect(log.scrollHeight - log.scrollTop - log.clientHeight, 'End lands at the bottom').to.be.closeTo(0, 1);

    // Only the focused message is in the tab order; Tab goes through its controls and on to the composer.
    const stops = [...list.shadowRoot!.querySelectorAll('chat-message')].filter(
      (row) => row.shadowRoot!.querySelector('article')!.tabIndex === 0,
    );
    expect(stops.map((row) => bodyText(row))).to.deep.equal(['key 40']);
    const visited: string[] = [];
    for (let i = 0; i < 8 && accessibleName(deepActiveElement()!) !== 'Message'; i++) {
      await press('Tab');
      visited.push(accessibleName(deepActiveElement()!));
    }
    expect(visited.at(-1), `Tab reaches the composer (through ${visited.join(', ')})`).to.equal('Message');
    expect(visited.length).to.be.at.most(6);
  });

  it('counts every arrow pressed while an older page is loading', async () => {
    const { authors, channel } = await authorsWithChannel(60);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holdOlderPages: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/messages?') && url.includes('before=')) await held;
      return fetch(input, init);
    };
    const room = makeClient({ token: authors[0]!.token, fetch: holdOlderPages }).channel(channel);
    const box = await fixture<HTMLElement>(
      html`<div style="height: 480px; display: flex; flex-direction: column">
        <chat-message-list style="flex: 1" label="Keys" .feed=${room} .me=${authors[0]!.user.id}></chat-message-list>
      </div>`,
    );
    const list = box.querySelector('chat-message-list') as ChatMessageListElement;
    await until(() => messageRows(list).some((r) => bodyText(r) === 'key 60'), 'the newest message');
    const first = room.$messages.get()[0]?.body;
    const oldest = first?.type === 'text' ? Number(first.text.split(' ')[1]) : 0;
    expect(oldest, 'the first page leaves older messages to load').to.be.above(3);

    messageRows(list)
      .find((r) => bodyText(r) === 'key 60')!
      .focus();
    await press('Home');
    await until(() => focusedText() === `key ${oldest}`, 'the first loaded message');
    for (let i = 0; i < 3; i++) await press('ArrowUp');
    expect(focusedText(), 'focus waits while the older page is held').to.equal(`key ${oldest}`);
    release();
    await until(() => focusedText() === `key ${oldest - 3}`, 'three messages up once the page is in');
  });

  it('keeps focus on its message while windowing, and End loads the newest page', async () => {
    const { authors, channel } = await authorsWithChannel(260);
    const client = makeClient({ token: authors[0]!.token, windowSize: 100 });
    const room = client.channel(channel);
    const box = await fixture<HTMLElement>(
      html`<div style="height: 480px; display: flex; flex-direction: column">
        <chat-message-list style="flex: 1" label="Keys" .feed=${room} .me=${authors[0]!.user.id}></chat-message-list>
      </div>`,
    );
    const list = box.querySelector('chat-message-list') as ChatMessageListElement;
    const log = getByRole(list, 'log');
    await until(() => messageRows(list).some((r) => bodyText(r) === 'key 260'), 'the newest message');

    messageRows(list)
      .find((r) => bodyText(r) === 'key 260')!
      .focus();
    for (let i = 0; i < 60; i++) await press('ArrowUp');
    await until(() => focusedText() === 'key 200', 'sixty messages up');
    expect(inView(log, focusedMessage()!)).to.equal(true);
    expect(messageRows(list).length, 'rows in the DOM').to.be.below(100);

    // Scrolled far away by other means, the focused message leaves the DOM; focus waits and comes back.
    log.scrollTop = log.scrollHeight;
    await until(() => !messageRows(list).some((r) => bodyText(r) === 'key 200'), 'the focused row out of the DOM');
    expect(deepActiveElement() === log, 'focus waits on the log').to.equal(true);
    await press('ArrowDown');
    await until(() => focusedText() === 'key 201', 'ArrowDown from where focus was');

    // Home, again and again, goes back to the very first message, loading older pages on the way.
    for (let guard = 0; focusedText() !== 'key 1'; guard++) {
      expect(guard, 'Home presses').to.be.below(20);
      await press('Home');
      await until(() => !room.$loading.get(), 'the older page');
    }
    expect(room.$hasOlder.get()).to.equal(false);
    expect(room.$hasNewer.get(), 'the bounded window let go of the newest').to.equal(true);
    await press('End');
    await until(() => focusedText() === 'key 260', 'End to reach the newest message', 20_000);
    expect(room.$hasNewer.get()).to.equal(false);
    await steady(() => log.scrollTop, 'the log');
    expect(log.scrollHeight - log.scrollTop - log.clientHeight, 'at the bottom').to.be.closeTo(0, 1);
  });
});
