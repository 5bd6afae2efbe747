/**
 * The access-control matrix: who may do what to which kind of channel, as data. One row per rule; the
 * tests in `access-matrix.test.ts` are generated from it, and the long fuzz run prints it.
 *
 * Outcomes: `ok` (2xx, or for a frame: no error), `401` unauthorized, `scope` (403 insufficient_scope),
 * `403` forbidden, `404` not_found. On the socket, 403 and 404 are `error` frames with those codes.
 */
export type Outcome = 'ok' | 401 | 'scope' | 403 | 404;

/** Who asks. `readOnly` is the member's own account with a token that carries only `chat:read`. */
export type Role = 'anonymous' | 'readOnly' | 'nonMember' | 'member' | 'author' | 'owner';
export type Visibility = 'public' | 'private' | 'direct';

/**
 * What is asked, over REST (an operationId, sometimes with its target) or the socket (`frame:…`). The
 * target message is the author's; in a direct channel the two members are the owner (who opened it; a
 * direct channel has no owner role) and the member, who is also the author.
 */
export type Action =
  | 'getChannel'
  | 'listMessages'
  | 'listMembers'
  | 'listEvents'
  | 'getMessage'
  | 'listReplies'
  | 'getUpload'
  | 'markRead'
  | 'sendMessage'
  | 'editMessage'
  | 'deleteMessage'
  | 'removePreview'
  | 'addReaction'
  | 'removeReaction'
  | 'updateChannel'
  | 'deleteChannel'
  | 'addMember(me)'
  | 'addMember(other user)'
  | 'removeMember(me)'
  | 'removeMember(other member)'
  | 'frame:subscribe'
  | 'frame:send'
  | 'frame:typing'
  | 'frame:read';

/** One rule: an action by a role, and the outcome in each kind of channel. */
export interface Rule {
  action: Action;
  role: Role;
  public: Outcome;
  private: Outcome;
  direct: Outcome;
}

/** Actions whose success changes who belongs where or what exists: each allowed cell gets a fresh world. */
export const MUTATING: ReadonlySet<Action> = new Set<Action>([
  'deleteMessage',
  'deleteChannel',
  'addMember(me)',
  'addMember(other user)',
  'removeMember(me)',
  'removeMember(other member)',
]);

const rule = (action: Action, role: Role, pub: Outcome, priv: Outcome, direct: Outcome): Rule => ({
  action,
  role,
  public: pub,
  private: priv,
  direct,
});

/** Reading: public channels are open to every signed-in user; private and direct ones only to members. */
const reads = (action: Action): Rule[] => [
  rule(action, 'anonymous', 401, 401, 401),
  rule(action, 'readOnly', 'ok', 'ok', 'ok'),
  rule(action, 'nonMember', 'ok', 404, 404),
  rule(action, 'member', 'ok', 'ok', 'ok'),
  rule(action, 'author', 'ok', 'ok', 'ok'),
  rule(action, 'owner', 'ok', 'ok', 'ok'),
];

/** Writing as a member: `chat:write` and membership; outsiders of a public channel are told 403. */
const memberWrites = (action: Action, nonMemberPublic: Outcome = 403): Rule[] => [
  rule(action, 'anonymous', 401, 401, 401),
  rule(action, 'readOnly', 'scope', 'scope', 'scope'),
  rule(action, 'nonMember', nonMemberPublic, 404, 404),
  rule(action, 'member', 'ok', 'ok', 'ok'),
  rule(action, 'author', 'ok', 'ok', 'ok'),
  rule(action, 'owner', 'ok', 'ok', 'ok'),
];

/** Changing a message: its author only (not even the channel owner). */
const authorWrites = (action: Action): Rule[] => [
  rule(action, 'anonymous', 401, 401, 401),
  rule(action, 'readOnly', 'scope', 'scope', 'scope'),
  rule(action, 'nonMember', 403, 404, 404),
  rule(action, 'member', 403, 403, 'ok'),
  rule(action, 'author', 'ok', 'ok', 'ok'),
  rule(action, 'owner', 403, 403, 403),
];

/** Changing a channel: its owner only; a direct channel has no owner. */
const ownerWrites = (action: Action): Rule[] => [
  rule(action, 'anonymous', 401, 401, 401),
  rule(action, 'readOnly', 'scope', 'scope', 'scope'),
  rule(action, 'nonMember', 403, 404, 404),
  rule(action, 'member', 403, 403, 403),
  rule(action, 'author', 403, 403, 403),
  rule(action, 'owner', 'ok', 'ok', 403),
];

/** Socket frames: no anonymous sockets (a ticket needs a token); errors as for REST. */
const frames = (action: Action, readOnly: Outcome, nonMemberPublic: Outcome): Rule[] => [
  rule(action, 'readOnly', readOnly, readOnly, readOnly),
  rule(action, 'nonMember', nonMemberPublic, 404, 404),
  rule(action, 'member', 'ok', 'ok', 'ok'),
  rule(action, 'author', 'ok', 'ok', 'ok'),
  rule(action, 'owner', 'ok', 'ok', 'ok'),
];

/** Every rule. */
export const ACCESS_MATRIX: readonly Rule[] = [
  ...reads('getChannel'),
  ...reads('listMessages'),
  ...reads('listMembers'),
  ...reads('listEvents'),
  ...reads('getMessage'),
  ...reads('listReplies'),
  // An upload posted in the channel: whoever may read the message that references it.
  ...reads('getUpload'),
  // The read marker is the caller's own: chat:read suffices, membership is needed.
  rule('markRead', 'anonymous', 401, 401, 401),
  rule('markRead', 'readOnly', 'ok', 'ok', 'ok'),
  rule('markRead', 'nonMember', 403, 404, 404),
  rule('markRead', 'member', 'ok', 'ok', 'ok'),
  rule('markRead', 'author', 'ok', 'ok', 'ok'),
  rule('markRead', 'owner', 'ok', 'ok', 'ok'),
  ...memberWrites('sendMessage'),
  ...authorWrites('editMessage'),
  ...authorWrites('deleteMessage'),
  ...authorWrites('removePreview'),
  ...memberWrites('addReaction'),
  ...memberWrites('removeReaction'),
  ...ownerWrites('updateChannel'),
  ...ownerWrites('deleteChannel'),
  // Joining: public channels only; for members it is harmless (200).
  rule('addMember(me)', 'anonymous', 401, 401, 401),
  rule('addMember(me)', 'readOnly', 'scope', 'scope', 'scope'),
  rule('addMember(me)', 'nonMember', 'ok', 404, 404),
  rule('addMember(me)', 'member', 'ok', 'ok', 'ok'),
  rule('addMember(me)', 'author', 'ok', 'ok', 'ok'),
  rule('addMember(me)', 'owner', 'ok', 'ok', 'ok'),
  // Adding someone: any member of a public or private channel; a direct channel has exactly two members.
  rule('addMember(other user)', 'anonymous', 401, 401, 401),
  rule('addMember(other user)', 'readOnly', 'scope', 'scope', 'scope'),
  rule('addMember(other user)', 'nonMember', 403, 404, 404),
  rule('addMember(other user)', 'member', 'ok', 'ok', 403),
  rule('addMember(other user)', 'author', 'ok', 'ok', 403),
  rule('addMember(other user)', 'owner', 'ok', 'ok', 403),
  // Leaving: any member (the owner too); an outsider is not a member (404).
  rule('removeMember(me)', 'anonymous', 401, 401, 401),
  rule('removeMember(me)', 'readOnly', 'scope', 'scope', 'scope'),
  rule('removeMember(me)', 'nonMember', 404, 404, 404),
  rule('removeMember(me)', 'member', 'ok', 'ok', 'ok'),
  rule('removeMember(me)', 'author', 'ok', 'ok', 'ok'),
  rule('removeMember(me)', 'owner', 'ok', 'ok', 'ok'),
  // Removing another member: the owner only.
  ...ownerWrites('removeMember(other member)'),
  ...frames('frame:subscribe', 'ok', 'ok'),
  ...frames('frame:send', 'scope', 403),
  ...frames('frame:typing', 'scope', 403),
  ...frames('frame:read', 'ok', 403),
];

/** What a signed-in user does to their own account or outside any channel. */
export type AccountAction =
  | 'getMe'
  | 'updateMe'
  | 'searchUsers'
  | 'getUser'
  | 'listChannels'
  | 'createChannel'
  | 'createWsTicket'
  | 'createUpload'
  | 'logoutAll'
  | 'changePassword';

/** One rule outside channels: the outcome for no token, a read-only token and a full token. */
export interface AccountRule {
  action: AccountAction;
  anonymous: Outcome;
  readOnly: Outcome;
  user: Outcome;
}

/** Account actions whose success ends the user's sessions: each allowed cell gets a fresh user. */
export const SESSION_ENDING: ReadonlySet<AccountAction> = new Set<AccountAction>(['logoutAll', 'changePassword']);

const account = (action: AccountAction, anonymous: Outcome, readOnly: Outcome, user: Outcome): AccountRule => ({
  action,
  anonymous,
  readOnly,
  user,
});

/**
 * Every rule outside channels. Signing out everywhere and changing the password need only `chat:read`, as
 * the contract has it (they are about the account, not the chat).
 */
export const ACCOUNT_MATRIX: readonly AccountRule[] = [
  account('getMe', 401, 'ok', 'ok'),
  account('updateMe', 401, 'scope', 'ok'),
  account('searchUsers', 401, 'ok', 'ok'),
  account('getUser', 401, 'ok', 'ok'),
  account('listChannels', 401, 'ok', 'ok'),
  account('createChannel', 401, 'scope', 'ok'),
  account('createWsTicket', 401, 'ok', 'ok'),
  account('createUpload', 401, 'scope', 'ok'),
  account('logoutAll', 401, 'ok', 'ok'),
  account('changePassword', 401, 'ok', 'ok'),
];

const show = (outcome: Outcome): string => (outcome === 'scope' ? '403 scope' : String(outcome));

/** The matrix as markdown tables: channel rules, then account rules. */
export function formatMatrix(): string {
  return [
    '| action | role | public | private | direct |',
    '| --- | --- | --- | --- | --- |',
    ...ACCESS_MATRIX.map(
      (r) => `| ${r.action} | ${r.role} | ${show(r.public)} | ${show(r.private)} | ${show(r.direct)} |`,
    ),
    '',
    '| action | anonymous | readOnly | user |',
    '| --- | --- | --- | --- |',
    ...ACCOUNT_MATRIX.map((r) => `| ${r.action} | ${show(r.anonymous)} | ${show(r.readOnly)} | ${show(r.user)} |`),
  ].join('\n');
}
