import type { FixtureClient } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { RELEASE_QUESTION, team } from './support/cast.js';
import { FILL, fill } from './support/fill.js';
import { deepQueryAll, findButton, findDeep, messageTexts } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

/**
 * The whole chat in one element: channels, the open channel and a thread beside it. These stories give it a
 * fixture client from `@confab/core/fixtures`, so no server is needed.
 */
const meta: Meta = {
  title: 'Elements/chat-room',
  component: 'chat-room',
  loaders: [async () => ({ fixture: team() }) satisfies Loaded],
  decorators: [fill],
  render: (args, { loaded }) =>
    html`<chat-room
      style=${FILL}
      .client=${(loaded as Loaded).fixture.client}
      channel=${args.channel ?? 'channel-general'}
      theme=${args.theme ?? 'light'}
    ></chat-room>`,
  args: { channel: 'channel-general', theme: 'light' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
};
export default meta;
type Story = StoryObj;

/** Channels with unread badges, a conversation with reactions, an edit, a tombstone and a thread. */
export const Default: Story = {};

/** Picking another channel in the sidebar shows its messages. */
export const SwitchingChannels: Story = {
  play: async ({ canvasElement, step }) => {
    await step('pick #design in the sidebar', async () => {
      await userEvent.click(await findButton(canvasElement, /^# design/));
    });
    await step('the window shows #design', async () => {
      await findDeep(canvasElement, '[part~="title"]', (el) => el.textContent === '# design');
      await waitFor(() => expect(messageTexts(canvasElement)).toContain('Shipped the icons 🎨'));
    });
  },
};

/** A thread open beside the channel: the question, its three replies, and a composer for replying. */
export const OpenThread: Story = {
  play: async ({ canvasElement, step }) => {
    await step('open the replies of the release question', async () => {
      await userEvent.click(await findButton(canvasElement, '3 replies'));
    });
    await step('the thread shows the question and its replies', async () => {
      const thread = await findDeep(canvasElement, 'chat-thread');
      await waitFor(() => expect(messageTexts(thread)).toContain('Thursday it is 👍'));
      expect(thread.getAttribute('message')).toBe(RELEASE_QUESTION);
    });
  },
};

/** The same room in the dark theme (`theme="dark"`). */
export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { disable: true } },
};

/** One pane at a time below 720px: the channel, with a Back button to the list. */
export const Mobile: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  render: (_args, { loaded }) =>
    html`<div style="width: 375px; height: 100%; max-height: 667px; border: 1px solid #ccc">
      <chat-room style="height: 100%" .client=${(loaded as Loaded).fixture.client} channel="channel-general" theme="light"></chat-room>
    </div>`,
  play: async ({ canvasElement }) => {
    await userEvent.click(await findButton(canvasElement, 'Back'));
    await waitFor(() => expect(deepQueryAll(canvasElement, '[part~="channel"]').length).toBe(4));
  },
};
