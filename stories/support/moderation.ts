// The moderation stories' channel: #general with an owner, a moderator, someone muted, someone blocked, bans and reports.
import type { ChannelFixture, ChatFixture, FixtureClient } from '@confab/core/fixtures';
import { bob, carol, dan, general, oneChannel } from './cast.js';

const HOUR = 3_600_000;

export const eve = { id: 'user-eve', username: 'eve', displayName: 'Eve Troll' };
export const mallory = { id: 'user-mallory', username: 'mallory', displayName: 'Mallory Quinn' };

/**
 * #general as Alice sees it with `role`: Carol is an owner, Dan a moderator, Bob muted for two hours, Eve banned
 * for good and Mallory for a day, two open reports and a resolved one.
 */
export function moderated(
  role: NonNullable<ChannelFixture['role']>,
  channel: Partial<ChannelFixture> = {},
  overrides: Partial<ChatFixture> = {},
): FixtureClient {
  return oneChannel(
    {
      ...general,
      role,
      roles: { carol: 'owner', dan: 'moderator' },
      muted: { bob: new Date(Date.now() + 2 * HOUR).toISOString() },
      bans: [
        { user: eve, reason: 'Spam links', by: carol },
        { user: mallory, until: new Date(Date.now() + 24 * HOUR).toISOString(), by: dan },
      ],
      reports: [
        { message: 6, reporter: carol, reason: 'Off topic: lunch plans belong in #random' },
        { message: 5, reporter: bob, reason: 'Bragging again' },
        { message: 1, reporter: dan, reason: 'Duplicate', resolution: 'dismissed', resolvedBy: carol },
      ],
      ...channel,
    },
    overrides,
  );
}
