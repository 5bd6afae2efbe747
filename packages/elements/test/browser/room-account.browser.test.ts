import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-room/chat-room.js';
import type { ChatRoomElement } from '../../src/chat-room/chat-room.component.js';
import { expectAccessible } from './support/axe.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { byRole, focusedName, getByRole } from './support/dom.js';
import { press, type } from './support/keyboard.js';
import { describe, it } from './support/mocha.js';
import { baseUrl, createChannel, registerUser, uniqueName } from './support/rest.js';
import { accountButton, showsSignIn, signInThroughForm } from './support/room.js';
import { until } from './support/wait.js';

const windowOf = (room: ChatRoomElement) => room.shadowRoot!.querySelector('chat-window')!;

/** A `<chat-room>` with the built-in sign-in, signed in as a new user who belongs to `channels` new channels. */
async function signedInRoom(channels: number, width = 1100, height = 600) {
  const me = await registerUser('account');
  const joined = [];
  for (let i = 0; i < channels; i++) joined.push(await createChannel(me));
  const room = await fixture<ChatRoomElement>(
    html`<chat-room style="height: ${height}px; width: ${width}px" server=${baseUrl}></chat-room>`,
  );
  await signInThroughForm(room, me.username);
  return { me, joined, room };
}

describe('<chat-room> account, leaving and naming channels', () => {
  it('shows who is signed in and signs out from a keyboard-usable account panel', async () => {
    const { me, room } = await signedInRoom(1);
    await until(() => focusedName() === 'Message', 'focus on the composer after signing in');
    const button = accountButton(room)!;
    expect(button.getAttribute('aria-label')).to.equal(`Signed in as ${me.user.displayName}`);
    expect(button.querySelectorAll('[part="avatar"]')).to.have.length(1);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const signOut = () => getByRole(room, 'button', 'Sign out');
    expect(signOut().checkVisibility(), 'Sign out hidden while the panel is closed').to.equal(false);

    button.focus();
    await press('Enter');
    await until(() => focusedName() === 'Sign out', 'focus on Sign out');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(room.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!.textContent).to.contain(
      `@${me.username}`,
    );
    await expectAccessible(room, 'the room with the account panel open');

    await press('Escape');
    await until(() => button.getAttribute('aria-expanded') === 'false', 'the panel closed');
    expect(focusedName(), 'focus back on the account button').to.equal(`Signed in as ${me.user.displayName}`);

    await press('Space');
    await until(() => focusedName() === 'Sign out', 'the panel open again');
    await press('Enter');
    await until(() => showsSignIn(room), 'the sign-in form');
  });

  it('leaves a channel after a question, and moves on to another', async () => {
    const { joined, room } = await signedInRoom(2);
    const win = windowOf(room);
    await until(() => byRole(room, 'option').length === 2, 'both channels');
    const shown = () => joined.find((c) => byRole(win, 'heading', `# ${c.name}`).length);
    await until(shown, 'a channel shown');
    const leaving = shown()!;
    const staying = joined.find((c) => c !== leaving)!;

    getByRole(win, 'button', 'Leave channel').click();
    await until(() => byRole(win, 'group').length, 'the question');
    expect(getByRole(win, 'group').textContent).to.contain(`Leave # ${leaving.name}?`);
    expect(focusedName(), 'the safe answer is focused').to.equal('Cancel');
    await expectAccessible(win, 'the window asking before leaving');
    await press('Escape');
    await until(() => !byRole(win, 'group').length, 'the question gone');
    expect(focusedName()).to.equal('Leave channel');

    getByRole(win, 'button', 'Leave channel').click();
    await until(() => byRole(win, 'button', 'Leave').length, 'the question again');
    getByRole(win, 'button', 'Leave').click();
    await until(() => byRole(win, 'heading', `# ${staying.name}`).length, 'the other channel shown');
    expect(byRole(room, 'option', `# ${leaving.name}`)).to.have.length(0);
    const client = makeClient({ token: (await registerUser('check')).token });
    const [stillThere] = await Promise.all([client.getChannel(leaving.id)]);
    expect(stillThere.memberCount, 'left on the server').to.equal(0);
  });

  it('says so when a channel name is taken', async () => {
    const { room } = await signedInRoom(1);
    const other = await registerUser('other');
    const name = uniqueName('taken');
    await createChannel(other, [], name);
    getByRole(room, 'button', 'New channel').click();
    await until(() => byRole(room, 'textbox', 'Channel name').length, 'the form');
    const input = getByRole<HTMLInputElement>(room, 'textbox', 'Channel name');
    input.focus();
    await type(name.toUpperCase());
    await press('Enter');
    await until(
      () => byRole(room, 'alert').some((a) => a.textContent?.includes('already exists')),
      'the name-taken message',
    );
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(room.shadowRoot!.querySelector('chat-channel-list')!, 'the channel list with the error');
    await type('-2');
    expect(input.getAttribute('aria-invalid'), 'typing clears it').to.equal('false');
  });

  it('works on a 390 px wide phone screen: one pane at a time', async () => {
    const { me, room } = await signedInRoom(1, 390, 780);
    const win = windowOf(room);
    expect(getComputedStyle(win).display).to.not.equal('none');
    expect(getComputedStyle(room.shadowRoot!.querySelector('chat-channel-list')!).display).to.equal('none');
    getByRole(win, 'button', 'Back').click();
    await until(() => accountButton(room)?.checkVisibility(), 'the sidebar with the account button');
    expect(accountButton(room)!.getBoundingClientRect().right).to.be.at.most(390);
    accountButton(room)!.click();
    await until(() => byRole(room, 'button', 'Sign out')[0]?.checkVisibility(), 'the account panel');
    const signOut = getByRole(room, 'button', 'Sign out').getBoundingClientRect();
    expect(signOut.left).to.be.at.least(0);
    expect(signOut.right).to.be.at.most(390);
    expect(me.username).to.be.a('string');
  });

  it('on a phone, a user with no channel yet gets from the empty window to the list, and creates one', async () => {
    const { room } = await signedInRoom(0, 390, 780);
    const list = room.shadowRoot!.querySelector('chat-channel-list')!;
    await until(() => byRole(windowOf(room), 'button', 'Back')[0]?.checkVisibility(), 'Back by "Pick a channel"');
    getByRole(windowOf(room), 'button', 'Back').click();
    await until(() => byRole(list, 'button', 'New channel')[0]?.checkVisibility(), 'the list with New channel');
    expect(getComputedStyle(windowOf(room)).display).to.equal('none');
    getByRole(list, 'button', 'New channel').click();
    await type(uniqueName('first'));
    await press('Enter');
    await until(() => getComputedStyle(windowOf(room)).display !== 'none', 'the new channel in the window');
    expect(getComputedStyle(list).display).to.equal('none');
  });
});
