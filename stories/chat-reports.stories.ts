import type { FixtureClient } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { FILL, fill } from './support/fill.js';
import { moderated } from './support/moderation.js';
import { deepQueryAll, findDeep } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

/**
 * The reports view, for moderators: open reports with the message, who reported it and why, and what to do
 * (remove the message, mute or ban its author, dismiss); resolved ones in their own tab. `<chat-window>` opens
 * it from its header (Reports).
 */
const meta: Meta = {
  title: 'Elements/chat-reports',
  component: 'chat-reports',
  loaders: [async () => ({ fixture: moderated('moderator') }) satisfies Loaded],
  decorators: [fill],
  render: (_args, { loaded }) =>
    html`<chat-reports
      style="${FILL}; max-width: 420px; border-inline-end: 1px solid #ccc"
      .client=${(loaded as Loaded).fixture.client}
      channel="channel-general"
    ></chat-reports>`,
};
export default meta;
type Story = StoryObj;

const reports = (canvas: HTMLElement) => deepQueryAll(canvas, 'li[part="report"]');

/** Two open reports. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(reports(canvasElement).length).toBe(2));
  },
};

/** The Resolved tab: who resolved each report, and how. */
export const Resolved: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await findDeep(canvasElement, '[role="tab"]', (t) => t.textContent?.trim() === 'Resolved'));
    await waitFor(() => expect(reports(canvasElement)[0]?.textContent).toContain('Dismissed by Carol Nguyen'));
  },
};

/** Nothing to look at. */
export const Empty: Story = {
  loaders: [async () => ({ fixture: moderated('owner', { reports: [] }) }) satisfies Loaded],
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, 'p', (p) => p.textContent?.trim() === 'No open reports.');
  },
};
