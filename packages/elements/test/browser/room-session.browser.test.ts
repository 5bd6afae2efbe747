import type { Channel } from '@confab/core';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-room/chat-room.js';
import type { ChatRoomElement } from '../../src/chat-room/chat-room.component.js';
import './support/benign-errors.js';
import { signedInClient } from './support/clients.js';
import { byRole, getByRole, rowWithText } from './support/dom.js';
import { press, type } from './support/keyboard.js';
import { describe, it } from './support/mocha.js';
import {
  baseUrl,
  createChannel,
  messagesWithText,
  postMessage,
  type RestUser,
  registerUser,
  uniqueName,
} from './support/rest.js';
import { signInThroughForm, signOutThroughMenu } from './support/room.js';
import { until } from './support/wait.js';

const windowOf = (room: ChatRoomElement) => room.shadowRoot!.querySelector('chat-window')!;

/**
 * The room shows `channel`, a message posted there by `friend` arrives live, and a message sent from the
 * composer is acknowledged by the server (it stops being "Sending…" and the server has it once).
 */
async function expectLiveChat(room: ChatRoomElement, friend: RestUser, channel: Channel) {
  const win = windowOf(room);
  await until(() => byRole(win, 'heading', `# ${channel.name}`).length, `the window on # ${channel.name}`);
  const incoming = uniqueName('incoming');
  await postMessage(friend, channel.id, incoming);
  await until(() => rowWithText(win, incoming), 'the friend’s message, live');

  const outgoing = uniqueName('outgoing');
  getByRole<HTMLTextAreaElement>(win, 'textbox', 'Message').focus();
  await type(outgoing);
  await press('Enter');
  await until(
    () => rowWithText(win, outgoing) && !byRole(win, 'status', 'Sending…').length,
    'the sent message, acknowledged',
  );
  expect(await messagesWithText(friend, channel.id, outgoing)).to.have.length(1);
}

describe('<chat-room> across sign-outs, re-attachment and client swaps', () => {
  it('chats live after signing out and in again, as the same user and then as another', async () => {
    const [alice, bob, friend] = await Promise.all([
      registerUser('alice'),
      registerUser('bob'),
      registerUser('friend'),
    ]);
    const alicesChannel = await createChannel(friend, [alice]);
    const bobsChannel = await createChannel(friend, [bob]);
    const room = await fixture<ChatRoomElement>(
      html`<chat-room style="height: 560px; width: 1000px" server=${baseUrl}></chat-room>`,
    );

    await signInThroughForm(room, alice.username);
    await expectLiveChat(room, friend, alicesChannel);

    await signOutThroughMenu(room);
    await signInThroughForm(room, alice.username);
    await expectLiveChat(room, friend, alicesChannel);

    await signOutThroughMenu(room);
    await signInThroughForm(room, bob.username);
    await expectLiveChat(room, friend, bobsChannel);
    expect(byRole(room, 'option', `# ${alicesChannel.name}`), 'none of Alice’s channels').to.have.length(0);
    expect(byRole(windowOf(room), 'heading', `# ${alicesChannel.name}`)).to.have.length(0);
  });

  it('chats live after being detached and attached again', async () => {
    const [me, friend] = await Promise.all([registerUser('me'), registerUser('friend')]);
    const channel = await createChannel(friend, [me]);
    const host = await fixture<HTMLElement>(
      html`<div><chat-room style="height: 560px; width: 1000px" server=${baseUrl} token=${me.token}></chat-room></div>`,
    );
    const room = host.querySelector('chat-room')!;
    await expectLiveChat(room, friend, channel);

    room.remove();
    await until(() => room.client?.$connection.get() === 'closed', 'the socket closed while detached');
    host.append(room);
    await expectLiveChat(room, friend, channel);
  });

  it('follows a swapped client to its own user and channels', async () => {
    const friend = await registerUser('friend');
    const first = await signedInClient('first');
    const second = await signedInClient('second');
    const firstChannel = await createChannel(friend, []);
    const secondChannel = await createChannel(friend, []);
    await first.client.joinChannel(firstChannel.id);
    await second.client.joinChannel(secondChannel.id);
    const room = await fixture<ChatRoomElement>(
      html`<chat-room style="height: 560px; width: 1000px" .client=${first.client}></chat-room>`,
    );
    await until(() => byRole(windowOf(room), 'heading', `# ${firstChannel.name}`).length, 'the first user’s channel');

    room.client = second.client;
    await expectLiveChat(room, friend, secondChannel);
    expect(byRole(room, 'option', `# ${firstChannel.name}`), 'none of the first user’s channels').to.have.length(0);
    expect(first.client.$connection.get(), 'a client the page gave is left alone').to.equal('open');
  });
});
