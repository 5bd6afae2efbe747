import type { FixtureClient } from '@confab/core/fixtures';
import { createFixtureClient, fixtureUser } from '@confab/core/fixtures';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { team } from './support/cast.js';
import { FILL, fill, PASS_ON } from './support/fill.js';
import { findDeep } from './support/shadow.js';

type Loaded = { fixture: FixtureClient };

/** Themes built only from the public styling API: `--chat-*` custom properties, `::part()` and `theme`. */
const meta: Meta = {
  title: 'Theming/Examples',
  component: 'chat-room',
  tags: ['!autodocs'],
  decorators: [fill],
  loaders: [async () => ({ fixture: team() }) satisfies Loaded],
};
export default meta;
type Story = StoryObj;

const room = (loaded: Record<string, unknown>, attrs = '') =>
  html`<chat-room style=${FILL} .client=${(loaded as Loaded).fixture.client} channel="channel-general" theme=${attrs || 'light'}></chat-room>`;

/** `theme="dark"`: the defaults switch through `color-scheme`. */
export const Dark: Story = {
  render: (_args, { loaded }) => html`<div style="background: #15171b; ${PASS_ON}">${room(loaded, 'dark')}</div>`,
};

/** A warm theme: tokens on the element, shapes through `::part()`. Nothing else reaches inside. */
export const CustomTheme: Story = {
  render: (_args, { loaded }) => html`
    <style>
      .warm chat-room {
        --chat-background: #fffaf3;
        --chat-surface: #f6ead8;
        --chat-text: #3b2a1a;
        --chat-muted: #6b5440;
        --chat-border: #e2cfb4;
        --chat-accent: #9a3412;
        --chat-on-accent: #ffffff;
        --chat-mine: #fde7cf;
        --chat-danger: #9f1239;
        --chat-radius: 14px;
        --chat-font: Georgia, 'Times New Roman', serif;
        --chat-font-size: 16px;
      }
      .warm chat-room::part(header) {
        border-bottom: 3px double #9a3412;
      }
      .warm chat-room::part(sidebar-badge) {
        border-radius: 4px;
      }
      .warm chat-room::part(message) {
        border-left: 3px solid transparent;
      }
    </style>
    <div class="warm" style=${PASS_ON}>${room(loaded)}</div>
  `,
  play: async ({ canvasElement }) => {
    const header = await findDeep(canvasElement, '[part~="header"]');
    expect(getComputedStyle(header).borderBottomStyle).toBe('double');
  },
};

/** Compact: `--chat-density: 0.6`. */
export const Compact: Story = {
  render: (_args, { loaded }) =>
    html`<div style="--chat-density: 0.6; --chat-font-size: 14px; ${PASS_ON}">${room(loaded)}</div>`,
};

const salma = fixtureUser('salma', { displayName: 'سلمى' });
const omar = fixtureUser('omar', { displayName: 'عمر' });

/** Right to left: `dir="rtl"` and `lang="ar"` on an ancestor; the layout mirrors, text runs its own way. */
export const RightToLeft: Story = {
  loaders: [
    async () =>
      ({
        fixture: createFixtureClient({
          me: salma,
          channels: [
            {
              name: 'عام',
              id: 'channel-general',
              unread: 1,
              online: [salma, omar],
              messages: [
                { author: omar, text: 'صباح الخير! هل الإصدار جاهز؟' },
                { author: salma, text: 'نعم، **تقريبا**. بقي التوثيق فقط.', reactions: { '👍': [omar] } },
                { author: omar, text: 'رائع. الرابط: https://example.com' },
              ],
            },
            { name: 'تصميم', messages: [{ author: omar, text: 'الألوان الجديدة جاهزة' }], unread: 1 },
          ],
        }),
      }) satisfies Loaded,
  ],
  render: (_args, { loaded }) => html`<div dir="rtl" lang="ar" style=${PASS_ON}>${room(loaded)}</div>`,
};
