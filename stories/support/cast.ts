// The people and channels the stories show: one team's chat, as fixtures of @confab/core.
import {
  type ChannelFixture,
  type ChatFixture,
  createFixtureClient,
  type FixtureClient,
  fixtureUser,
  type MessageFixture,
} from '@confab/core/fixtures';

export const alice = fixtureUser('alice', { displayName: 'Alice Martin' });
export const bob = fixtureUser('bob', { displayName: 'Bob Okafor' });
export const carol = fixtureUser('carol', { displayName: 'Carol Nguyen' });
export const dan = fixtureUser('dan', { displayName: 'Dan Kowalski' });

/** The thread the stories open: Bob's question about the release. */
export const RELEASE_QUESTION = 'channel-general-m3';

export const general: ChannelFixture = {
  name: 'general',
  topic: 'Everything about the launch',
  online: [alice, bob, carol],
  unread: 2,
  messages: [
    { author: carol, text: 'Good morning everyone! ☀️' },
    { author: alice, text: 'Morning! The **new sign-in** is live on staging.', reactions: { '🎉': [bob, carol] } },
    {
      author: bob,
      text: 'Do we ship the release on *Thursday* or wait for the docs?',
      replies: [
        { author: carol, text: 'Thursday works for me.' },
        { author: alice, text: 'Docs are nearly done: `npm run docs` builds them.' },
        { author: bob, text: 'Thursday it is 👍' },
      ],
    },
    { author: dan, text: 'Oops, wrong channel', deleted: true },
    { author: carol, text: 'Checklist is at https://example.com/launch — please have a look', edited: true },
    {
      author: dan,
      text: 'Load tests passed: 1,000 sockets, p99 under 40 ms 🚀',
      reactions: { '🚀': [alice, bob], '👀': [carol] },
    },
    { author: bob, text: 'Great work. Lunch at noon?' },
  ],
};

export const design: ChannelFixture = {
  name: 'design',
  topic: 'Mock-ups and reviews',
  unread: 5,
  messages: [
    { author: carol, text: 'New colour tokens are in Figma.' },
    { author: dan, text: 'Dark mode contrast looks much better now.' },
    { author: carol, text: 'Can someone review the mobile layout?' },
    { author: bob, text: 'On it.' },
    { author: carol, text: 'Thanks! Also the empty states.' },
    { author: dan, text: 'Shipped the icons 🎨' },
  ],
};

export const random: ChannelFixture = {
  name: 'random',
  messages: [{ author: dan, text: 'Anyone up for a game after work?' }],
};

export const directWithBob: ChannelFixture = {
  name: 'bob',
  id: 'channel-direct-bob',
  visibility: 'direct',
  directWith: bob,
  unread: 1,
  messages: [{ author: bob, text: 'Got a minute for the release notes?' }],
};

/** A channel with nothing in it yet. */
export const quiet: ChannelFixture = { name: 'quiet', topic: 'Nothing here yet', messages: [] };

/** The team's channels, as Alice sees them. */
export function team(overrides: Partial<ChatFixture> = {}): FixtureClient {
  return createFixtureClient({ me: alice, channels: [general, design, random, directWithBob], ...overrides });
}

/** One channel's fixture client, as Alice sees it. */
export function oneChannel(channel: ChannelFixture, overrides: Partial<ChatFixture> = {}): FixtureClient {
  return createFixtureClient({ me: alice, channels: [channel], ...overrides });
}

const phrases = [
  'Deploy finished on eu-west.',
  'Can you take a look at the **flaky test**?',
  'Merged, thanks!',
  'Retro notes are in the doc.',
  'Standup in five minutes.',
  'Found it: an off-by-one in `loadOlder`.',
  'Rebased onto main.',
  'LGTM 👍',
];

/** `count` messages from the whole team, oldest first: a long history. */
export function history(count: number): MessageFixture[] {
  const authors = [alice, bob, carol, dan];
  return Array.from({ length: count }, (_, i) => ({
    author: authors[(i * 7) % authors.length]!,
    text: `#${i + 1} ${phrases[i % phrases.length]}`,
  }));
}
