import type { LocalMessage } from '@confab/core';
import { createFixtureClient, type MessageFixture } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { alice, bob, carol } from './support/cast.js';
import { findButton } from './support/shadow.js';

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
        (m) => html`<chat-message .message=${m} .me=${alice.id} ?mine=${m.author.id === alice.id}></chat-message>`,
      )}
    </div>`,
  args: { messages: messages([{ author: bob, text: 'Hello **there**, see `npm start` and https://example.com' }]) },
  argTypes: { messages: { control: false } },
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
