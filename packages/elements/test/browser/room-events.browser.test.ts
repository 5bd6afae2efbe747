import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/chat-room/chat-room.js';
import type { ChatRoomElement } from '../../src/chat-room/chat-room.component.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import { ChatMessageActionEvent } from '../../src/events/chat-message-action.js';
import { ChatThreadOpenEvent } from '../../src/events/chat-thread-open.js';
import './support/benign-errors.js';
import { byRole, getByRole, rowWithText } from './support/dom.js';
import { press, type } from './support/keyboard.js';
import { afterEach, describe, it } from './support/mocha.js';
import { baseUrl, createChannel, messagesWithText, postMessage, type RestUser, registerUser } from './support/rest.js';
import { frames, until } from './support/wait.js';

/** A `<chat-room>` signed in with `user`'s token on `channel`, showing `text` (a message in it). */
async function roomOn(user: RestUser, channel: string, text: string) {
  const room = await fixture<ChatRoomElement>(
    html`<chat-room style="height: 560px; width: 1100px" server=${baseUrl} token=${user.token} channel=${channel}></chat-room>`,
  );
  await until(() => room.client?.$connection.get() === 'open' && rowWithText(room, text), 'the room');
  return room;
}

const windowOf = (room: ChatRoomElement) => room.shadowRoot!.querySelector('chat-window') as ChatWindowElement;
const threadOf = (room: ChatRoomElement) => room.shadowRoot!.querySelector('chat-thread');

/** Asks for a message's thread as the message's own reply controls do. */
function askForThread(room: ChatRoomElement, text: string): void {
  const row = rowWithText(room, text)!;
  row.dispatchEvent(new ChatThreadOpenEvent(row.message!.channelId, row.message!.id));
}

let stopCancelling: (() => void) | undefined;
afterEach(() => stopCancelling?.());

/** Makes the page cancel every `type` event (as a page that handles it itself would), from the document. */
function pageCancels(type: string): void {
  const cancel = (e: Event) => e.preventDefault();
  document.addEventListener(type, cancel);
  stopCancelling = () => document.removeEventListener(type, cancel);
}

/** Lets a cancelled request's default action run if it wrongly would. */
const settle = async (room: ChatRoomElement) => {
  await frames(3);
  await room.updateComplete;
};

describe('a page cancels the elements’ request events', () => {
  it('chat-thread-open: the thread a message asks for does not open', async () => {
    const me = await registerUser('events');
    const channel = await createChannel(me);
    await postMessage(me, channel.id, 'Open my thread');
    const room = await roomOn(me, channel.id, 'Open my thread');
    pageCancels('chat-thread-open');
    const asked = oneEvent(document, 'chat-thread-open');
    askForThread(room, 'Open my thread');
    expect((await asked).defaultPrevented).to.equal(true);
    await settle(room);
    expect(byRole(room, 'heading', 'Thread'), 'no thread').to.have.length(0);
  });

  it('chat-thread-close: the thread stays open', async () => {
    const me = await registerUser('events');
    const channel = await createChannel(me);
    await postMessage(me, channel.id, 'Keep my thread');
    const room = await roomOn(me, channel.id, 'Keep my thread');
    askForThread(room, 'Keep my thread');
    await until(() => threadOf(room), 'the thread');
    pageCancels('chat-thread-close');
    const asked = oneEvent(document, 'chat-thread-close');
    getByRole(threadOf(room)!, 'button', 'Close thread').click();
    expect((await asked).defaultPrevented).to.equal(true);
    await settle(room);
    expect(byRole(room, 'heading', 'Thread'), 'the thread').to.have.length(1);
  });

  it('chat-channel-select: the room stays on its channel', async () => {
    const me = await registerUser('events');
    const here = await createChannel(me);
    const there = await createChannel(me);
    await postMessage(me, here.id, 'Stay here');
    const room = await roomOn(me, here.id, 'Stay here');
    await until(() => byRole(room, 'option', `# ${there.name}`).length, 'the other channel listed');
    pageCancels('chat-channel-select');
    const asked = oneEvent(document, 'chat-channel-select');
    getByRole(room, 'option', `# ${there.name}`).click();
    expect((await asked).defaultPrevented).to.equal(true);
    await settle(room);
    expect(byRole(windowOf(room), 'heading', `# ${here.name}`)).to.have.length(1);
    expect(getByRole(room, 'option', `# ${here.name}`).getAttribute('aria-selected')).to.equal('true');
  });

  it('chat-edit-last: ArrowUp in the empty composer opens no editor', async () => {
    const me = await registerUser('events');
    const channel = await createChannel(me);
    await postMessage(me, channel.id, 'Do not edit me');
    const room = await roomOn(me, channel.id, 'Do not edit me');
    pageCancels('chat-edit-last');
    windowOf(room).focus();
    const asked = oneEvent(document, 'chat-edit-last');
    await press('ArrowUp');
    expect((await asked).defaultPrevented).to.equal(true);
    await settle(room);
    expect(byRole(room, 'textbox', 'Edit')).to.have.length(0);
  });

  it('chat-message-action: the reaction a message asks for is not sent', async () => {
    const me = await registerUser('events');
    const channel = await createChannel(me);
    await postMessage(me, channel.id, 'Do not react');
    const room = await roomOn(me, channel.id, 'Do not react');
    pageCancels('chat-message-action');
    const row = rowWithText(room, 'Do not react')!;
    const asked = oneEvent(document, 'chat-message-action');
    row.dispatchEvent(new ChatMessageActionEvent(row.message!, { action: 'react', emoji: '👍' }));
    expect((await asked).defaultPrevented).to.equal(true);
    await settle(room);
    const [stored] = await messagesWithText(me, channel.id, 'Do not react');
    expect(stored?.reactions).to.deep.equal([]);
  });

  it('chat-message-send: the composer sends nothing', async () => {
    const me = await registerUser('events');
    const channel = await createChannel(me);
    await postMessage(me, channel.id, 'Before');
    const room = await roomOn(me, channel.id, 'Before');
    pageCancels('chat-message-send');
    windowOf(room).focus();
    await type('Sent by the page');
    const asked = oneEvent(document, 'chat-message-send');
    await press('Enter');
    expect((await asked).defaultPrevented).to.equal(true);
    await settle(room);
    expect(rowWithText(room, 'Sent by the page') === undefined, 'no echo').to.equal(true);
    expect(await messagesWithText(me, channel.id, 'Sent by the page')).to.have.length(0);
  });
});
