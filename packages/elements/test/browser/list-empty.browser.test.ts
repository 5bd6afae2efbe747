import { expect, fixture, html } from '@open-wc/testing';
import { atom } from 'nanostores';
import '../../src/chat-message-list/chat-message-list.js';
import type { ChatMessageListElement, MessageFeed } from '../../src/chat-message-list/chat-message-list.component.js';
import './support/benign-errors.js';
import { describe, it } from './support/mocha.js';
import { until } from './support/wait.js';

const emptyFeed = (): MessageFeed => ({
  $messages: atom([]),
  $hasOlder: atom(false),
  $loading: atom(false),
  loadOlder: async () => false,
});

/** The text an empty list shows of its own, as rendered (a slot's fallback only when it is shown). */
async function emptyText(list: ChatMessageListElement): Promise<string> {
  await list.updateComplete;
  return list.shadowRoot!.querySelector<HTMLElement>('.empty')?.innerText.trim() ?? '';
}

/**
 * A `<chat-message-list>` inside another element's shadow root, which forwards its own `empty` slot to
 * the list (as `<chat-window>` does), with `content` slotted into that element by the page, if any.
 */
async function forwarded(content?: HTMLElement) {
  const host = await fixture<HTMLElement>(html`<div></div>`);
  host.attachShadow({ mode: 'open' }).innerHTML =
    '<chat-message-list style="height: 200px"><slot name="empty" slot="empty"></slot></chat-message-list>';
  if (content) host.append(content);
  const list = host.shadowRoot!.querySelector('chat-message-list')!;
  list.feed = emptyFeed();
  return list;
}

describe('<chat-message-list> with no messages', () => {
  it('says "No messages yet" on its own', async () => {
    const list = await fixture<ChatMessageListElement>(
      html`<chat-message-list style="height: 200px" .feed=${emptyFeed()}></chat-message-list>`,
    );
    expect(await emptyText(list)).to.equal('No messages yet. Say hello!');
  });

  it('still says it when an enclosing element forwards an empty slot nobody filled', async () => {
    const list = await forwarded();
    expect(await emptyText(list)).to.equal('No messages yet. Say hello!');
  });

  it('shows what the page slots in instead, through the forwarded slot', async () => {
    const note = document.createElement('p');
    note.slot = 'empty';
    note.textContent = 'Be the first to post here.';
    const list = await forwarded(note);
    await list.updateComplete;
    expect(await emptyText(list), 'no built-in note beside the page’s').to.equal('');
    expect(note.checkVisibility(), 'the page’s note is shown').to.equal(true);
    const slot = list.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
    expect(slot.assignedNodes({ flatten: true })).to.deep.equal([note]);

    note.remove();
    await until(async () => (await emptyText(list)) === 'No messages yet. Say hello!', 'the built-in note back');
  });
});
