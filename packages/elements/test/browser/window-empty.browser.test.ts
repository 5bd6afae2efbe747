import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-window/chat-window.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import './support/benign-errors.js';
import { signedInClient } from './support/clients.js';
import { byRole, visibleText } from './support/dom.js';
import { describe, it } from './support/mocha.js';
import { until } from './support/wait.js';

const NO_MESSAGES = 'No messages yet. Say hello!';

/** A signed-in user's empty channel, and a `<chat-window>` on it with `slotted` inside. */
async function emptyChannelWindow(slotted: ReturnType<typeof html> | string = '') {
  const { client, user } = await signedInClient('empty');
  const channel = await client.createChannel({ name: `empty-${user.id}`, visibility: 'public' });
  const win = await fixture<ChatWindowElement>(
    html`<chat-window style="height: 420px" .client=${client} channel=${channel.id}>${slotted}</chat-window>`,
  );
  await until(() => byRole(win, 'heading', `# ${channel.name}`).length, 'the channel title');
  return win;
}

describe('<chat-window> on an empty channel', () => {
  it('shows the built-in “No messages yet” when the page slots nothing', async () => {
    const win = await emptyChannelWindow();
    await until(() => visibleText(win).includes(NO_MESSAGES), `“${NO_MESSAGES}” on screen`);
  });

  it('shows what the page slots into `empty` instead', async () => {
    const win = await emptyChannelWindow(html`<p slot="empty">Nobody has written here. Be the first!</p>`);
    await until(() => visibleText(win).includes('Be the first!'), 'the slotted text on screen');
    expect(visibleText(win)).to.not.contain(NO_MESSAGES);
  });
});
