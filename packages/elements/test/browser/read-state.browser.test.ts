import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-channel-list/chat-channel-list.js';
import '../../src/chat-room/chat-room.js';
import '../../src/chat-window/chat-window.js';
import type { ChatChannelListElement } from '../../src/chat-channel-list/chat-channel-list.component.js';
import type { ChatRoomElement } from '../../src/chat-room/chat-room.component.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { deepQueryAll, getByRole, rowWithText } from './support/dom.js';
import { describe, it } from './support/mocha.js';
import { baseUrl, createChannel, postMessage, registerUser } from './support/rest.js';
import { until } from './support/wait.js';

/** A real `fetch` that fails as a browser without a network does while `offline` is set. */
function switchableFetch() {
  const state = { offline: false, refused: 0 };
  const fetchOrFail = (input: RequestInfo | URL, init?: RequestInit) => {
    if (!state.offline) return fetch(input, init);
    state.refused++;
    return Promise.reject(new TypeError('Failed to fetch'));
  };
  return { fetch: fetchOrFail as typeof fetch, state };
}

/** The channel's unread count as the server tells its member. */
async function unreadOnServer(token: string, channelId: string): Promise<number | undefined> {
  const response = await fetch(`${baseUrl}/api/v1/channels?scope=joined`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = (await response.json()) as { items: { id: string; unreadCount?: number }[] };
  return page.items.find((c) => c.id === channelId)?.unreadCount;
}

/** Alice's sidebar and window on a channel she shares with Bob. */
async function aliceReading(options: { fetch?: typeof fetch } = {}) {
  const [alice, bob] = await Promise.all([registerUser('alice'), registerUser('bob')]);
  const channel = await createChannel(alice, [bob]);
  const client = makeClient({ token: alice.token, ...options });
  const page = await fixture<HTMLElement>(html`<div style="display: flex; height: 420px">
    <chat-channel-list style="width: 220px" .client=${client} active=${channel.id}></chat-channel-list>
    <chat-window style="flex: 1" .client=${client} channel=${channel.id}></chat-window>
  </div>`);
  const sidebar = page.querySelector('chat-channel-list') as ChatChannelListElement;
  const pane = page.querySelector('chat-window') as ChatWindowElement;
  await until(() => client.$connection.get() === 'open', 'the socket');
  await until(() => client.$channels.get().some((c) => c.id === channel.id), 'the channel in the sidebar');
  return { alice, bob, channel, client, sidebar, pane };
}

describe('the read marker of the open channel', () => {
  it('never shows an unread badge for the channel the user is reading while others write', async () => {
    const { bob, channel, sidebar, pane } = await aliceReading();
    const badges: string[] = [];
    const watch = new MutationObserver(() => {
      for (const badge of deepQueryAll(sidebar.shadowRoot!, '[part~="badge"]')) badges.push(badge.textContent ?? '');
    });
    watch.observe(sidebar.shadowRoot!, { subtree: true, childList: true, characterData: true });
    try {
      for (const n of [1, 2, 3]) {
        await postMessage(bob, channel.id, `from Bob ${n}`);
        await until(() => rowWithText(pane, `from Bob ${n}`), `Bob's message ${n} in the window`);
      }
      await sidebar.updateComplete;
      expect(badges, 'badges seen on the open channel').to.deep.equal([]);
    } finally {
      watch.disconnect();
    }
  });

  it('on a phone, a channel hidden behind the channel list is not kept read: its badge shows, and clears on opening', async () => {
    const [alice, bob] = await Promise.all([registerUser('alice'), registerUser('bob')]);
    const channel = await createChannel(alice, [bob]);
    const room = await fixture<ChatRoomElement>(
      html`<chat-room style="width: 390px; height: 780px" server=${baseUrl} token=${alice.token} channel=${channel.id}></chat-room>`,
    );
    const pane = () => room.shadowRoot!.querySelector('chat-window')!;
    const sidebar = () => room.shadowRoot!.querySelector('chat-channel-list')!;
    const badge = () => deepQueryAll(sidebar().shadowRoot!, '[part~="badge"]')[0]?.textContent?.trim();
    await until(() => room.client?.$connection.get() === 'open', 'the socket');
    await postMessage(bob, channel.id, 'while Alice reads');
    await until(() => rowWithText(pane(), 'while Alice reads'), 'the message in the open window');

    getByRole(pane(), 'button', 'Back').click();
    await until(() => sidebar().checkVisibility(), 'the channel list in front');
    await postMessage(bob, channel.id, 'while Alice looks at the list');
    await until(() => badge() === '1', 'an unread badge on the channel behind the list');

    getByRole(sidebar(), 'option', new RegExp(channel.name)).click();
    await until(() => pane().checkVisibility(), 'the window in front again');
    await until(() => badge() === undefined, 'the badge cleared on opening');
  });

  it('marking read with the network down rejects nothing unhandled, and reaches the server once back', async () => {
    const network = switchableFetch();
    const { alice, bob, channel, client, pane } = await aliceReading({ fetch: network.fetch });
    await postMessage(bob, channel.id, 'before the outage');
    await until(() => rowWithText(pane, 'before the outage'), 'the message');
    const unhandled: unknown[] = [];
    const record = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    globalThis.addEventListener('unhandledrejection', record);
    try {
      client.disconnect();
      network.state.offline = true;
      client.channel(channel.id).markRead();
      await until(() => network.state.refused > 0, 'the read request to fail');
      await new Promise((resolve) => setTimeout(resolve)); // the rejection's handlers (or the lack of them) run
      expect(unhandled, 'unhandled rejections').to.deep.equal([]);

      network.state.offline = false;
      await client.connect();
      await until(async () => (await unreadOnServer(alice.token, channel.id)) === 0, 'the read marker on the server');
      expect(unhandled).to.deep.equal([]);
    } finally {
      globalThis.removeEventListener('unhandledrejection', record);
    }
  });
});
