import type { ChatFixture, FixtureClient } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { general, history, team } from './support/cast.js';
import { FILL, fill } from './support/fill.js';
import { deepQueryAll, findButton, findDeep } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

/** The team's fixture client; `overrides` change how searches answer. */
const loading = (overrides: Partial<ChatFixture> = {}) => ({
  loaders: [async () => ({ fixture: team(overrides) }) satisfies Loaded],
});

/** Types `q` into the story's search box and presses Enter. */
async function search(canvas: HTMLElement, q: string) {
  const input = await findDeep<HTMLInputElement>(canvas, 'input[type="search"]');
  await userEvent.type(input, `${q}{Enter}`);
}

/**
 * A message search box: in `<chat-window>` for one channel, in `<chat-room>`'s sidebar for all of them.
 * Enter searches; the hits are a list box (ArrowDown / ArrowUp, Enter to jump to the message, Escape to
 * close) with the matches marked, newest first, and "Load more" for older ones.
 */
const meta: Meta = {
  title: 'Elements/chat-search',
  component: 'chat-search',
  ...loading(),
  decorators: [fill],
  render: (_args, { loaded }) => {
    const { fixture } = loaded as Loaded;
    return html`<div style="${FILL}; max-width: 640px; padding: 16px">
      <chat-search .client=${fixture.client}></chat-search>
    </div>`;
  },
};
export default meta;
type Story = StoryObj;

/** Nothing searched yet. */
export const Empty: Story = {};

/** Hits across channels, the matches marked. */
export const Results: Story = {
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'release');
    await waitFor(() => expect(deepQueryAll(canvasElement, '[role="option"]').length).toBeGreaterThan(0));
    expect(deepQueryAll(canvasElement, 'mark').map((m) => m.textContent?.toLowerCase())).toContain('release');
  },
};

/** More hits than one page: "Load more" follows the cursor. */
export const LoadMore: Story = {
  ...loading({
    channels: [{ name: 'archive', topic: '200 messages', messages: history(200) }, general],
  }),
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'merged');
    await (await findButton(canvasElement, 'Load more')).click();
    await waitFor(() => expect(deepQueryAll(canvasElement, '[role="option"]').length).toBe(25));
  },
};

/** Nothing matched. */
export const NoResults: Story = {
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'zebra');
    await findDeep(canvasElement, '[part="state"]', (el) => /No messages/.test(el.textContent ?? ''));
  },
};

/** The search is out: it never answers. */
export const Searching: Story = {
  ...loading({ search: 'loading' }),
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'release');
    await findDeep(canvasElement, '[part="state"]', (el) => /Searching/.test(el.textContent ?? ''));
  },
};

/** The server could not search: a Retry button. */
export const Failed: Story = {
  ...loading({ search: 'error' }),
  play: async ({ canvasElement }) => {
    await search(canvasElement, 'release');
    await findButton(canvasElement, 'Retry');
  },
};

/** In `<chat-window>`: the Search button opens the box for the channel under the header. */
export const InWindow: Story = {
  render: (_args, { loaded }) => {
    const { fixture } = loaded as Loaded;
    const channel = fixture.channelId('general');
    return html`<chat-window style="display: flex; ${FILL}" .client=${fixture.client} channel=${channel}></chat-window>`;
  },
  play: async ({ canvasElement }) => {
    await (await findButton(canvasElement, 'Search')).click();
    await search(canvasElement, 'thursday');
    await waitFor(() => expect(deepQueryAll(canvasElement, '[role="option"]').length).toBeGreaterThan(0));
  },
};

/** On a phone (390px): the hits take the width. */
export const Narrow: Story = {
  render: (_args, { loaded }) => {
    const { fixture } = loaded as Loaded;
    return html`<div style="width: 390px; padding: 8px"><chat-search .client=${fixture.client}></chat-search></div>`;
  },
  play: Results.play,
};
