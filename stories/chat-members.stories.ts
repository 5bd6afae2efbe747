import type { ChannelFixture, ChatFixture, FixtureClient } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { dan } from './support/cast.js';
import { FILL, fill } from './support/fill.js';
import { moderated } from './support/moderation.js';
import { deepQueryAll, findButton, findDeep } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

const as = (role: NonNullable<ChannelFixture['role']>, overrides: Partial<ChatFixture> = {}) => ({
  loaders: [async () => ({ fixture: moderated(role, {}, overrides) }) satisfies Loaded],
});

/**
 * The member panel: everyone in the channel with their role, and per member a menu with only what your role
 * allows (roles for owners; mute, remove and ban for moderators, on people they outrank; block for everyone).
 * `<chat-window>` opens it from its header (Members).
 */
const meta: Meta = {
  title: 'Elements/chat-members',
  component: 'chat-members',
  ...as('owner'),
  decorators: [fill],
  render: (_args, { loaded }) =>
    html`<chat-members
      style="${FILL}; max-width: 380px; border-inline-end: 1px solid #ccc"
      .client=${(loaded as Loaded).fixture.client}
      channel="channel-general"
    ></chat-members>`,
};
export default meta;
type Story = StoryObj;

const listed = async (canvas: HTMLElement) =>
  waitFor(() => expect(deepQueryAll(canvas, 'li[part="member"]').length).toBeGreaterThanOrEqual(4));

/** As an owner: every action on others, and the banned list. */
export const AsOwner: Story = {
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await findButton(canvasElement, 'Lift ban: Eve Troll');
  },
};

/** As an owner, Dan's menu (a moderator): roles, mute, remove, ban, block. */
export const OwnerMenu: Story = {
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await userEvent.click(await findButton(canvasElement, 'Actions for Dan Kowalski'));
    const items = await waitFor(() => {
      const found = deepQueryAll(canvasElement, '[role="menuitem"]').map((i) => i.textContent?.trim());
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    expect(items).toEqual(['Make owner', 'Make member', 'Mute…', 'Remove from channel', 'Ban…', 'Block']);
  },
};

/** As a moderator: nothing on the owner but Block; mute, remove and ban on members. */
export const AsModerator: Story = {
  ...as('moderator'),
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await userEvent.click(await findButton(canvasElement, 'Actions for Bob Okafor'));
    await findDeep(canvasElement, '[role="menuitem"]', (i) => i.textContent?.trim() === 'Ban…');
  },
};

/** As a member: Block (or Unblock) only, and no banned list. */
export const AsMember: Story = {
  ...as('member', { blocked: [dan] }),
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await userEvent.click(await findButton(canvasElement, 'Actions for Dan Kowalski'));
    await findDeep(canvasElement, '[role="menuitem"]', (i) => i.textContent?.trim() === 'Unblock');
    expect(deepQueryAll(canvasElement, '[part="bans"]')).toEqual([]);
  },
};

/** On a phone the panel fills the window (here inside `<chat-window>`, opened from Members). */
export const InWindowOnAPhone: Story = {
  ...as('moderator'),
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  render: (_args, { loaded }) =>
    html`<div style="width: 390px; display: flex; ${FILL}">
      <chat-window style="display: flex; ${FILL}; width: 100%" .client=${(loaded as Loaded).fixture.client} channel="channel-general"></chat-window>
    </div>`,
  play: async ({ canvasElement }) => {
    await userEvent.click(await findButton(canvasElement, 'Members'));
    await findDeep(canvasElement, 'chat-members');
    await listed(canvasElement);
  },
};
