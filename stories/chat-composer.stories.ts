import type { FixtureClient } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { general, oneChannel } from './support/cast.js';
import { findDeep } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

/** Writes a message: Enter sends, Shift+Enter adds a line; the draft is kept per channel. */
const meta: Meta = {
  title: 'Elements/chat-composer',
  component: 'chat-composer',
  loaders: [async () => ({ fixture: oneChannel(general) }) satisfies Loaded],
  render: (args, { loaded }) =>
    html`<chat-composer
      style="display: block; max-width: 640px; padding: 16px"
      .client=${(loaded as Loaded).fixture.client}
      channel="channel-general"
      disabled-reason=${args.disabledReason}
      max-length=${args.maxLength}
    ></chat-composer>`,
  args: { disabledReason: '', maxLength: 4000 },
};
export default meta;
type Story = StoryObj;

/** Enter raises `chat-message-send` and the client sends it (pending until the server acknowledges). */
export const Sending: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { fixture } = loaded as Loaded;
    const sent: string[] = [];
    canvasElement.addEventListener('chat-message-send', (e) =>
      sent.push((e as Event & { body: { text: string } }).body.text),
    );
    await userEvent.click(await findDeep(canvasElement, 'textarea'));
    await userEvent.keyboard('Ship it{Enter}');
    await waitFor(() => expect(sent).toEqual(['Ship it']));
    const echo = fixture.client.channel('channel-general').$messages.get().at(-1);
    expect(echo).toMatchObject({ pending: true, body: { type: 'text', text: 'Ship it' } });
  },
};

/** Off, with the reason shown (here: a read-only token). */
export const Disabled: Story = { args: { disabledReason: 'You can read this channel but not post in it.' } };

/** A text over `max-length` is refused with a message, and kept. */
export const TooLong: Story = {
  args: { maxLength: 10 },
  play: async ({ canvasElement }) => {
    await userEvent.click(await findDeep(canvasElement, 'textarea'));
    await userEvent.keyboard('This is far too long{Enter}');
    await findDeep(canvasElement, '[role="alert"]');
  },
};
