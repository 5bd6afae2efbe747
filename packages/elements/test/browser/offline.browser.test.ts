import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-window/chat-window.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import './support/benign-errors.js';
import { signedInClient } from './support/clients.js';
import { byRole, getByRole, messageRows, rowWithText } from './support/dom.js';
import { press, type } from './support/keyboard.js';
import { describe, it } from './support/mocha.js';
import { SwitchableNetwork } from './support/network.js';
import { createChannel, messagesWithText, registerUser } from './support/rest.js';
import { until } from './support/wait.js';

const OFFLINE_TEXTS = ['Connection lost. Reconnecting…', 'You are offline. Messages will be sent when you are back.'];

describe('<chat-window> offline', () => {
  it('shows the connection banner, keeps a message pending, and delivers it once when back online', async () => {
    const network = new SwitchableNetwork();
    const { client } = await signedInClient('offline', { fetch: network.fetch, WebSocket: network.WebSocket });
    const reader = await registerUser('reader');
    const channel = await createChannel(reader);
    await client.api.PUT('/api/v1/channels/{channelId}/members/{memberId}', {
      params: { path: { channelId: channel.id, memberId: 'me' } },
    });
    const win = await fixture<ChatWindowElement>(
      html`<chat-window style="height: 420px" .client=${client} channel=${channel.id}></chat-window>`,
    );
    await until(() => client.$connection.get() === 'open', 'the socket');
    const banner = () => byRole(win, 'status').find((el) => OFFLINE_TEXTS.includes(el.textContent?.trim() ?? ''));
    expect(banner(), 'no banner while connected').to.equal(undefined);

    network.goOffline();
    await until(banner, 'the offline banner');
    getByRole<HTMLTextAreaElement>(win, 'textbox', 'Message').focus();
    await type('Written while offline');
    await press('Enter');
    await until(() => rowWithText(win, 'Written while offline'), 'the local echo');
    const echo = rowWithText(win, 'Written while offline')!;
    expect(byRole(echo, 'status').map((el) => el.textContent?.trim())).to.deep.equal(['Sending…']);
    expect(await messagesWithText(reader, channel.id, 'Written while offline')).to.have.length(0);
    expect(banner(), 'still offline').to.not.equal(undefined);

    network.goOnline();
    await until(() => client.$connection.get() === 'open' && !banner(), 'the banner to go');
    await until(() => !byRole(win, 'status', 'Sending…').length, 'the pending state to clear');
    await until(
      async () => (await messagesWithText(reader, channel.id, 'Written while offline')).length === 1,
      'delivery',
    );
    expect(
      messageRows(win).filter(
        (row) => row.message?.body?.type === 'text' && row.message.body.text === 'Written while offline',
      ),
    ).to.have.length(1);
    expect(rowWithText(win, 'Written while offline')!.message!.pending).to.equal(undefined);
    expect(await messagesWithText(reader, channel.id, 'Written while offline')).to.have.length(1);
  });
});
