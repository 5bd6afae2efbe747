// End to end on the demo page, three people in Chromium (Carol on a 390 px phone): the owner promotes Bob and
// mutes Carol (her composer turns into a note at once), Bob reports Carol's spam, the owner bans her from the
// report (the channel leaves her list), pins the rules, and finds message 200 of a 3,000-message channel with
// the search across channels: Enter on the hit opens that channel anchored on it. Bob blocks Carol's alt and
// sees her messages behind "blocked user".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoPageSkip, launchChromium, openChannel, screenshot as shot, signIn } from './support/demo-page.js';
import { kitFor } from './support/kit.js';
import { startTestServer } from './support/test-server.js';

const HISTORY = 3000;
const NEEDLE = 200;

test('on the demo page an owner moderates, pins and finds an old message; a blocked user is hidden', {
  skip: demoPageSkip,
}, async (t) => {
  const server = await startTestServer({ sendRate: 1_000_000, writeRate: 1_000_000 }, t);
  const { fixtures, http } = kitFor(server.url, t);
  const [alice, bob, carol] = await fixtures.users(3);
  const hall = await fixtures.channel(alice!, 'public', [bob!.id, carol!.id]);
  const history = await fixtures.channel(alice!, 'public', [bob!.id]);
  const topics = ['budget', 'release', 'design', 'coffee', 'deploy', 'review', 'lunch', 'metrics'];
  for (let start = 0; start < HISTORY; start += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, k) => {
        const n = start + k;
        const text =
          n === NEEDLE ? `The needle is in the haystack, message ${n}` : `Message ${n} about ${topics[n % 8]}`;
        return fixtures.post(n % 2 ? alice! : bob!, history.id, text);
      }),
    );
  }
  await fixtures.post(alice!, hall.id, 'Welcome to the town hall. Be kind.');
  await fixtures.post(bob!, hall.id, 'Hello everyone!');
  await fixtures.post(carol!, hall.id, 'BUY CHEAP WATCHES at spam.example');

  const browser = await launchChromium(t);
  const errors: string[] = [];
  const open = (user: { username: string; password: string }, width: number) =>
    signIn(browser, server.url, user, { width, errors });
  const menuOf = async (page: Page, text: string) => {
    const message = page.locator('chat-message').filter({ hasText: text });
    await message.hover();
    await message.getByRole('button', { name: 'More actions' }).click();
    return message;
  };

  const a = await open(alice!, 1100);
  const b = await open(bob!, 1100);
  const c = await open(carol!, 390);
  await openChannel(a, hall.name);
  await openChannel(b, hall.name);
  await c.getByRole('heading', { name: `# ${hall.name}` }).waitFor(); // her only channel: the phone opens it

  // The owner makes Bob a moderator from the member panel: his badge shows on his messages, for Carol too.
  await a.getByRole('button', { name: 'Members' }).click();
  const members = a.locator('chat-members');
  await members.getByRole('button', { name: `Actions for ${bob!.username}` }).click();
  await members.getByRole('menuitem', { name: 'Make moderator' }).click();
  await c.locator('chat-message').filter({ hasText: 'Hello everyone!' }).getByText('Moderator').waitFor();

  // … and mutes Carol for an hour: her composer becomes a note, and she is offered no Reply or reaction.
  await members.getByRole('button', { name: `Actions for ${carol!.username}` }).click();
  await members.getByRole('menuitem', { name: 'Mute…' }).click();
  await a.getByRole('dialog').getByRole('button', { name: 'Mute', exact: true }).click();
  await c.getByText(/^You are muted until/).waitFor();
  assert.equal(await c.getByRole('textbox', { name: 'Message' }).count(), 0, 'no composer while muted');
  await c.locator('chat-message').filter({ hasText: 'Hello everyone!' }).click();
  assert.equal(await c.getByRole('button', { name: 'Add reaction' }).count(), 0, 'no reacting while muted');
  await shot(c, 'carol-muted-phone');

  // Bob reports Carol's spam; the owner sees it in Reports and bans her from there.
  await (await menuOf(b, 'BUY CHEAP')).getByRole('menuitem', { name: 'Report…' }).click();
  await b.getByRole('dialog').getByRole('textbox').fill('Spam link');
  await b.getByRole('dialog').getByRole('button', { name: 'Send report' }).click();
  await members.getByRole('button', { name: 'Close Members' }).click();
  await a.getByRole('button', { name: 'Reports' }).click();
  const reports = a.locator('chat-reports');
  await reports.getByText('Spam link').waitFor();
  await shot(a, 'owner-reports');
  await reports.getByRole('button', { name: 'Ban author…' }).click();
  await a.getByRole('dialog').getByRole('button', { name: 'Ban', exact: true }).click();
  await reports.getByText('No open reports.').waitFor();
  await c.getByRole('heading', { name: `# ${hall.name}` }).waitFor({ state: 'detached' });
  await c.getByRole('status').getByText(`You are no longer a member of # ${hall.name}.`).waitFor();
  await shot(c, 'carol-banned-phone');
  const read = await http.get(`/api/v1/channels/${hall.id}/messages`, carol!.token);
  assert.equal(read.status, 403, 'a banned user reads nothing');
  await reports.getByRole('button', { name: /^Close/ }).click();

  // The owner pins the rules: the marker and the Pinned panel.
  await (await menuOf(a, 'Welcome to the town hall')).getByRole('menuitem', { name: 'Pin' }).click();
  await a.getByRole('button', { name: 'Pinned (1)' }).click();
  await a.locator('chat-pins').getByText('Welcome to the town hall. Be kind.').waitFor();
  await a
    .locator('chat-message')
    .filter({ hasText: 'Welcome to the town hall' })
    .getByText(`Pinned by ${alice!.username}`)
    .waitFor();
  await shot(a, 'owner-pins');

  // The search across channels finds message 200 of 3,000; Enter opens that channel anchored on it.
  await a.getByRole('combobox', { name: 'Search all channels' }).fill('needle');
  await a.keyboard.press('Enter');
  await a.getByRole('option', { name: /needle is in the haystack/ }).waitFor();
  await a.keyboard.press('ArrowDown');
  await a.keyboard.press('Enter');
  await a.getByRole('heading', { name: `# ${history.name}` }).waitFor();
  const needle = a.locator('chat-message').filter({ hasText: 'The needle is in the haystack' });
  await needle.waitFor();
  // Focus is on the hit (no named functions inside: tsx would wrap them in a helper the page lacks).
  await a.waitForFunction(() => {
    let focused = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    for (let node: Node | null = focused; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null)
      if ((node as Element).localName === 'chat-message')
        return (node as Element).shadowRoot?.textContent?.includes('needle') ?? false;
    return false;
  });
  assert.ok(await needle.isVisible(), 'the hit is on screen');
  await shot(a, 'owner-jumped-to-hit');

  // Bob blocks Alice: her messages hide behind "blocked user", one Show reveals one.
  await openChannel(b, history.name);
  await b.getByRole('button', { name: 'Members' }).click();
  await b
    .locator('chat-members')
    .getByRole('button', { name: `Actions for ${alice!.username}` })
    .click();
  await b.locator('chat-members').getByRole('menuitem', { name: 'Block' }).click();
  await b.locator('chat-members').getByRole('button', { name: 'Close Members' }).click();
  // One Show reveals its own message, and only it.
  const hidden = b.locator('chat-message').filter({ hasText: 'Message from a blocked user' });
  const one = (await hidden.last().elementHandle())!;
  await hidden.last().getByRole('button', { name: 'Show' }).click();
  await b.waitForFunction((m) => (m.shadowRoot?.textContent ?? '').includes(' about '), one);
  assert.ok(!(await one.evaluate((m) => m.shadowRoot?.textContent ?? '')).includes('Message from a blocked user'));
  assert.ok(await hidden.first().isVisible(), 'the others stay hidden');
  await shot(b, 'bob-blocked-hidden');

  assert.deepEqual(errors, []);
});
