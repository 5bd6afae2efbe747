import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat-room/chat-room.js';
import '../../src/chat-window/chat-window.js';
import type { ChatRoomElement } from '../../src/chat-room/chat-room.component.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { byRole, deepQueryAll, focusedName, getByRole, messageRows, rowWithText } from './support/dom.js';
import { press } from './support/keyboard.js';
import { describe, it } from './support/mocha.js';
import { baseUrl, createChannel, postMany, registerUser } from './support/rest.js';
import { signInThroughForm } from './support/room.js';
import { steady, until } from './support/wait.js';

/** A `<chat-window>` for a member of a channel holding `count` messages ("Line 1" … "Line count"). */
async function longChannelWindow(count: number) {
  const [me, a, b] = await Promise.all([registerUser('kbd'), registerUser('a'), registerUser('b')]);
  const channel = await createChannel(me, [a, b]);
  await postMany([me, a, b], channel.id, count, 'Line');
  const client = makeClient({ token: me.token });
  const win = await fixture<ChatWindowElement>(
    html`<chat-window style="height: 420px" .client=${client} channel=${channel.id}></chat-window>`,
  );
  await until(() => messageRows(win).length, 'the messages');
  return win;
}

/** Whether the message log is scrolled to its very end. */
const atBottom = (log: HTMLElement) => log.scrollHeight - log.scrollTop - log.clientHeight < 2;

describe('<chat-window> keyboard shortcuts', () => {
  it('documents its shortcuts', async () => {
    const win = await fixture<ChatWindowElement>(html`<chat-window></chat-window>`);
    expect(win.shortcuts).to.contain('Alt+End').and.to.contain('Escape');
  });

  it('Alt+End jumps to the newest message from the composer', async () => {
    const win = await longChannelWindow(60);
    const log = getByRole(win, 'log');
    log.scrollTop = 0;
    await steady(() => log.scrollTop, 'the scroll position at the top');
    expect(atBottom(log)).to.equal(false);

    getByRole(win, 'textbox', 'Message').focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'End' });
    await sendKeys({ up: 'Alt' });
    await until(() => atBottom(log) && rowWithText(win, 'Line 60'), 'the newest message at the bottom');
    expect(focusedName(), 'focus stays in the composer').to.equal('Message');
  });

  it('Escape in the message list moves focus to the composer', async () => {
    const win = await longChannelWindow(5);
    const [stop] = deepQueryAll<HTMLElement>(getByRole(win, 'log'), '[tabindex="0"]');
    (stop ?? getByRole<HTMLElement>(win, 'log')).focus();
    expect(focusedName()).to.not.equal('Message');
    await press('Escape');
    expect(focusedName()).to.equal('Message');
  });
});

describe('<chat-room> focus', () => {
  it('lands on the composer after signing in and after switching channels', async () => {
    const me = await registerUser('focus');
    const first = await createChannel(me);
    const second = await createChannel(me);
    const room = await fixture<ChatRoomElement>(
      html`<chat-room style="height: 560px; width: 1100px" server=${baseUrl}></chat-room>`,
    );
    await signInThroughForm(room, me.username);
    await until(() => focusedName() === 'Message', 'focus on the composer after signing in');

    const win = room.shadowRoot!.querySelector('chat-window')!;
    const other = byRole(win, 'heading', `# ${first.name}`).length ? second : first;
    getByRole(room, 'option', `# ${other.name}`).click();
    await until(() => byRole(win, 'heading', `# ${other.name}`).length, 'the other channel');
    await until(() => focusedName() === 'Message', 'focus on the composer after switching');
  });
});
