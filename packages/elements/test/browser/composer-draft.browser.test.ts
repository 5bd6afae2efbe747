import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/chat-composer/chat-composer.js';
import '../../src/chat-room/chat-room.js';
import type { ChatRoomElement } from '../../src/chat-room/chat-room.component.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { byRole, getByRole } from './support/dom.js';
import { press, type } from './support/keyboard.js';
import { describe, it } from './support/mocha.js';
import { baseUrl, createChannel, messagesWithText, postMessage, type RestUser, registerUser } from './support/rest.js';
import { until } from './support/wait.js';

/** A `<chat-room>` signed in with `user`'s token, on `channel`. */
async function roomOn(user: RestUser, channel: string) {
  const room = await fixture<ChatRoomElement>(
    html`<chat-room style="height: 560px; width: 1100px" server=${baseUrl} token=${user.token} channel=${channel}></chat-room>`,
  );
  await until(() => room.client?.$connection.get() === 'open', 'the socket');
  return room;
}

const composerOf = (root: Element) => getByRole<HTMLTextAreaElement>(root, 'textbox', 'Message');
const windowOf = (room: ChatRoomElement) => room.shadowRoot!.querySelector('chat-window')!;

/** Picks a channel in the room's sidebar and waits for the window to show it. */
async function open(room: ChatRoomElement, name: string) {
  await until(() => byRole(room, 'option', `# ${name}`).length, `# ${name} listed`);
  getByRole(room, 'option', `# ${name}`).click();
  await until(() => byRole(windowOf(room), 'heading', `# ${name}`).length, `the window on # ${name}`);
}

describe('<chat-composer> drafts', () => {
  it('keeps a draft per channel: switching channels does not carry the text along, and a reload keeps it', async () => {
    const me = await registerUser('draft');
    const general = await createChannel(me);
    const other = await createChannel(me);
    const room = await roomOn(me, general.id);
    await open(room, general.name);

    composerOf(room).focus();
    await type('Only for general');
    await open(room, other.name);
    expect(composerOf(room).value, 'the other channel’s composer').to.equal('');
    composerOf(room).focus();
    await press('Enter');
    await type('Only for the other one');

    await open(room, general.name);
    expect(composerOf(room).value).to.equal('Only for general');
    expect(await messagesWithText(me, other.id, 'Only for general'), 'nothing sent elsewhere').to.have.length(0);

    fixtureCleanup();
    const reloaded = await roomOn(me, general.id);
    await until(() => byRole(reloaded, 'textbox', 'Message').length, 'the composer after the reload');
    await until(() => composerOf(reloaded).value === 'Only for general', 'the draft after the reload');

    composerOf(reloaded).focus();
    await press('Enter');
    await until(async () => (await messagesWithText(me, general.id, 'Only for general')).length === 1, 'the send');
    expect(composerOf(reloaded).value, 'sending clears the draft').to.equal('');
    await open(reloaded, other.name);
    expect(composerOf(reloaded).value).to.equal('Only for the other one');
  });

  it('keeps a thread’s draft apart from its channel’s', async () => {
    const me = await registerUser('draft');
    const channel = await createChannel(me);
    const parent = await postMessage(me, channel.id, 'Parent');
    const client = makeClient({ token: me.token });
    await client.connect(); // a host-app token's user is known once the socket says hello
    const page = await fixture<HTMLElement>(html`<div>
      <chat-composer id="channel" .client=${client} channel=${channel.id}></chat-composer>
      <chat-composer id="thread" .client=${client} channel=${channel.id} parent-id=${parent.id}></chat-composer>
    </div>`);
    const [inChannel, inThread] = ['#channel', '#thread'].map((id) => composerOf(page.querySelector(id)!));
    inThread!.focus();
    await type('A reply in progress');
    expect(inChannel!.value).to.equal('');

    fixtureCleanup();
    const again = makeClient({ token: me.token });
    await again.connect();
    const reloaded = await fixture<HTMLElement>(html`<div>
      <chat-composer id="channel" .client=${again} channel=${channel.id}></chat-composer>
      <chat-composer id="thread" .client=${again} channel=${channel.id} parent-id=${parent.id}></chat-composer>
    </div>`);
    const thread = () => composerOf(reloaded.querySelector('#thread')!);
    await until(() => thread().value === 'A reply in progress', 'the thread’s draft after the reload');
    expect(composerOf(reloaded.querySelector('#channel')!).value).to.equal('');
    thread().focus();
    await press('Escape');
    expect(thread().value, 'Escape clears it').to.equal('');
  });
});
