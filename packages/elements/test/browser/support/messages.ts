import type { LocalMessage } from '@confab/core';

/** A message as the client holds it, for rendering an element without a server: plain text by Ann unless `overrides` say otherwise. */
export function localMessage(overrides: Partial<LocalMessage> = {}): LocalMessage {
  const now = new Date().toISOString();
  return {
    id: 'm1',
    channelId: 'c1',
    seq: 1,
    clientMessageId: 'cm1',
    author: { id: 'u1', username: 'ann', displayName: 'Ann' },
    body: { type: 'text', text: 'Hello' },
    parentId: null,
    replyCount: 0,
    lastReplyAt: null,
    reactions: [],
    createdAt: now,
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
}
