import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-window/chat-window.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import { expectAccessible } from './support/axe.js';
import './support/benign-errors.js';
import { signedInClient } from './support/clients.js';
import { byRole, getByRole, messageRows, visibleText } from './support/dom.js';
import { press, type } from './support/keyboard.js';
import { describe, it } from './support/mocha.js';
import { createChannel, messagesWithText, registerUser } from './support/rest.js';
import { frames, until } from './support/wait.js';

/** A signed-in user's `<chat-window>` on a channel they joined. */
async function windowOnChannel() {
  const { client } = await signedInClient('limit');
  const owner = await registerUser('owner');
  const channel = await createChannel(owner);
  await client.joinChannel(channel.id);
  const win = await fixture<ChatWindowElement>(
    html`<chat-window style="height: 420px" .client=${client} channel=${channel.id}></chat-window>`,
  );
  await until(
    () => client.$connection.get() === 'open' && byRole(win, 'heading', `# ${channel.name}`).length,
    'the window',
  );
  return { client, channel, owner, win };
}

/** Puts `text` into the composer as a paste would (one input event), then types `more` with real keys. */
async function write(composer: HTMLTextAreaElement, text: string, more = '') {
  composer.focus();
  composer.value = text;
  composer.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  if (more) await type(more);
}

describe('<chat-composer> and the 4,000-character limit', () => {
  it('counts down near the limit and refuses to send past it, saying why', async () => {
    const { channel, owner, win } = await windowOnChannel();
    const composer = getByRole<HTMLTextAreaElement>(win, 'textbox', 'Message');
    await write(composer, 'a'.repeat(3000));
    expect(visibleText(win)).to.not.match(/characters? left/);

    await write(composer, 'b'.repeat(3990), 'xyz');
    await until(() => visibleText(win).includes('7 characters left'), 'the counter');
    expect(composer.getAttribute('aria-invalid')).to.equal('false');

    const tooLong = 'c'.repeat(4001);
    await write(composer, tooLong);
    await until(() => composer.getAttribute('aria-invalid') === 'true', 'the composer marked invalid');
    await press('Enter');
    await until(() => byRole(win, 'alert').length, 'the reason it was not sent');
    expect(getByRole(win, 'alert').textContent).to.contain('1 over the 4000-character limit');
    await expectAccessible(win, 'the window with a message over the limit');
    expect(composer.value, 'the text stays to be shortened').to.equal(tooLong);
    await frames(3);
    expect(messageRows(win), 'no message appears').to.have.length(0);
    expect(await messagesWithText(owner, channel.id, tooLong)).to.have.length(0);

    await press('Backspace');
    await until(() => composer.getAttribute('aria-invalid') === 'false', 'back within the limit');
    expect(byRole(win, 'alert'), 'the alert goes').to.have.length(0);
    await press('Enter');
    await until(async () => (await messagesWithText(owner, channel.id, 'c'.repeat(4000))).length === 1, 'the send');
  });

  it('shows a send the server refuses as failed, with retry and discard', async () => {
    const { client, channel, win } = await windowOnChannel();
    void client
      .channel(channel.id)
      .send({ type: 'text', text: 'd'.repeat(4001) })
      .catch(() => {});
    await until(() => byRole(win, 'button', 'Discard').length, 'the failed message with its controls');
    expect(byRole(win, 'button', 'Retry')).to.have.length(1);
    expect(visibleText(win)).to.contain('Not sent.');
    getByRole(win, 'button', 'Discard').click();
    await until(() => messageRows(win).length === 0, 'the failed message discarded');
  });

  it('takes its base direction from the text (dir="auto")', async () => {
    const { win } = await windowOnChannel();
    const composer = getByRole<HTMLTextAreaElement>(win, 'textbox', 'Message');
    expect(getComputedStyle(composer).direction, 'empty, the page’s direction').to.equal('ltr');
    composer.focus();
    await type('مرحبا');
    await until(() => composer.getAttribute('dir') === 'auto', 'dir="auto"');
    expect(getComputedStyle(composer).direction).to.equal('rtl');
  });
});
