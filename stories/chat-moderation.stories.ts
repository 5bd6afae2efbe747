import type { FixtureClient } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { FILL, fill } from './support/fill.js';
import { moderated } from './support/moderation.js';
import { deepQueryAll, findButton, findDeep } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

/**
 * Moderation in `<chat-window>`, as an owner: Members, Reports and Settings in the header, a menu on each message
 * with what the role allows, and the dialogs (modal, labelled, Escape closes them, focus returns to the control
 * that opened them).
 */
const meta: Meta = {
  title: 'Elements/moderation',
  loaders: [async () => ({ fixture: moderated('owner') }) satisfies Loaded],
  decorators: [fill],
  render: (_args, { loaded }) =>
    html`<chat-window style="display: flex; ${FILL}" .client=${(loaded as Loaded).fixture.client} channel="channel-general"></chat-window>`,
};
export default meta;
type Story = StoryObj;

/** The window as an owner: role badges beside the authors, and Members, Reports and Settings in the header. */
export const AsOwner: Story = {
  play: async ({ canvasElement }) => {
    await findButton(canvasElement, 'Settings');
    await findDeep(canvasElement, '[part~="role-badge"]', (b) => b.textContent?.trim() === 'Owner');
  },
};

/** A message's menu, as an owner: pin, report, remove, mute and ban its author. */
export const MessageMenu: Story = {
  play: async ({ canvasElement }) => {
    const message = await findDeep<HTMLElement & { message?: { author: { username: string } } }>(
      canvasElement,
      'chat-message',
      (m) => m.message?.author.username === 'bob' && !!m.shadowRoot?.querySelector('.actions'),
    );
    message.focus();
    await userEvent.click(await findButton(message, 'More actions'));
    await waitFor(() =>
      expect(deepQueryAll(message, '[role="menuitem"]').map((i) => i.textContent?.trim())).toEqual([
        'Pin',
        'Report…',
        'Remove message',
        'Mute author…',
        'Ban author…',
      ]),
    );
  },
};

/** Opens a member's menu in the member panel and picks `entry`. */
async function fromMembers(canvas: HTMLElement, member: string, entry: string): Promise<HTMLDialogElement> {
  await userEvent.click(await findButton(canvas, 'Members'));
  await userEvent.click(await findButton(canvas, `Actions for ${member}`));
  await userEvent.click(await findDeep(canvas, '[role="menuitem"]', (i) => i.textContent?.trim() === entry));
  const dialog = await findDeep<HTMLDialogElement>(canvas, 'dialog.moderation-dialog');
  await waitFor(() => expect(dialog.open).toBe(true));
  return dialog;
}

/** The ban dialog: a reason, and for how long (an hour, a day, a week, for good). */
export const BanDialog: Story = {
  play: async ({ canvasElement }) => {
    await fromMembers(canvasElement, 'Dan Kowalski', 'Ban…');
  },
};

/** The mute dialog, with a time of one's own ("Until…"). */
export const MuteDialog: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await fromMembers(canvasElement, 'Dan Kowalski', 'Mute…');
    await userEvent.click(await findDeep(dialog, 'input[value="custom"]'));
    await findDeep(dialog, 'input[type="datetime-local"]');
  },
};

/** Removing someone asks first. */
export const RemoveDialog: Story = {
  play: async ({ canvasElement }) => {
    await fromMembers(canvasElement, 'Dan Kowalski', 'Remove from channel');
  },
};

/** The report dialog, from a message's menu (as a member). */
export const ReportDialog: Story = {
  loaders: [async () => ({ fixture: moderated('member') }) satisfies Loaded],
  play: async ({ canvasElement }) => {
    const message = await findDeep<HTMLElement & { message?: { author: { username: string } } }>(
      canvasElement,
      'chat-message',
      (m) => m.message?.author.username === 'bob' && !!m.shadowRoot?.querySelector('.actions'),
    );
    message.focus();
    await userEvent.click(await findButton(message, 'More actions'));
    await userEvent.click(await findDeep(message, '[role="menuitem"]', (i) => i.textContent?.trim() === 'Report…'));
    const dialog = await findDeep<HTMLDialogElement>(message, 'dialog.moderation-dialog');
    await waitFor(() => expect(dialog.open).toBe(true));
  },
};

/** The channel settings dialog (owners): topic, read-only, archived, members can pin. */
export const SettingsDialog: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await findButton(canvasElement, 'Settings'));
    const dialog = await findDeep<HTMLDialogElement>(canvasElement, 'dialog.moderation-dialog');
    await waitFor(() => expect(dialog.open).toBe(true));
  },
};

/** The reports view, opened from the header. */
export const ReportsPanel: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await findButton(canvasElement, 'Reports'));
    await waitFor(() => expect(deepQueryAll(canvasElement, 'li[part="report"]').length).toBe(2));
  },
};

/** An archived channel: the composer gives way to a note. */
export const Archived: Story = {
  loaders: [async () => ({ fixture: moderated('member', { archived: true }) }) satisfies Loaded],
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, '[part="blocked"]', (n) => n.textContent?.trim() === 'This channel is archived.');
  },
};
