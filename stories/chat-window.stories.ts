import type { ChannelFixture, ChatFixture, FixtureClient } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { alice, bob, carol, dan, general, history, oneChannel, quiet } from './support/cast.js';
import { FILL, fill } from './support/fill.js';
import { landscape, siteLogo } from './support/media.js';
import { deepQueryAll, findButton, findDeep, messageTexts } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

/** A fixture client holding one channel; the story shows it in a `<chat-window>`. */
const showing = (channel: ChannelFixture, overrides: Partial<ChatFixture> = {}) => ({
  loaders: [async () => ({ fixture: oneChannel(channel, overrides) }) satisfies Loaded],
});

/**
 * One channel: header, messages, who is typing and the composer, with banners for the connection. Every
 * story feeds a real client from `@confab/core/fixtures`.
 */
const meta: Meta = {
  title: 'Elements/chat-window',
  component: 'chat-window',
  ...showing(general),
  decorators: [fill],
  render: (_args, { loaded }) => {
    const { fixture } = loaded as Loaded;
    const channel = fixture.client.$channels.get()[0]?.id ?? '';
    return html`<chat-window style="display: flex; ${FILL}" .client=${fixture.client} channel=${channel}></chat-window>`;
  },
};
export default meta;
type Story = StoryObj;

export const Default: Story = {};

/** The channel's messages have not arrived yet. */
export const Loading: Story = showing({ name: 'general' });

/** A channel with no messages yet. */
export const Empty: Story = showing(quiet);

/** 10,000 messages: the list renders only the rows on screen. */
export const LongHistory: Story = {
  ...showing({ name: 'archive', topic: '10,000 messages', messages: history(10_000) }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(messageTexts(canvasElement)).toContain('#10000 LGTM 👍'));
    expect(deepQueryAll(canvasElement, 'chat-message').length).toBeLessThan(200);
  },
};

/** The socket dropped: a banner says the client is reconnecting. */
export const Reconnecting: Story = {
  ...showing(general, { connection: 'reconnecting' }),
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, '[part~="banner"]', (el) => /reconnect/i.test(el.textContent ?? ''));
  },
};

/** The browser is offline. */
export const Offline: Story = {
  ...showing(general, { connection: 'offline' }),
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, '[part~="banner"]', (el) => /offline/i.test(el.textContent ?? ''));
  },
};

/** The first connection is being made. */
export const Connecting: Story = showing(general, { connection: 'connecting' });

/** Sends the server has not acknowledged yet, and one it refused (with Retry and Discard). */
export const PendingAndFailedSends: Story = showing({
  ...general,
  pending: ['On my way to the office'],
  failed: [{ text: 'This one did not make it', detail: 'You are sending messages too fast.' }],
});

/** An edited message and a deleted one (a tombstone keeps its place). */
export const EditedAndDeleted: Story = showing({
  name: 'general',
  messages: [
    { author: bob, text: 'The demo is at 3 pm', edited: true },
    { author: carol, text: 'something I regret', deleted: true },
    { author: dan, text: 'Noted.' },
  ],
});

/** Who is typing shows under the messages. */
export const Typing: Story = {
  ...showing({ ...general, typing: [bob, carol] }),
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, '[part~="typing"]', (el) => /Bob Okafor/.test(el.textContent ?? ''));
  },
};

/** Typing a message and pressing Enter shows it at once as pending; the server's ack makes it sent. */
export const Sending: Story = {
  play: async ({ canvasElement, loaded, step }) => {
    const { fixture } = loaded as Loaded;
    const textarea = await findDeep<HTMLTextAreaElement>(canvasElement, 'textarea');
    await step('type and press Enter', async () => {
      await userEvent.click(textarea);
      await userEvent.keyboard('See you at noon!{Enter}');
    });
    await step('the message shows as pending', async () => {
      await waitFor(() => expect(messageTexts(canvasElement)).toContain('See you at noon!'));
      expect(textarea.value).toBe('');
      const sent = fixture.client.channel('channel-general').$messages.get().at(-1);
      expect(sent?.pending).toBe(true);
    });
    await step('the server acknowledges it', async () => {
      const stored = fixture.acknowledge('general');
      expect(stored?.author.id).toBe(alice.id);
      await waitFor(() =>
        expect(fixture.client.channel('channel-general').$messages.get().at(-1)?.pending).toBe(undefined),
      );
    });
  },
};

/** Picking a reaction asks the client to react; the server's `reaction:added` shows it as yours. */
export const Reacting: Story = {
  play: async ({ canvasElement, loaded, step }) => {
    const { fixture } = loaded as Loaded;
    const asked: string[] = [];
    canvasElement.addEventListener('chat-message-action', (e) => {
      const { request } = e as Event & { request: { action: string; emoji?: string } };
      asked.push(`${request.action} ${request.emoji}`);
    });
    const message = await findDeep(canvasElement, 'chat-message', (el) =>
      /Lunch at noon/.test(el.shadowRoot?.textContent ?? ''),
    );
    await step('open the picker on Bob’s message and pick 🎉', async () => {
      await userEvent.hover(message);
      await userEvent.click(await findButton(message, 'Add reaction'));
      await userEvent.click(await findButton(message, /🎉/));
    });
    await waitFor(() => expect(asked).toEqual(['react 🎉']));
    await step('the server confirms: the reaction shows, pressed', async () => {
      fixture.react('general', 'channel-general-m10', '🎉', alice);
      const reaction = await findButton(message, /🎉 1/);
      expect(reaction.getAttribute('aria-pressed')).toBe('true');
    });
  },
};

/** User content is text: markup, script URLs and HTML entities show as written and run nothing. */
export const HostileContent: Story = {
  ...showing({
    name: 'general',
    messages: [
      { author: dan, text: '<img src=x onerror="document.title=\'pwned\'">' },
      { author: dan, text: '[click me](javascript:document.title="pwned")' },
      { author: dan, text: '<script>document.title = "pwned"</script> &lt;b&gt;not bold&lt;/b&gt;' },
      { author: dan, text: '<a href="javascript:alert(1)">link</a> and ![](x" onerror="alert(1))' },
    ],
  }),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(messageTexts(canvasElement)).toContain('<img src=x onerror="document.title=\'pwned\'">'),
    );
    expect(deepQueryAll(canvasElement, 'img, script').filter((el) => !el.closest('[part~="avatar"]'))).toEqual([]);
    for (const link of deepQueryAll<HTMLAnchorElement>(canvasElement, 'a'))
      expect(link.protocol).not.toBe('javascript:');
    expect(document.title).not.toBe('pwned');
  },
};

/** A channel the user may only read (a token without `chat:write`): the composer says why it is off. */
export const ReadOnly: Story = showing(general, { scopes: ['chat:read'] });

/** Attachments, a link preview and a message that mentions you, as a channel shows them. */
export const AttachmentsAndMentions: Story = showing({
  name: 'launch',
  topic: 'Release day',
  messages: [
    {
      author: bob,
      body: {
        type: 'image',
        url: landscape,
        width: 480,
        height: 300,
        alt: 'Hills under a blue sky',
        name: 'hills.png',
      },
    },
    {
      author: carol,
      body: {
        type: 'file',
        uploadId: 'upload-notes',
        url: 'https://files.example/release-notes.pdf',
        name: 'release-notes.pdf',
        size: 248_320,
        contentType: 'application/pdf',
      },
    },
    {
      author: dan,
      text: 'Checklist: https://example.com/launch',
      preview: {
        url: 'https://example.com/launch',
        title: 'Launch checklist: everything before Thursday',
        description: 'Docs, release notes, the load tests and who is on call, with owners and dates.',
        imageUrl: siteLogo,
        siteName: 'Example Docs',
      },
    },
    { author: bob, text: '@alice can you sign off the notes?', mentions: [alice] },
  ],
});
