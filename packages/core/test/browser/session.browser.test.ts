import { expect } from '@open-wc/testing';
import { type ChatClient, createChatClient } from '../../src/index.js';
import { uniqueName } from '../support/rest.js';
import { until } from '../support/wait-for.js';
import { afterEach, describe, it } from './support/globals.js';

const baseUrl = window.CONFAB_SERVER;
const password = 'correct-horse-battery';
const started: ChatClient[] = [];

/** A client as a page load makes it (`remember: true`: the page's localStorage), disconnected after each test. */
function pageLoad(): ChatClient {
  const made = createChatClient({ baseUrl, remember: true });
  started.push(made);
  return made;
}

/** A client that remembers nothing. */
function client(): ChatClient {
  const made = createChatClient({ baseUrl });
  started.push(made);
  return made;
}

/** A public channel of `owner`'s. */
async function channelOf(owner: ChatClient): Promise<string> {
  const channel = await owner.createChannel({ name: uniqueName('room'), visibility: 'public' });
  return channel.id;
}

afterEach(() => {
  for (const made of started.splice(0)) made.disconnect();
  localStorage.clear(); // the browser keeps it for the next test file: leave no remembered session or draft behind
});

describe('sessions and drafts across reloads in Chromium', () => {
  it('remember: true keeps the sign-in in localStorage; the next page load resumes it, logout forgets it', async () => {
    const first = pageLoad();
    const username = uniqueName('reload');
    const user = await first.register({ username, password });
    expect(first.$auth.get()).to.equal('signed-in');

    const next = pageLoad();
    expect(next.$auth.get()).to.equal('signed-out');
    const resuming = next.resume();
    expect(next.$auth.get()).to.equal('resuming');
    expect((await resuming)?.id).to.equal(user.id);
    expect(next.$auth.get()).to.equal('signed-in');

    await next.logout();
    expect(next.$auth.get()).to.equal('signed-out');
    expect(await pageLoad().resume()).to.equal(null);
  });

  it('a draft survives a reload (a new client) for the same user, per channel and thread; logout clears it', async () => {
    const first = pageLoad();
    const username = uniqueName('drafter');
    await first.register({ username, password });
    const channelId = await channelOf(first);
    first.channel(channelId).draft().set('نص من اليمين ‎and some English');
    first.channel(channelId).draft('a-thread').set('a reply in progress');

    const reloaded = pageLoad();
    await reloaded.resume();
    expect(reloaded.channel(channelId).draft().$text.get()).to.equal('نص من اليمين ‎and some English');
    expect(reloaded.channel(channelId).draft('a-thread').$text.get()).to.equal('a reply in progress');

    const someoneElse = pageLoad();
    await someoneElse.register({ username: uniqueName('other'), password });
    expect(someoneElse.channel(channelId).draft().$text.get()).to.equal('');

    await reloaded.logout();
    const again = pageLoad();
    await again.login({ username, password });
    expect(again.channel(channelId).draft().$text.get()).to.equal('');
    expect(again.channel(channelId).draft('a-thread').$text.get()).to.equal('');
  });

  it('keepRead counts messages as unread while the page is hidden, and reads them when it is shown again', async () => {
    const alice = client();
    const bob = client();
    await alice.register({ username: uniqueName('alice'), password });
    await bob.register({ username: uniqueName('bob'), password });
    const channelId = await channelOf(alice);
    await bob.joinChannel(channelId);
    const stopList = bob.$channels.listen(() => {});
    const room = bob.channel(channelId);
    const stopKeeping = room.keepRead();
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    const show = (state: 'hidden' | 'visible') => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      await until(bob.$connection, (s) => s === 'open', 10_000, 'bob online');
      const listed = () => bob.$channels.get().find((c) => c.id === channelId);
      await until(bob.$channels, () => listed() !== undefined, 10_000, 'the channel listed');
      const looked = await alice.channel(channelId).send({ type: 'text', text: 'while you look' });
      await until(bob.$channels, () => listed()!.lastSeq >= looked.seq, 10_000, 'the message at bob');
      expect(listed()?.unreadCount).to.equal(0);
      expect(room.$readState.get().lastReadSeq).to.equal(looked.seq);

      show('hidden');
      const away = await alice.channel(channelId).send({ type: 'text', text: 'while you are away' });
      await until(bob.$channels, () => listed()!.lastSeq >= away.seq, 10_000, 'the next message at bob');
      expect(listed()?.unreadCount).to.equal(1, 'unread while hidden');
      show('visible');
      expect(listed()?.unreadCount).to.equal(0, 'read as soon as the page is shown');
      expect(room.$readState.get().lastReadSeq).to.equal(away.seq);
    } finally {
      Object.defineProperty(document, 'visibilityState', visibility);
      stopKeeping();
      stopList();
    }
  });

  it('after sign-out and sign-in on the same client, live messages arrive again and sends are acknowledged', async () => {
    const alice = client();
    const bob = client();
    const aliceName = uniqueName('alice');
    await alice.register({ username: aliceName, password });
    const bobUser = await bob.register({ username: uniqueName('bob'), password });
    const channelId = await channelOf(alice);
    await bob.joinChannel(channelId);
    await alice.logout();
    await alice.login({ username: aliceName, password });

    const room = alice.channel(channelId);
    const stop = room.$messages.listen(() => {});
    const stopBob = bob.channel(channelId).$messages.listen(() => {});
    try {
      await until(alice.$presence, (p) => p[channelId]?.includes(bobUser.id) === true, 10_000, 'both online');
      const fromBob = await bob.channel(channelId).send({ type: 'text', text: 'are you back?' });
      await until(room.$messages, (m) => m.some((x) => x.id === fromBob.id), 10_000, 'the message live');
      const mine = await room.send({ type: 'text', text: 'yes' });
      await until(room.$messages, (m) => m.some((x) => x.id === mine.id) && !m.some((x) => x.pending), 10_000);
      expect(alice.$connection.get()).to.equal('open');
    } finally {
      stop();
      stopBob();
    }
  });
});
