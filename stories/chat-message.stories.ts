import type { LocalMessage } from '@confab/core';
import { createFixtureClient, type MessageFixture } from '@confab/core/fixtures';
import type { MessageModeration } from '@confab/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { alice, bob, carol, dan } from './support/cast.js';
import { landscape, siteLogo } from './support/media.js';
import { findButton, findDeep } from './support/shadow.js';

/** Messages as a fixture client holds them: `fixtures` in a channel, then its `pending` and `failed` sends. */
function messages(fixtures: MessageFixture[], sends: { pending?: string[]; failed?: string[] } = {}): LocalMessage[] {
  const { client } = createFixtureClient({
    me: alice,
    channels: [
      {
        name: 'general',
        messages: fixtures,
        pending: sends.pending ?? [],
        failed: (sends.failed ?? []).map((text) => ({ text })),
      },
    ],
  });
  return client.channel('channel-general').$messages.get();
}

/** One message: author, time, body (the markdown subset), reactions, replies, and its actions. */
const meta: Meta = {
  title: 'Elements/chat-message',
  component: 'chat-message',
  render: (args) =>
    html`<div role="log" aria-label="Messages" style="padding: 16px; max-width: 640px">
      ${(args.messages as LocalMessage[]).map(
        (m) =>
          html`<chat-message
            .message=${m}
            .me=${alice.id}
            .viewer=${alice}
            .moderation=${args.moderation}
            ?mine=${m.author.id === alice.id}
          ></chat-message>`,
      )}
    </div>`,
  args: { messages: messages([{ author: bob, text: 'Hello **there**, see `npm start` and https://example.com' }]) },
  argTypes: { messages: { control: false }, moderation: { control: false } },
};
export default meta;
type Story = StoryObj;

export const Text: Story = {};

/** Bold, italic, code, code blocks, links and mentions; everything else stays text. */
export const Markdown: Story = {
  args: {
    messages: messages([
      { author: bob, text: '**bold**, *italic*, `code`, a link https://example.com and @alice' },
      { author: carol, text: '```\nconst client = createChatClient({ baseUrl });\nawait client.connect();\n```' },
    ]),
  },
};

/** Your own message, edited; and a deleted one. */
export const EditedAndDeleted: Story = {
  args: {
    messages: messages([
      { author: alice, text: 'Meeting moved to 3 pm', edited: true },
      { author: bob, text: 'gone', deleted: true },
    ]),
  },
};

/** Reactions: yours are pressed. */
export const Reactions: Story = {
  args: {
    messages: messages([{ author: bob, text: 'Shipped!', reactions: { '🎉': [alice, carol], '👀': [carol] } }]),
  },
};

/** A message with replies offers to open its thread. */
export const WithReplies: Story = {
  args: {
    messages: messages([{ author: bob, text: 'Thursday or Friday?', replies: [{ author: carol, text: 'Thursday' }] }]),
  },
  play: async ({ canvasElement }) => {
    const asked: string[] = [];
    canvasElement.addEventListener('chat-message-action', (e) =>
      asked.push((e as Event & { request: { action: string } }).request.action),
    );
    await userEvent.click(await findButton(canvasElement, '1 reply'));
    await waitFor(() => expect(asked).toEqual(['reply']));
  },
};

/** A send waiting for the server, and one the server refused (Retry, Discard). */
export const PendingAndFailed: Story = {
  args: { messages: messages([], { pending: ['On my way'], failed: ['Too late'] }) },
};

/** An image (its box kept from its width and height while it loads; it opens in a lightbox), a file and a video. */
export const Attachments: Story = {
  args: {
    messages: messages([
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
      { author: bob, body: { type: 'video', url: 'https://files.example/demo.mp4', name: 'demo.mp4' } },
    ]),
  },
};

/** The lightbox: the picture full screen, its alt text, Download and Close (Escape closes it too). */
export const Lightbox: Story = {
  args: {
    messages: messages([
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
    ]),
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(await findButton(canvasElement, 'Open image Hills under a blue sky'));
    const dialog = await findDeep<HTMLDialogElement>(canvasElement, 'dialog');
    await waitFor(() => expect(dialog.open).toBe(true));
  },
};

const preview = {
  url: 'https://example.com/launch',
  title: 'Launch checklist: everything before Thursday',
  description:
    'Docs, release notes, the load tests and who is on call: the list the team works through before each release, with owners and dates.',
  imageUrl: siteLogo,
  siteName: 'Example Docs',
};

/** A link preview card under a message; on your own message, a button removes it. */
export const LinkPreview: Story = {
  args: {
    messages: messages([
      { author: bob, text: 'Checklist: https://example.com/launch' },
      { author: alice, text: 'Updated it: https://example.com/launch' },
    ]).map((m) => ({ ...m, preview })),
  },
};

/** A message that mentions you is highlighted (and says so to screen readers); mentions show as chips. */
export const MentionsYou: Story = {
  args: {
    messages: [
      ...messages([
        { author: bob, text: '@alice can you review the release notes? cc @carol' },
        { author: carol, text: 'Thanks @bob, looks good' },
      ]).map((m, i) => (i === 0 ? { ...m, mentions: [alice.id, carol.id] } : m)),
    ],
  },
};

/** What a member of #general knows: Carol owns it, Dan moderates it; `changes` on top. */
function moderation(changes: Partial<MessageModeration> = {}): MessageModeration {
  const people = [alice, bob, carol, dan];
  return {
    roles: new Map([
      [carol.id, 'owner'],
      [dan.id, 'moderator'],
    ]),
    names: new Map(people.map((p) => [p.id, p.displayName])),
    blocked: new Set(),
    rank: 1,
    moderate: false,
    pin: false,
    report: true,
    post: true,
    react: true,
    ...changes,
  };
}

/** Role badges beside the authors, and a pinned message ("Pinned by Alice Martin"). */
export const RolesAndPins: Story = {
  args: {
    moderation: moderation(),
    messages: messages([
      { author: carol, text: 'Release checklist: https://example.com/launch', pinned: { by: alice } },
      { author: dan, text: 'Please keep this channel on topic.' },
    ]),
  },
  play: async ({ canvasElement }) => {
    await findDeep(
      canvasElement,
      '[part~="pinned"]',
      (p) => p.textContent?.includes('Pinned by Alice Martin') ?? false,
    );
  },
};

/** A message a moderator removed, beside one its author deleted. */
export const RemovedByAModerator: Story = {
  args: {
    moderation: moderation(),
    messages: messages([
      { author: bob, text: 'spam', removedBy: dan },
      { author: carol, text: 'oops', deleted: true },
    ]),
  },
};

/** A message by someone you blocked stays hidden behind a note, with Show. */
export const BlockedHidden: Story = {
  args: {
    moderation: moderation({ blocked: new Set([bob.id]) }),
    messages: messages([{ author: bob, text: 'You will not see this at first' }]),
  },
};

/** Show reveals that one message. */
export const BlockedRevealed: Story = {
  args: BlockedHidden.args,
  play: async ({ canvasElement }) => {
    await userEvent.click(await findButton(canvasElement, 'Show'));
    await findDeep(canvasElement, '[part~="body"]', (b) => b.textContent?.trim() === 'You will not see this at first');
  },
};

/** A moderator's menu on a member's message: Pin, Report…, Remove message, Mute author…, Ban author…. */
export const ModeratorMenu: Story = {
  args: {
    moderation: moderation({ rank: 2, moderate: true, pin: true }),
    messages: messages([{ author: bob, text: 'Buy cheap watches at example.com' }]),
  },
  play: async ({ canvasElement }) => {
    const message = await findDeep(canvasElement, 'chat-message');
    message.focus();
    await userEvent.click(await findButton(message, 'More actions'));
    await findDeep(message, '[role="menuitem"]', (i) => i.textContent?.trim() === 'Ban author…');
  },
};
