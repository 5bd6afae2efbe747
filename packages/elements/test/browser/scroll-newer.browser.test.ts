import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-message-list/chat-message-list.js';
import type { ChatMessageListElement } from '../../src/chat-message-list/chat-message-list.component.js';
import './support/benign-errors.js';
import { makeClient } from './support/clients.js';
import { bodyText, byRole, getByRole, messageRows } from './support/dom.js';
import { describe, it } from './support/mocha.js';
import { createChannel, postMessage, type RestUser, registerUser } from './support/rest.js';
import { frames, steady, until } from './support/wait.js';

/** The server lets each user send a burst of 100 messages: 30 authors post 3,000 at once, 100 each. */
const AUTHORS = 30;
const TOTAL = 3_000;

/** `long 1` … `long 3000`, in order of `seq` (each author posts every 30th, all authors in parallel). */
async function postThreeThousand(authors: RestUser[], channelId: string): Promise<void> {
  await Promise.all(
    authors.map(async (author, a) => {
      for (let i = a + 1; i <= TOTAL; i += authors.length) await postMessage(author, channelId, `long ${i}`);
    }),
  );
}

/** The numbers of the messages the list shows. */
const shown = (list: ChatMessageListElement) => messageRows(list).map((r) => Number(bodyText(r).split(' ')[1]));

describe('<chat-message-list> in a 3,000-message channel', () => {
  it('scrolls to the very beginning and back down to the newest, then offers the way back to new messages', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(110_000);
    const authors: RestUser[] = [];
    for (let i = 0; i < AUTHORS; i++) authors.push(await registerUser(`poster${i}`));
    const channel = await createChannel(authors[0]!, authors.slice(1));
    await postThreeThousand(authors, channel.id);

    const client = makeClient({ token: authors[0]!.token });
    const room = client.channel(channel.id);
    const box = await fixture<HTMLElement>(
      html`<div style="height: 480px; width: 560px; display: flex; flex-direction: column">
        <chat-message-list style="flex: 1" label="Long" .feed=${room} .me=${authors[0]!.user.id}></chat-message-list>
      </div>`,
    );
    const list = box.querySelector('chat-message-list')!;
    const log = getByRole(list, 'log');
    await until(() => shown(list).includes(TOTAL), 'the newest message');

    // Up to the very beginning, the way a reader does: at the top, the next older page loads.
    while (room.$hasOlder.get()) {
      const oldest = room.$messages.get()[0]!.id;
      log.scrollTop = 0;
      await until(() => room.$messages.get()[0]!.id !== oldest || !room.$hasOlder.get(), 'an older page', 20_000);
      await frames(2);
    }
    log.scrollTop = 0;
    await until(() => shown(list).includes(1), 'the first message');
    expect(room.$hasNewer.get(), 'the bounded window let go of the newest messages').to.equal(true);
    expect(byRole(list, 'button', /latest|new message/i), 'the jump control, far from the bottom').to.have.length(1);

    // And down again to the end: newer pages load as the reader reaches the bottom.
    for (let guard = 0; room.$hasNewer.get(); guard++) {
      expect(guard, 'pages scrolled down').to.be.below(200);
      const newest = room.$messages.get().at(-1)!.id;
      log.scrollTop = log.scrollHeight;
      await until(() => room.$messages.get().at(-1)!.id !== newest && !room.$loading.get(), 'a newer page', 20_000);
      await frames(2);
    }
    log.scrollTop = log.scrollHeight;
    await until(() => shown(list).includes(TOTAL), 'the newest message');
    await steady(() => `${log.scrollTop}/${log.scrollHeight}`, 'the log at the end');
    expect(room.$hasNewer.get()).to.equal(false);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight, 'at the bottom').to.be.closeTo(0, 1);

    // Scrolled up a little, a message from someone else shows the pill with its count.
    log.scrollTop -= 900;
    await steady(() => log.scrollTop, 'the log, scrolled up');
    await postMessage(authors[5]!, channel.id, 'long 3001');
    await until(() => byRole(list, 'button', /1 new message/).length, 'the new-messages pill');
    expect(
      messageRows(list).some(
        (r) => bodyText(r) === 'long 3001' && r.getBoundingClientRect().top < log.getBoundingClientRect().bottom,
      ),
    ).to.equal(false);
    getByRole(list, 'button', /1 new message/).click();
    await until(() => shown(list).includes(3001), 'the new message');
    await steady(() => `${log.scrollTop}/${log.scrollHeight}`, 'the log at the end');
    expect(log.scrollHeight - log.scrollTop - log.clientHeight, 'at the bottom').to.be.closeTo(0, 1);
    expect(byRole(list, 'button', /latest|new message/i), 'no jump control at the bottom').to.have.length(0);
  });
});
