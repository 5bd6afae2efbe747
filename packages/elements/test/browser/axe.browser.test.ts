import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { atom } from 'nanostores';
import '../../src/all.js';
import type { MessageFeed } from '../../src/chat-message-list/chat-message-list.component.js';
import type { ChatRoomElement } from '../../src/chat-room/chat-room.component.js';
import { expectAccessible } from './support/axe.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { byRole, messageRows, rowWithText } from './support/dom.js';
import { localMessage } from './support/messages.js';
import { describe, it } from './support/mocha.js';
import { baseUrl, createChannel, postMessage, type RestUser, registerUser } from './support/rest.js';
import { until } from './support/wait.js';

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/** A page in the theme: the element themed, on the matching page background. */
const page = (theme: Theme, content: TemplateResult) =>
  fixture<HTMLElement>(html`<main style="color-scheme: ${theme}; background: Canvas; padding: 8px">${content}</main>`);

/** A channel with something of every kind in it: markdown, a reply, reactions, an edit, a deletion. */
async function busyChannel() {
  const me = await registerUser('axe');
  const friend = await registerUser('friend');
  const channel = await createChannel(me, [friend]);
  const other = await createChannel(friend, [me]);
  await postMessage(friend, other.id, 'unread over there');
  const first = await postMessage(friend, channel.id, 'Hi **there**, see https://example.com and `code`, @axe');
  await postMessage(me, channel.id, 'A reply', first.id);
  const mine = await postMessage(me, channel.id, 'My own message');
  await fetch(`${baseUrl}/api/v1/messages/${first.id}/reactions/${encodeURIComponent('👍')}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${me.token}` },
  });
  await postMessage(friend, channel.id, 'To be deleted').then((m) =>
    fetch(`${baseUrl}/api/v1/messages/${m.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${friend.token}` },
    }),
  );
  return { me, friend, channel, first, mine };
}

const synthetic = localMessage({
  body: { type: 'text', text: 'Hello **world**, [docs](https://example.com) and `code`' },
  replyCount: 2,
  lastReplyAt: new Date().toISOString(),
  reactions: [{ emoji: '🎉', count: 2, userIds: ['u1', 'u2'] }],
  editedAt: new Date().toISOString(),
});

async function signedInRoom(theme: Theme, me: RestUser, channel: string) {
  const main = await page(
    theme,
    html`<chat-room style="height: 600px; width: 1100px" theme=${theme} server=${baseUrl} token=${me.token} channel=${channel}></chat-room>`,
  );
  const room = main.querySelector('chat-room') as ChatRoomElement;
  await until(() => room.client?.$connection.get() === 'open', 'the socket');
  await until(() => byRole(room, 'option').length === 2 && rowWithText(room, 'My own message'), 'the room to fill');
  return { main, room };
}

describe('axe finds no violations', () => {
  for (const theme of THEMES) {
    it(`in <chat-room>, signed in, with a thread open (${theme})`, async () => {
      const { me, channel } = await busyChannel();
      const { room } = await signedInRoom(theme, me, channel.id);
      await expectAccessible(room, `<chat-room theme="${theme}">`);
      byRole(rowWithText(room, 'Hi there, see https://example.com and code, @axe')!, 'button', '1 reply')[0]!.click();
      await until(() => rowWithText(room.shadowRoot!.querySelector('chat-thread') ?? room, 'A reply'), 'the thread');
      await expectAccessible(room, `<chat-room theme="${theme}"> with a thread`);
    });

    it(`in <chat-room>'s sign-in form (${theme})`, async () => {
      const main = await page(
        theme,
        html`<chat-room style="height: 480px" theme=${theme} server=${baseUrl}></chat-room>`,
      );
      const room = main.querySelector('chat-room')!;
      await until(() => byRole(room, 'button', 'Sign in').length, 'the sign-in form');
      await expectAccessible(room, `the sign-in form (${theme})`);
      byRole(room, 'button', 'New here? Create an account')[0]!.click();
      await until(() => byRole(room, 'button', 'Create account').length, 'the sign-up form');
      await expectAccessible(room, `the sign-up form (${theme})`);
    });

    it(`in <chat-channel-list>, <chat-window>, <chat-thread> and <chat-composer> (${theme})`, async () => {
      const { me, channel, first } = await busyChannel();
      const client = makeClient({ token: me.token });
      const main = await page(
        theme,
        html`<div style="display: grid; grid-template-columns: 240px 1fr 1fr; height: 560px">
          <chat-channel-list theme=${theme} .client=${client} active=${channel.id}></chat-channel-list>
          <chat-window theme=${theme} .client=${client} channel=${channel.id}></chat-window>
          <chat-thread theme=${theme} .client=${client} channel=${channel.id} message=${first.id}></chat-thread>
        </div>
        <chat-composer theme=${theme} .client=${client} channel=${channel.id} disabled-reason="Read only here."></chat-composer>`,
      );
      const [list, win, thread, composer] = ['chat-channel-list', 'chat-window', 'chat-thread', 'chat-composer'].map(
        (tag) => main.querySelector(tag)!,
      ) as [Element, Element, Element, Element];
      await until(() => byRole(list, 'option', /unread/).length, 'an unread badge');
      await until(() => rowWithText(win, 'My own message') && rowWithText(thread, 'A reply'), 'the messages');
      await expectAccessible(list, `<chat-channel-list theme="${theme}">`);
      await expectAccessible(win, `<chat-window theme="${theme}">`);
      await expectAccessible(thread, `<chat-thread theme="${theme}">`);
      await expectAccessible(composer, `a disabled <chat-composer theme="${theme}">`);
    });

    it(`in <chat-message-list> and <chat-message> (${theme})`, async () => {
      const feed: MessageFeed = {
        $messages: atom([synthetic, { ...synthetic, id: 'm2', seq: 2, pending: true }]),
        $hasOlder: atom(false),
        $loading: atom(false),
        loadOlder: async () => false,
      };
      const main = await page(
        theme,
        html`<chat-message-list style="height: 300px" theme=${theme} label="General" .feed=${feed} .me=${'u1'}></chat-message-list>
          <chat-message theme=${theme} .message=${synthetic} .me=${'u2'}></chat-message>
          <chat-message theme=${theme} .message=${{ ...synthetic, id: 'm3', deletedAt: synthetic.createdAt }}></chat-message>`,
      );
      const list = main.querySelector('chat-message-list')!;
      await until(() => messageRows(list).length === 2, 'the rows');
      await expectAccessible(list, `<chat-message-list theme="${theme}">`);
      for (const message of main.querySelectorAll(':scope > chat-message')) {
        await expectAccessible(message, `<chat-message theme="${theme}">`);
      }
      const mine = messageRows(list)[0]!;
      byRole(mine, 'button', 'Add reaction')[0]!.click();
      byRole(mine, 'button', 'Edit')[0]!.click();
      await until(
        () => byRole(mine, 'textbox', 'Edit').length && byRole(mine, 'group').length,
        'the picker and editor',
      );
      await expectAccessible(mine, `<chat-message theme="${theme}"> editing, with the emoji picker`);
    });
  }
});
