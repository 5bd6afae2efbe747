import type { FixtureClient } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { bob, RELEASE_QUESTION, team } from './support/cast.js';
import { FILL, fill } from './support/fill.js';
import { findDeep, messageTexts } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

/** A thread: the message it answers, its replies and a composer for replying. */
const meta: Meta = {
  title: 'Elements/chat-thread',
  component: 'chat-thread',
  loaders: [async () => ({ fixture: team() }) satisfies Loaded],
  decorators: [fill],
  render: (_args, { loaded }) =>
    html`<chat-thread
      style="display: flex; max-width: 480px; ${FILL}"
      .client=${(loaded as Loaded).fixture.client}
      channel="channel-general"
      message=${RELEASE_QUESTION}
    ></chat-thread>`,
};
export default meta;
type Story = StoryObj;

/** Bob's question and its three replies. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(messageTexts(canvasElement)).toContain('Thursday it is 👍'));
  },
};

/** A reply sent from the thread shows there, pending; a reply from someone else arrives live. */
export const Replying: Story = {
  play: async ({ canvasElement, loaded, step }) => {
    const { fixture } = loaded as Loaded;
    await step('reply in the thread', async () => {
      await userEvent.click(await findDeep(canvasElement, 'textarea'));
      await userEvent.keyboard('Friday is safer{Enter}');
      await waitFor(() => expect(messageTexts(canvasElement)).toContain('Friday is safer'));
    });
    await step('Bob answers', async () => {
      fixture.receive('general', { author: bob, text: 'Agreed, Friday.' }, RELEASE_QUESTION);
      await waitFor(() => expect(messageTexts(canvasElement)).toContain('Agreed, Friday.'));
    });
  },
};
