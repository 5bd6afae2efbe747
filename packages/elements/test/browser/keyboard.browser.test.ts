import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-room/chat-room.js';
import type { ChatRoomElement } from '../../src/chat-room/chat-room.component.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { accessibleName, byRole, deepActiveElement, focusedName, getByRole, rowWithText } from './support/dom.js';
import { press, tabTo, type } from './support/keyboard.js';
import { describe, it } from './support/mocha.js';
import { baseUrl, createChannel, messagesWithText, postMessage, type RestUser, registerUser } from './support/rest.js';
import { until } from './support/wait.js';

const isButton = (name: string) => (el: Element) => el.localName === 'button' && accessibleName(el) === name;
const isMessage = (el: Element) => el.localName === 'article';

/** A `<chat-room>` signed in with a host token (the user's access token), on `channel`. */
async function roomFor(user: RestUser, channel = '') {
  const room = await fixture<ChatRoomElement>(
    html`<chat-room style="height: 560px; width: 1100px" server=${baseUrl} token=${user.token} channel=${channel}></chat-room>`,
  );
  await until(() => room.client?.$connection.get() === 'open', 'the socket');
  return room;
}

/** The channel window of a room. */
const windowOf = (room: ChatRoomElement) => room.shadowRoot!.querySelector('chat-window')!;

describe('keyboard-only use of <chat-room>', () => {
  it('switches channel with ArrowDown and Enter in the channel listbox', async () => {
    const me = await registerUser('kbd');
    const first = await createChannel(me, []);
    const second = await createChannel(me, []);
    const room = await roomFor(me);
    await until(() => byRole(room, 'option').length === 2, 'both channels listed');
    const listbox = getByRole(room, 'listbox', 'Channels');
    const selected = () => byRole(listbox, 'option').find((o) => o.getAttribute('aria-selected') === 'true');
    await until(selected, 'a selected channel');
    const before = accessibleName(selected()!);

    await tabTo((el) => el.getAttribute('role') === 'option', 'the channel list');
    await press('ArrowDown');
    const focused = deepActiveElement()!;
    expect(focused.getAttribute('role')).to.equal('option');
    expect(accessibleName(focused)).to.not.equal(before);
    await press('Enter');

    const other = [first, second].find((c) => `# ${c.name}` !== before)!;
    await until(() => accessibleName(selected()!) === `# ${other.name}`, 'the other channel selected');
    await until(() => byRole(windowOf(room), 'heading', `# ${other.name}`).length, 'the window on the other channel');
  });

  it('opens a thread by tabbing to Reply and pressing Enter', async () => {
    const me = await registerUser('kbd');
    const friend = await registerUser('friend');
    const channel = await createChannel(me, [friend]);
    await postMessage(friend, channel.id, 'Ask me in a thread');
    const room = await roomFor(me, channel.id);
    await until(() => rowWithText(room, 'Ask me in a thread'), 'the message');

    windowOf(room).focus();
    expect(focusedName()).to.equal('Message');
    await tabTo(isMessage, 'the message (the list’s one tab stop)', { backwards: true });
    await tabTo(isButton('Reply'), 'the Reply control');
    await press('Enter');

    await until(() => room.shadowRoot!.querySelector('chat-thread'), 'the thread panel');
    const thread = room.shadowRoot!.querySelector('chat-thread')!;
    await until(() => rowWithText(thread, 'Ask me in a thread'), 'the parent message in the thread');
    expect(byRole(thread, 'heading', 'Thread')).to.have.length(1);
    expect(focusedName(), 'focus moves into the thread').to.equal('Close thread');

    await tabTo((el) => accessibleName(el) === 'Message', 'the thread composer');
    await type('Answered by keyboard');
    await press('Enter');
    await until(() => rowWithText(thread, 'Answered by keyboard'), 'the reply');
    await until(() => byRole(windowOf(room), 'button', '1 reply').length, 'the reply count');

    await press('Escape');
    await until(() => !room.shadowRoot!.querySelector('chat-thread'), 'the thread to close');
    const opener = rowWithText(room, 'Ask me in a thread')!;
    expect(opener.matches(':focus-within'), 'focus returns to the message (or its Reply control)').to.equal(true);
  });

  it('reacts with the React button and an emoji button', async () => {
    const me = await registerUser('kbd');
    const friend = await registerUser('friend');
    const channel = await createChannel(me, [friend]);
    await postMessage(friend, channel.id, 'React to me');
    const room = await roomFor(me, channel.id);
    await until(() => rowWithText(room, 'React to me'), 'the message');

    windowOf(room).focus();
    await tabTo(isMessage, 'the message (the list’s one tab stop)', { backwards: true });
    const react = await tabTo(isButton('Add reaction'), 'the React control');
    expect(react.getAttribute('aria-expanded')).to.equal('false');
    await press('Enter');
    await until(() => byRole(room, 'group', 'Add reaction').length, 'the emoji picker');
    expect(focusedName()).to.equal('React with 👍');
    await press('Escape');
    await until(() => !byRole(room, 'group', 'Add reaction').length, 'Escape to close the picker');
    expect(focusedName(), 'Escape returns focus to the React button').to.equal('Add reaction');
    await press('Enter');
    await until(() => byRole(room, 'group', 'Add reaction').length, 'the emoji picker again');
    await press('Tab');
    expect(focusedName()).to.equal('React with ❤️');
    await press('Enter');

    const row = rowWithText(room, 'React to me')!;
    await until(() => byRole(row, 'button', '❤️ 1, including you').length, 'the reaction');
    expect(focusedName(), 'focus returns to the React button').to.equal('Add reaction');
    expect(getByRole(row, 'button', '❤️ 1, including you').getAttribute('aria-pressed')).to.equal('true');
    const reader = makeClient({ token: friend.token });
    const { data } = await reader.api.GET('/api/v1/channels/{channelId}/messages', {
      params: { path: { channelId: channel.id } },
    });
    expect(data?.items[0]?.reactions.map((r) => [r.emoji, r.count])).to.deep.equal([['❤️', 1]]);
  });

  it('edits the last message with ArrowUp in the empty composer', async () => {
    const me = await registerUser('kbd');
    const channel = await createChannel(me, []);
    await postMessage(me, channel.id, 'First draft');
    const room = await roomFor(me, channel.id);
    await until(() => rowWithText(room, 'First draft'), 'the message');

    windowOf(room).focus();
    await press('ArrowUp');
    await until(() => focusedName() === 'Edit', 'the edit box to take focus');
    const editor = deepActiveElement() as HTMLTextAreaElement;
    expect(editor.value).to.equal('First draft');
    await press('End');
    await type(', revised');
    await press('Enter');

    await until(() => rowWithText(room, 'First draft, revised'), 'the edited message');
    expect(rowWithText(room, 'First draft, revised')!.shadowRoot!.textContent).to.contain('(edited)');
    expect(await messagesWithText(me, channel.id, 'First draft, revised')).to.have.length(1);
  });
});
