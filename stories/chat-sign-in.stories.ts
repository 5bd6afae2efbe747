import { createChatClient } from '@confab/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * The built-in sign-in and registration form, for servers without a host app's tokens. It needs a client
 * that nobody is signed in to; nothing is sent until the form is submitted.
 */
const meta: Meta = {
  title: 'Elements/chat-sign-in',
  component: 'chat-sign-in',
  render: () =>
    html`<chat-sign-in
      style="display: block; max-width: 360px; margin: 32px auto"
      .client=${createChatClient({ baseUrl: 'http://localhost:8787' })}
    ></chat-sign-in>`,
};
export default meta;

export const SignIn: StoryObj = {};
