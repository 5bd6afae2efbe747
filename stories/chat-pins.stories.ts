import type { ChannelFixture, FixtureClient } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { alice, bob, carol, dan, oneChannel } from './support/cast.js';
import { FILL, fill } from './support/fill.js';
import { deepQueryAll, findButton, findDeep } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

const pinnedChannel = (role: ChannelFixture['role'], pinned = true): ChannelFixture => ({
  name: 'general',
  topic: 'Everything about the launch',
  role,
  messages: [
    { author: carol, text: 'Launch checklist: https://example.com/launch', ...(pinned ? { pinned: { by: bob } } : {}) },
    { author: alice, text: 'Morning!' },
    { author: bob, text: 'We ship on **Thursday** at 10:00 UTC.', ...(pinned ? { pinned: { by: alice } } : {}) },
    { author: dan, text: 'On-call this week: Dan, then Carol.', ...(pinned ? { pinned: { by: bob } } : {}) },
    { author: carol, text: 'Lunch?' },
  ],
});

const showing = (channel: ChannelFixture) => ({
  loaders: [async () => ({ fixture: oneChannel(channel) }) satisfies Loaded],
});

/**
 * A channel's pinned messages: the "Pinned (n)" button in `<chat-window>`'s header opens them under it.
 * Each shows its author, time and text; choosing one jumps to it; whoever may pin sees Unpin.
 */
const meta: Meta = {
  title: 'Elements/chat-pins',
  component: 'chat-pins',
  ...showing(pinnedChannel('moderator')),
  decorators: [fill],
  render: (_args, { loaded }) => {
    const { fixture } = loaded as Loaded;
    return html`<div style="${FILL}; max-width: 480px; padding: 16px">
      <chat-pins .client=${fixture.client} channel=${fixture.channelId('general')}></chat-pins>
    </div>`;
  },
};
export default meta;
type Story = StoryObj;

/** A moderator's view: three pins, most recently pinned first, each with Unpin. */
export const Full: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(deepQueryAll(canvasElement, '[part="pin"]').length).toBe(3));
    expect(deepQueryAll(canvasElement, '[part="unpin"]').length).toBe(3);
  },
};

/** A member's view: no Unpin. */
export const AsMember: Story = {
  ...showing(pinnedChannel('member')),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(deepQueryAll(canvasElement, '[part="pin"]').length).toBe(3));
    expect(deepQueryAll(canvasElement, '[part="unpin"]').length).toBe(0);
  },
};

/** Nothing pinned yet. */
export const Empty: Story = {
  ...showing(pinnedChannel('moderator', false)),
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, '[part="empty"]');
  },
};

/** In `<chat-window>`: the header's "Pinned (3)" button opens the list. */
export const InWindow: Story = {
  render: (_args, { loaded }) => {
    const { fixture } = loaded as Loaded;
    return html`<chat-window style="display: flex; ${FILL}" .client=${fixture.client} channel=${fixture.channelId('general')}></chat-window>`;
  },
  play: async ({ canvasElement }) => {
    await (await findButton(canvasElement, 'Pinned (3)')).click();
    await findDeep(canvasElement, '[part="pin"]');
  },
};

/** On a phone (390px). */
export const Narrow: Story = {
  render: (_args, { loaded }) => {
    const { fixture } = loaded as Loaded;
    return html`<chat-window style="display: flex; width: 390px; ${FILL}" .client=${fixture.client} channel=${fixture.channelId('general')}></chat-window>`;
  },
  play: InWindow.play,
};
