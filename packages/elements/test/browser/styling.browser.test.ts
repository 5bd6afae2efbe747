import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-room/chat-room.js';
import type { ChatRoomElement } from '../../src/chat-room/chat-room.component.js';
import './support/benign-errors.js';
import { byRole, deepQueryAll, getByRole, rowWithText } from './support/dom.js';
import { press, type } from './support/keyboard.js';
import { describe, it } from './support/mocha.js';
import { baseUrl, createChannel, messagesWithText, postMessage, type RestUser, registerUser } from './support/rest.js';
import { until } from './support/wait.js';

/** A signed-in `<chat-room>`, as `render` writes it, on a channel holding one message. */
async function roomWith(render: (me: RestUser, channel: string) => ReturnType<typeof html>) {
  const me = await registerUser('style');
  const channel = await createChannel(me);
  await postMessage(me, channel.id, 'Styled from outside');
  const host = await fixture<HTMLElement>(html`<div>${render(me, channel.id)}</div>`);
  const room = host.querySelector('chat-room') as ChatRoomElement;
  await until(() => room.client?.$connection.get() === 'open', 'the socket');
  await until(() => rowWithText(room, 'Styled from outside'), 'the message');
  return { me, channel: channel.id, room };
}

describe('<chat-room> styling, strings and direction', () => {
  it('lets the page style messages through chat-room::part(message)', async () => {
    const style = document.createElement('style');
    style.textContent = 'chat-room::part(message) { outline: 3px solid rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const { room } = await roomWith(
        (me, channel) =>
          html`<chat-room style="height: 480px" server=${baseUrl} token=${me.token} channel=${channel}></chat-room>`,
      );
      const [article] = deepQueryAll(rowWithText(room, 'Styled from outside')!.shadowRoot!, 'article');
      const computed = getComputedStyle(article!);
      expect([computed.outlineStyle, computed.outlineWidth, computed.outlineColor]).to.deep.equal([
        'solid',
        '3px',
        'rgb(1, 2, 3)',
      ]);
    } finally {
      style.remove();
    }
  });

  it('passes the new message and list parts up to chat-room::part(avatar | day | leave)', async () => {
    const style = document.createElement('style');
    style.textContent = [
      'chat-room::part(avatar) { outline: 2px solid rgb(4, 5, 6); }',
      'chat-room::part(day) { outline: 2px solid rgb(7, 8, 9); }',
      'chat-room::part(leave) { outline: 2px solid rgb(10, 11, 12); }',
    ].join('\n');
    document.head.append(style);
    try {
      const { room } = await roomWith(
        (me, channel) =>
          html`<chat-room style="height: 480px" server=${baseUrl} token=${me.token} channel=${channel}></chat-room>`,
      );
      const outlineOf = (selector: string, root: Element | ShadowRoot = room.shadowRoot!) => {
        const [found] = deepQueryAll(root, selector);
        return found ? getComputedStyle(found).outlineColor : 'missing';
      };
      await until(() => outlineOf('[part~="leave"]') !== 'missing', 'the leave button');
      const message = rowWithText(room, 'Styled from outside')!.shadowRoot!;
      expect(outlineOf('[part~="avatar"]', message), "a message's avatar").to.equal('rgb(4, 5, 6)');
      expect(outlineOf('[part~="day"]'), 'day separator').to.equal('rgb(7, 8, 9)');
      expect(outlineOf('[part~="leave"]'), 'leave').to.equal('rgb(10, 11, 12)');
    } finally {
      style.remove();
    }
  });

  it('shows replaced strings', async () => {
    const strings = { message: 'Nachricht', send: 'Senden', channels: 'Kanäle', reply: 'Antworten' };
    const { room } = await roomWith(
      (me, channel) =>
        html`<chat-room style="height: 480px" server=${baseUrl} token=${me.token} channel=${channel} .strings=${strings}></chat-room>`,
    );
    expect(byRole(room, 'button', 'Senden')).to.have.length(1);
    expect(byRole(room, 'button', 'Send')).to.have.length(0);
    expect(byRole(room, 'textbox', 'Nachricht')).to.have.length(1);
    expect(byRole(room, 'listbox', 'Kanäle')).to.have.length(1);
    expect(byRole(room, 'heading', 'Kanäle')[0]?.textContent).to.equal('Kanäle');
    expect(byRole(rowWithText(room, 'Styled from outside')!, 'button', 'Antworten')).to.have.length(1);
  });

  it('works right to left', async () => {
    const { me, channel, room } = await roomWith(
      (user, id) =>
        html`<chat-room dir="rtl" lang="ar" style="height: 480px; width: 1000px" server=${baseUrl} token=${user.token} channel=${id}></chat-room>`,
    );
    const composer = getByRole<HTMLTextAreaElement>(room, 'textbox', 'Message');
    const send = getByRole(room, 'button', 'Send');
    expect(getComputedStyle(composer).direction).to.equal('rtl');
    expect(send.getBoundingClientRect().right, 'Send sits at the start (left) in RTL').to.be.at.most(
      composer.getBoundingClientRect().left,
    );
    const list = getByRole(room, 'listbox');
    const log = getByRole(room, 'log');
    expect(list.getBoundingClientRect().left, 'the sidebar is on the right').to.be.at.least(
      log.getBoundingClientRect().right,
    );

    composer.focus();
    await type('مرحبا بالعالم');
    await press('Enter');
    await until(
      () => rowWithText(room, 'مرحبا بالعالم') && !byRole(room, 'status', 'Sending…').length,
      'the message, sent',
    );
    expect(await messagesWithText(me, channel, 'مرحبا بالعالم')).to.have.length(1);
    expect(composer.value).to.equal('');
  });
});
