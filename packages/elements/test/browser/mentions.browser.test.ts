import type { LinkPreview, User } from '@confab/core';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-channel-list/chat-channel-list.js';
import '../../src/chat-message/chat-message.js';
import '../../src/chat-window/chat-window.js';
import type { ChatMessageElement } from '../../src/chat-message/chat-message.component.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import type { ChatMessageActionEvent } from '../../src/events/chat-message-action.js';
import { expectAccessible } from './support/axe.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { byRole, deepQueryAll, getByRole, messageRows } from './support/dom.js';
import { press, type } from './support/keyboard.js';
import { localMessage } from './support/messages.js';
import { describe, it } from './support/mocha.js';
import { createChannel, postMessage, registerUser } from './support/rest.js';
import { until } from './support/wait.js';

const ann: User = { id: 'u-ann', username: 'ann', displayName: 'Ann' };
const bob: User = { id: 'u-bob', username: 'bob', displayName: 'Bob' };

/** A user's `<chat-window>` on a channel, signed in with a token. */
async function windowOf(token: string, channelId: string) {
  const client = makeClient({ token });
  const win = await fixture<ChatWindowElement>(
    html`<chat-window style="height: 600px" .client=${client} channel=${channelId}></chat-window>`,
  );
  await until(() => client.$connection.get() === 'open', 'the socket');
  await until(() => byRole(win, 'textbox', 'Message').length, 'the composer');
  return { client, win };
}

describe('@mentions', () => {
  it('suggests members as the user types @, inserts the chosen @username from the keyboard, and highlights the message for them', async () => {
    const writer = await registerUser('ann');
    const reader = await registerUser('bob');
    const channel = await createChannel(writer, [reader]);
    const { win } = await windowOf(writer.token, channel.id);
    const textarea = getByRole<HTMLTextAreaElement>(win, 'textbox', 'Message');
    textarea.focus();
    await type('Hi @bo');
    await until(() => byRole(win, 'listbox', 'People to mention').length, 'the suggestions');
    const listbox = getByRole(win, 'listbox', 'People to mention');
    const options = byRole(listbox, 'option');
    expect(options.map((o) => o.textContent?.replace(/\s+/g, ' ').trim())).to.deep.equal([
      `@${reader.username} ${reader.user.displayName}`,
    ]);
    expect(textarea.getAttribute('aria-autocomplete')).to.equal('list');
    expect(textarea.getAttribute('aria-controls')).to.equal(listbox.id);
    expect(textarea.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(byRole(win, 'status').some((s) => s.textContent === '1 suggestion')).to.equal(true);
    await expectAccessible(win, 'the composer with its suggestions open');

    await press('ArrowDown');
    await press('Enter');
    expect(textarea.value, 'Enter picks and does not send').to.equal(`Hi @${reader.username} `);
    expect(byRole(win, 'listbox')).to.have.length(0);
    expect(textarea.hasAttribute('aria-activedescendant')).to.equal(false);

    await type('and @cha');
    await until(() => byRole(win, 'option').length, '@channel');
    expect(getByRole(win, 'option').textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      '@channel Notify everyone in the channel',
    );
    await press('Escape');
    expect(byRole(win, 'listbox'), 'Escape closes the list').to.have.length(0);
    expect(textarea.value, 'and keeps the text').to.equal(`Hi @${reader.username} and @cha`);
    await type('t');
    expect(byRole(win, 'listbox'), 'closed until the next @').to.have.length(0);

    await press('Enter');
    const text = `Hi @${reader.username} and @chat`;
    const { win: readerWin } = await windowOf(reader.token, channel.id);
    await until(() => messageRows(readerWin).some((r) => r.mentioned), 'the message, highlighted for Bob');
    const row = messageRows(readerWin).find((r) => r.mentioned)!;
    expect(row.shadowRoot!.querySelector('[part="body"]')!.textContent).to.equal(text);
    const chips = deepQueryAll(row.shadowRoot!, '[part~="mention"]');
    expect(chips.map((c) => [c.textContent, c.getAttribute('part')])).to.deep.equal([
      [`@${reader.username}`, 'mention mention-me'],
      ['@chat', 'mention'],
    ]);
    expect(row.shadowRoot!.querySelector('article')!.getAttribute('part')).to.equal('message mentioned');
    expect(getByRole(row, 'article').getAttribute('aria-label')).to.match(/, Mentions you$/);
  });

  it('renders mention chips from text without HTML, and marks a message that mentions you', async () => {
    const hostile: User = { id: 'u-x', username: 'x', displayName: '<img src=x onerror="window.__confabPwned=1">' };
    const page = await fixture<HTMLElement>(html`<div>
      <chat-message
        .viewer=${bob}
        .me=${bob.id}
        .message=${localMessage({
          author: hostile,
          mentions: [bob.id],
          body: { type: 'text', text: 'Hey @bob and @ann <b onmouseover=alert(1)>@bob</b> **@bob**' },
        })}
      ></chat-message>
      <chat-message .viewer=${ann} .me=${ann.id} .message=${localMessage({ id: 'm2', author: bob, body: { type: 'text', text: 'Not you, @carol' } })}></chat-message>
    </div>`);
    const [mentioned, other] = messageRows(page) as [ChatMessageElement, ChatMessageElement];
    expect(mentioned.mentioned).to.equal(true);
    expect(mentioned.hasAttribute('mentioned')).to.equal(true);
    expect(other.mentioned).to.equal(false);
    const root = mentioned.shadowRoot!;
    expect(deepQueryAll(root, 'img, b, [onmouseover], [onerror]')).to.have.length(0);
    expect(root.querySelector('[part="author"]')!.textContent).to.equal(hostile.displayName);
    expect(deepQueryAll(root, '[part~="mention-me"]').map((c) => c.textContent)).to.deep.equal([
      '@bob',
      '@bob',
      '@bob',
    ]);
    expect(deepQueryAll(root, '[part="mention"]').map((c) => c.textContent)).to.deep.equal(['@ann']);
    expect(root.querySelector('.visually-hidden')!.textContent).to.equal('Mentions you');
    const article = root.querySelector('article')!;
    expect(getComputedStyle(article).backgroundColor).to.not.equal(
      getComputedStyle(other.shadowRoot!.querySelector('article')!).backgroundColor,
    );
    await expectAccessible(page, 'a message that mentions you');
    mentioned.style.setProperty('--chat-mention-highlight', 'rgb(1, 2, 3)');
    expect(getComputedStyle(article).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('badges a channel in the list with the mentions waiting there', async () => {
    const reader = await registerUser('ann');
    const writer = await registerUser('bob');
    const channel = await createChannel(writer, [reader]);
    const client = makeClient({ token: reader.token });
    const list = await fixture<HTMLElement>(html`<chat-channel-list .client=${client}></chat-channel-list>`);
    await until(() => client.$connection.get() === 'open', 'the socket');
    await postMessage(writer, channel.id, `Ping @${reader.username}`);
    await postMessage(writer, channel.id, 'Hello @channel');
    await postMessage(writer, channel.id, 'No mention');
    const name = `# ${channel.name}, 3 unread, 2 mentions`;
    await until(() => byRole(list, 'option', name).length, `the option named "${name}"`);
    const badge = getByRole(list, 'option', name).querySelector('[part="mention-badge"]')!;
    expect(getComputedStyle(badge, '::before').content).to.equal('"@2"');
    expect(badge.getAttribute('aria-hidden')).to.equal('true');
    await expectAccessible(list, 'the channel list with a mention badge');
  });
});

describe('link previews', () => {
  const preview: LinkPreview = {
    url: 'https://example.com/post',
    title: 'A <b>post</b> worth reading',
    description: 'What it says, at some length. '.repeat(12),
    imageUrl: new URL('./support/landscape.png', import.meta.url).href,
    siteName: 'Example',
  };
  const withPreview = (author: User) =>
    localMessage({ author, body: { type: 'text', text: 'See https://example.com/post' }, preview });

  it('shows a card under the message; its author may remove it', async () => {
    const page = await fixture<HTMLElement>(html`<div style="width: 390px">
      <chat-message .me=${ann.id} .viewer=${ann} .message=${withPreview(ann)}></chat-message>
      <chat-message .me=${bob.id} .viewer=${bob} .message=${{ ...withPreview(ann), id: 'm2' }}></chat-message>
    </div>`);
    const [own, theirs] = messageRows(page) as [ChatMessageElement, ChatMessageElement];
    const card = own.shadowRoot!.querySelector<HTMLElement>('[part="preview"]')!;
    const link = getByRole<HTMLAnchorElement>(card, 'link', 'A <b>post</b> worth reading');
    expect([link.href, link.target, link.rel]).to.deep.equal([
      'https://example.com/post',
      '_blank',
      'noopener noreferrer nofollow',
    ]);
    expect(card.querySelector('.site')!.textContent).to.equal('Example');
    const img = card.querySelector('img')!;
    expect([img.getAttribute('referrerpolicy'), img.getAttribute('loading'), img.alt]).to.deep.equal([
      'no-referrer',
      'lazy',
      '',
    ]);
    expect([img.getBoundingClientRect().width, img.getBoundingClientRect().height]).to.deep.equal([64, 64]);
    const description = card.querySelector<HTMLElement>('.desc')!;
    expect(description.scrollHeight, 'the description is clamped').to.be.greaterThan(description.clientHeight);
    expect(byRole(theirs, 'button', 'Remove preview'), 'only for the author').to.have.length(0);
    expect(theirs.shadowRoot!.querySelector('[part="preview"]')).to.not.equal(null);
    await expectAccessible(page, 'link preview cards');

    const asked: string[] = [];
    page.addEventListener('chat-message-action', (e: ChatMessageActionEvent) => asked.push(e.request.action));
    getByRole(own, 'button', 'Remove preview').click();
    expect(asked).to.deep.equal(['remove-preview']);
  });

  it('shows no card for a preview whose link is not http(s)', async () => {
    const message = await fixture<ChatMessageElement>(
      html`<chat-message .message=${localMessage({ preview: { ...preview, url: 'javascript:alert(1)', imageUrl: 'data:image/png,x' } })}></chat-message>`,
    );
    expect(message.shadowRoot!.querySelector('[part="preview"]')).to.equal(null);
  });
});
