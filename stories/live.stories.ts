import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FILL, fill } from './support/fill.js';

type LiveArgs = { server: string; token: string };
type Loaded = { up: boolean };

/** Whether a Confab server answers at `server` (its `/healthz`), within a second and a half. */
async function reachable(server: string): Promise<boolean> {
  try {
    const reply = await fetch(new URL('/healthz', server), { signal: AbortSignal.timeout(1500) });
    return reply.ok;
  } catch {
    return false;
  }
}

/**
 * `<chat-room>` against a real server: start one with `npm start` (it listens on http://localhost:8787),
 * then sign in or register in the story, or paste a host-app token from
 * `npx confab-server token --user alice`.
 */
const meta: Meta<LiveArgs> = {
  title: 'Live/Local server',
  component: 'chat-room',
  tags: ['!autodocs'],
  decorators: [fill],
  args: { server: 'http://localhost:8787', token: '' },
  loaders: [async ({ args }) => ({ up: await reachable((args as LiveArgs).server) }) satisfies Loaded],
};
export default meta;

export const Live: StoryObj<LiveArgs> = {
  render: (args, { loaded }) =>
    (loaded as Loaded).up
      ? html`<chat-room style=${FILL} server=${args.server} token=${args.token} remember></chat-room>`
      : html`<main style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 48px auto; padding: 0 16px">
          <h1 style="font-size: 1.5rem">No Confab server at ${args.server}</h1>
          <p>This story talks to a real server. Start the reference server in the repository, then reload:</p>
          <pre style="background: #f4f5f7; padding: 12px; border-radius: 8px"><code>npm start</code></pre>
          <p>
            It listens on http://localhost:8787 with an SQLite database in <code>./data</code>. Sign in or register in
            the story, or print a token for a user with <code>npx confab-server token --user alice</code> and paste it
            into the <code>token</code> control. Another address goes into the <code>server</code> control.
          </p>
        </main>`,
};
