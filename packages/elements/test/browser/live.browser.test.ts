import type { ChatClient } from '@confab/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/chat-channel-list/chat-channel-list.js';
import '../../src/chat-thread/chat-thread.js';
import '../../src/chat-window/chat-window.js';
import type { ChatThreadElement } from '../../src/chat-thread/chat-thread.component.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import type { ChatThreadOpenEvent } from '../../src/events/chat-thread-open.js';
import './support/benign-errors.js';
import { signedInClient } from './support/clients.js';
import { bodyText, byRole, getByRole, messageRows, rowWithText } from './support/dom.js';
import { press, type } from './support/keyboard.js';
import { describe, it } from './support/mocha.js';
import { createChannel, registerUser } from './support/rest.js';
import { until } from './support/wait.js';

/** Alice and Bob, each with a client and a `<chat-window>` on the same channel, side by side. */
async function twoWindows() {
  const alice = await signedInClient('alice');
  const bob = await signedInClient('bob');
  const owner = await registerUser('owner');
  const channel = await createChannel(owner, []);
  for (const { client } of [alice, bob]) {
    const { response } = await client.api.PUT('/api/v1/channels/{channelId}/members/{memberId}', {
      params: { path: { channelId: channel.id, memberId: 'me' } },
    });
    expect(response.ok, 'joined').to.equal(true);
  }
  const windowFor = (client: ChatClient) =>
    html`<chat-window style="height: 420px" .client=${client} channel=${channel.id}></chat-window>`;
  const page = await fixture<HTMLElement>(html`<div style="display: flex; gap: 8px">
    <div style="flex: 1">${windowFor(alice.client)}</div>
    <div style="flex: 1">${windowFor(bob.client)}</div>
  </div>`);
  const [aliceWindow, bobWindow] = [...page.querySelectorAll('chat-window')] as [ChatWindowElement, ChatWindowElement];
  await until(
    () => alice.client.$connection.get() === 'open' && bob.client.$connection.get() === 'open',
    'both sockets',
  );
  await until(() => byRole(aliceWindow, 'heading', `# ${channel.name}`).length, 'the channel title');
  return { alice, bob, channel, page, aliceWindow, bobWindow };
}

/** Writes in a window's composer (the textbox named "Message") and sends with Enter. */
async function sendFrom(win: ChatWindowElement, text: string) {
  getByRole<HTMLTextAreaElement>(win, 'textbox', 'Message').focus();
  await type(text);
  await press('Enter');
}

describe('two users in two <chat-window>s', () => {
  it('a message typed and sent with Enter appears live in the other window', async () => {
    const { aliceWindow, bobWindow } = await twoWindows();
    const composer = getByRole<HTMLTextAreaElement>(aliceWindow, 'textbox', 'Message');
    expect(byRole(aliceWindow, 'button', 'Send')).to.have.length(1);

    await sendFrom(aliceWindow, 'Hello, Bob!');
    expect(composer.value, 'the composer empties').to.equal('');
    await until(() => rowWithText(bobWindow, 'Hello, Bob!'), 'the message in Bob’s window');
    const row = rowWithText(bobWindow, 'Hello, Bob!')!;
    expect(byRole(row, 'article')[0]!.getAttribute('aria-label')).to.match(/^alice-/);
    await until(
      () => rowWithText(aliceWindow, 'Hello, Bob!') && !byRole(aliceWindow, 'status', 'Sending…').length,
      'Alice’s copy, delivered',
    );
    expect(messageRows(aliceWindow).filter((r) => bodyText(r) === 'Hello, Bob!')).to.have.length(1);
  });

  it('a thread opens, takes a reply, and both windows show the reply count', async () => {
    const { alice, bob, channel, aliceWindow, bobWindow } = await twoWindows();
    await sendFrom(aliceWindow, 'Thread starter');
    await until(() => rowWithText(bobWindow, 'Thread starter'), 'the message at Bob');

    const opened = oneEvent<ChatThreadOpenEvent>(bobWindow, 'chat-thread-open');
    getByRole(rowWithText(bobWindow, 'Thread starter')!, 'button', 'Reply').click();
    const request = await opened;
    const parent = alice.client
      .channel(channel.id)
      .$messages.get()
      .find((m) => m.body?.type === 'text' && m.body.text === 'Thread starter');
    expect(request.channelId).to.equal(channel.id);
    expect(request.messageId).to.equal(parent?.id);

    const thread = await fixture<ChatThreadElement>(
      html`<chat-thread style="height: 360px; display: flex" .client=${bob.client} channel=${request.channelId} message=${request.messageId}></chat-thread>`,
    );
    expect(byRole(thread, 'heading', 'Thread')).to.have.length(1);
    await until(() => rowWithText(thread, 'Thread starter'), 'the parent in the thread');
    getByRole<HTMLTextAreaElement>(thread, 'textbox', 'Message').focus();
    await type('A reply');
    await press('Enter');

    await until(() => rowWithText(thread, 'A reply'), 'the reply in the thread');
    for (const win of [aliceWindow, bobWindow]) {
      await until(() => byRole(rowWithText(win, 'Thread starter')!, 'button', '1 reply').length, 'the reply count');
    }
    expect(rowWithText(bobWindow, 'A reply'), 'replies stay out of the channel').to.equal(undefined);
  });

  it('edits, deletes and reactions appear live in the other window', async () => {
    const { aliceWindow, bobWindow } = await twoWindows();
    await sendFrom(aliceWindow, 'Original text');
    await until(() => rowWithText(bobWindow, 'Original text'), 'the message at Bob');
    await until(() => byRole(rowWithText(aliceWindow, 'Original text')!, 'button', 'Edit').length, 'the Edit control');

    const mine = rowWithText(aliceWindow, 'Original text')!;
    getByRole(mine, 'button', 'Edit').click();
    await until(() => byRole(mine, 'textbox', 'Edit').length, 'the editor');
    const editor = getByRole<HTMLTextAreaElement>(mine, 'textbox', 'Edit');
    editor.value = 'Edited text';
    getByRole(mine, 'button', 'Save').click();
    await until(() => rowWithText(bobWindow, 'Edited text'), 'the edit at Bob');
    expect(rowWithText(bobWindow, 'Edited text')!.shadowRoot!.textContent).to.contain('(edited)');

    const theirs = rowWithText(bobWindow, 'Edited text')!;
    getByRole(theirs, 'button', 'Add reaction').click();
    await until(() => byRole(theirs, 'button', 'React with 🎉').length, 'the emoji picker');
    getByRole(theirs, 'button', 'React with 🎉').click();
    await until(
      () => byRole(rowWithText(aliceWindow, 'Edited text')!, 'button', '🎉 1').length,
      'the reaction at Alice',
    );
    await until(
      () => byRole(rowWithText(bobWindow, 'Edited text')!, 'button', '🎉 1, including you').length,
      'Bob’s own reaction',
    );
    const own = getByRole(rowWithText(bobWindow, 'Edited text')!, 'button', '🎉 1, including you');
    expect(own.getAttribute('aria-pressed')).to.equal('true');

    const alices = rowWithText(aliceWindow, 'Edited text')!;
    getByRole(alices, 'button', 'Delete').click();
    await until(() => byRole(alices, 'alertdialog').length, 'the question before deleting');
    getByRole(alices, 'button', 'Delete message').click();
    await until(
      () => messageRows(bobWindow).some((r) => bodyText(r) === 'This message was deleted.'),
      'the tombstone at Bob',
    );
    expect(rowWithText(bobWindow, 'Edited text')).to.equal(undefined);
    expect(rowWithText(aliceWindow, 'This message was deleted.')).to.not.equal(undefined);
  });
});

describe('<chat-channel-list> as others add the user', () => {
  it('lists a direct channel opened by someone else, live, with its unread badge', async () => {
    const alice = await signedInClient('alice');
    const bob = await signedInClient('bob');
    const list = await fixture<HTMLElement>(html`<chat-channel-list .client=${bob.client}></chat-channel-list>`);
    await until(() => bob.client.$connection.get() === 'open', 'Bob’s socket, with no channel joined');
    expect(byRole(list, 'option')).to.have.length(0);

    const direct = await alice.client.openDirect(bob.user.id);
    const option = `@ ${alice.user.displayName}`;
    await until(() => byRole(list, 'option', option).length, 'the direct channel in Bob’s list');

    await alice.client.channel(direct.id).send({ type: 'text', text: 'Got a minute?' });
    await until(() => byRole(list, 'option', `${option}, 1 unread`).length, 'the unread badge');
  });
});
