import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Channel, type ChannelAction, can, type Me, postBlocker } from '../src/index.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const me: Me = { id: 'u1', username: 'ann', displayName: 'Ann', scopes: ['chat:read', 'chat:write'] };
const admin: Me = { ...me, admin: true };
const base: Channel = {
  id: 'c1',
  name: 'general',
  visibility: 'public',
  topic: '',
  createdBy: 'u0',
  createdAt: '2026-01-01T00:00:00Z',
  lastSeq: 0,
  lastMessageAt: null,
  memberCount: 2,
  role: 'member',
};
const ACTIONS: ChannelAction[] = ['post', 'react', 'pin', 'moderate', 'manage'];
const allowed = (channel: Channel | undefined, who: Me | null = me) =>
  ACTIONS.filter((action) => can(action, channel, who, NOW)).join(' ');

test('what each role may do in a plain channel', () => {
  assert.equal(allowed({ ...base, role: null }), '');
  assert.equal(allowed({ ...base, role: 'member' }), 'post react');
  assert.equal(allowed({ ...base, role: 'moderator' }), 'post react pin moderate');
  assert.equal(allowed({ ...base, role: 'owner' }), 'post react pin moderate manage');
  assert.equal(allowed({ ...base, role: null }, admin), 'pin moderate manage', 'an administrator outside it');
  assert.equal(allowed({ ...base, role: 'member' }, admin), 'post react pin moderate manage');
  assert.equal(allowed(undefined), '', 'an unknown channel');
  assert.equal(allowed(base, null), '', 'nobody signed in');
});

test('settings and mutes: read-only, archived, members may pin, muted until a time', () => {
  const readOnly = { ...base, readOnly: true };
  assert.equal(allowed({ ...readOnly, role: 'member' }), 'react');
  assert.equal(allowed({ ...readOnly, role: 'moderator' }), 'post react pin moderate');
  assert.equal(postBlocker({ ...readOnly, role: 'member' }, me, NOW), 'read_only');
  assert.equal(postBlocker({ ...readOnly, role: 'owner' }, me, NOW), null);
  assert.equal(postBlocker({ ...readOnly, role: 'member' }, admin, NOW), null);

  const archived = { ...base, archived: true, readOnly: true };
  assert.equal(allowed({ ...archived, role: 'member' }), '');
  assert.equal(allowed({ ...archived, role: 'owner' }), 'pin moderate manage');
  assert.equal(postBlocker({ ...archived, role: 'owner' }, me, NOW), 'archived', 'archived wins over read-only');

  assert.equal(allowed({ ...base, membersCanPin: true }), 'post react pin');
  assert.equal(allowed({ ...base, membersCanPin: true, role: null }), '', 'pinning still takes a member');

  const later = new Date(NOW + 60_000).toISOString();
  const earlier = new Date(NOW - 60_000).toISOString();
  assert.equal(allowed({ ...base, mutedUntil: later }), '');
  assert.equal(postBlocker({ ...base, mutedUntil: later }, me, NOW), 'muted');
  assert.equal(allowed({ ...base, mutedUntil: earlier }), 'post react', 'a mute that ended');
  assert.equal(allowed({ ...base, mutedUntil: null }), 'post react');
  assert.equal(postBlocker({ ...base, mutedUntil: later }, me, NOW + 120_000), null, '`now` decides');
});
