import type { FixtureClient } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { alice, carol, dan, design, directWithBob, general, team } from './support/cast.js';
import { FILL, fill } from './support/fill.js';
import { findButton } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

/** The joined channels, most recent activity first, with unread badges; direct channels show `@`. */
const meta: Meta = {
  title: 'Elements/chat-channel-list',
  component: 'chat-channel-list',
  loaders: [async () => ({ fixture: team() }) satisfies Loaded],
  decorators: [fill],
  render: (args, { loaded }) =>
    html`<chat-channel-list
      style="display: flex; flex-direction: column; width: 260px; ${FILL}"
      .client=${(loaded as Loaded).fixture.client}
      active=${args.active}
    ></chat-channel-list>`,
  args: { active: 'channel-general' },
};
export default meta;
type Story = StoryObj;

/** Unread badges on #design and the direct channel with Bob. */
export const UnreadBadges: Story = {};

/** `@` badges: unread messages that mention you (or `@channel`), beside the unread count. */
export const MentionBadges: Story = {
  loaders: [
    async () =>
      ({
        fixture: team({
          channels: [
            {
              ...design,
              unread: 3,
              messages: [
                ...(design.messages ?? []),
                { author: carol, text: '@alice could you check the icons?', mentions: [alice] },
                { author: dan, text: 'Review at 3 pm, @channel', mentionsChannel: true },
              ],
            },
            general,
            directWithBob,
          ],
        }),
      }) satisfies Loaded,
  ],
  play: async ({ canvasElement }) => {
    await findButton(canvasElement, '# design, 3 unread, 2 mentions');
  },
};

/** Choosing a channel raises `chat-channel-select` with its id (the app, or `<chat-room>`, shows it). */
export const SelectingAChannel: Story = {
  play: async ({ canvasElement }) => {
    const picked: string[] = [];
    canvasElement.addEventListener('chat-channel-select', (e) =>
      picked.push((e as Event & { channelId: string }).channelId),
    );
    await userEvent.click(await findButton(canvasElement, /^@ bob/));
    await waitFor(() => expect(picked).toEqual(['channel-direct-bob']));
  },
};

/** New messages in a channel raise its badge as they arrive. */
export const LiveUnreadCount: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { fixture } = loaded as Loaded;
    await findButton(canvasElement, '# random');
    fixture.receive('random', { author: dan, text: 'Pizza?' });
    await findButton(canvasElement, '# random, 1 unread');
  },
};
