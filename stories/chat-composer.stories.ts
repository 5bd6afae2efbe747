import type { ChannelFixture, FixtureClient, UploadsFixture } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { bob, carol, dan, general, oneChannel } from './support/cast.js';
import { findButton, findDeep } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

/** #general with its members (for `@` suggestions), uploads going as `uploads` says. */
const composing = (uploads: UploadsFixture = {}) => oneChannel({ ...general, members: [bob, carol, dan] }, { uploads });

/** Writes a message: Enter sends, Shift+Enter adds a line; the draft is kept per channel. */
const meta: Meta = {
  title: 'Elements/chat-composer',
  component: 'chat-composer',
  loaders: [async () => ({ fixture: composing() }) satisfies Loaded],
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

/** Typing `@` and letters suggests members (and `@channel`) above the composer; the arrow keys choose, Enter inserts. */
export const MentionSuggestions: Story = {
  decorators: [(story) => html`<div style="padding-top: 200px">${story()}</div>`],
  play: async ({ canvasElement }) => {
    await userEvent.click(await findDeep(canvasElement, 'textarea'));
    await userEvent.keyboard('Thanks @');
    await userEvent.keyboard('c');
    await findDeep(canvasElement, '[role="listbox"]');
    await findButton(canvasElement, /^@carol/);
  },
};

const picked = (name: string, type: string, size: number) => new File([new Uint8Array(size)], name, { type });

/** Files attached: each uploads at once with its progress and Cancel; Send waits for them. */
export const UploadsInProgress: Story = {
  loaders: [async () => ({ fixture: composing({ stall: true }) }) satisfies Loaded],
  play: async ({ canvasElement }) => {
    const composer = await findDeep<HTMLElement & { addFiles(files: File[]): void }>(canvasElement, 'chat-composer');
    composer.addFiles([picked('slides.pdf', 'application/pdf', 1_250_000), picked('photo.jpg', 'image/jpeg', 384_000)]);
    await findDeep(canvasElement, 'progress');
  },
};

/** An upload the server refused: why, with Retry and Remove. */
export const UploadFailed: Story = {
  loaders: [
    async () =>
      ({
        fixture: composing({
          refuse: { code: 'unsupported_media_type', detail: 'Files of this type are not allowed here.' },
        }),
      }) satisfies Loaded,
  ],
  play: async ({ canvasElement }) => {
    const composer = await findDeep<HTMLElement & { addFiles(files: File[]): void }>(canvasElement, 'chat-composer');
    composer.addFiles([picked('setup.exe', 'application/x-msdownload', 52_000)]);
    await findDeep(canvasElement, '[role="alert"]');
  },
};

/** #general with `changes` to the channel: the composer says why it cannot post. */
const blockedBy = (changes: Partial<ChannelFixture>) => ({
  loaders: [async () => ({ fixture: oneChannel({ ...general, ...changes }) }) satisfies Loaded],
});

const note = (canvas: HTMLElement, text: string | RegExp) =>
  findDeep(canvas, '[part="blocked"]', (n) =>
    typeof text === 'string' ? n.textContent?.trim() === text : text.test(n.textContent ?? ''),
  );

/** An archived channel takes no messages: a note instead of the composer. */
export const Archived: Story = {
  ...blockedBy({ archived: true }),
  play: async ({ canvasElement }) => {
    await note(canvasElement, 'This channel is archived.');
  },
};

/** A read-only channel, for a member: only owners and moderators post. */
export const ReadOnlyChannel: Story = {
  ...blockedBy({ readOnly: true }),
  play: async ({ canvasElement }) => {
    await note(canvasElement, 'Only owners and moderators can post here.');
  },
};

/** Muted: until when. */
export const Muted: Story = {
  ...blockedBy({ mutedUntil: new Date(Date.now() + 90 * 60_000).toISOString() }),
  play: async ({ canvasElement }) => {
    await note(canvasElement, /^You are muted until .+\.$/);
  },
};
