/**
 * The access-control matrix: who may do what to which kind of channel, as data. One row per rule; the
 * tests in `access-matrix.test.ts` are generated from it, and the long fuzz run prints it.
 *
 * Outcomes: `ok` (2xx, or for a frame: no error), `401` unauthorized, `scope` (403 insufficient_scope),
 * `403` forbidden, `404` not_found, `400` invalid_request, `409` conflict, and the 403s `banned`, `muted` and `read_only`. On the
 * socket, the 403s and 404 are `error` frames with those codes.
 */
export type Outcome = 'ok' | 400 | 401 | 'scope' | 403 | 404 | 409 | 'banned' | 'muted' | 'read_only';

/**
 * Who asks. `readOnly` is the member's own account with a token that carries only `chat:read`. In the
 * public and private channels, `moderator` has that role, `muted` is a member muted for an hour, `banned`
 * is banned (so not a member), and `admin` administers the deployment (`CONFAB_ADMINS`) without being a
 * member of anything. In the direct channel, all four are outsiders.
 */
export type Role =
  | 'anonymous'
  | 'readOnly'
  | 'nonMember'
  | 'member'
  | 'author'
  | 'owner'
  | 'moderator'
  | 'admin'
  | 'banned'
  | 'muted';
export type Visibility = 'public' | 'private' | 'direct';

/**
 * What is asked, over REST (an operationId, sometimes with its target) or the socket (`frame:…`). The
 * target message is the author's; in a direct channel the two members are the owner (who opened it; a
 * direct channel has no owner role) and the member, who is also the author. Moderation acts on the
 * bystander (a plain member) or, to lift a ban, on the banned user.
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
  | 'updateChannel(settings)'
  | 'deleteChannel'
  | 'addMember(me)'
  | 'addMember(other user)'
  | 'removeMember(me)'
  | 'removeMember(other member)'
  | 'updateMember(role)'
  | 'updateMember(mute)'
  | 'banMember'
  | 'unbanMember'
  | 'listBans'
  | 'listAuditLog'
  | 'reportMessage'
  | 'listReports'
  | 'resolveReport'
  | 'pinMessage'
  | 'unpinMessage'
  | 'listPins'
  | 'searchMessages(channel)'
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

/** Actions whose success changes who belongs where, who may do what, or what exists: each allowed cell gets a fresh world. */
export const MUTATING: ReadonlySet<Action> = new Set<Action>([
  'deleteMessage',
  'deleteChannel',
  'updateChannel(settings)',
  'addMember(me)',
  'addMember(other user)',
  'removeMember(me)',
  'removeMember(other member)',
  'updateMember(role)',
  'updateMember(mute)',
  'banMember',
  'unbanMember',
  'resolveReport',
]);

type Cells = readonly [Outcome, Outcome, Outcome];
type Row = Partial<Record<Role, Outcome | Cells>>;

const all = (outcome: Outcome): Cells => [outcome, outcome, outcome];

/** Rules from a row per role: one outcome for all three kinds of channel, or one each (public, private, direct). */
const rules = (action: Action, row: Row): Rule[] =>
  (Object.entries(row) as [Role, Outcome | Cells][]).map(([role, cells]) => {
    const [pub, priv, direct] = Array.isArray(cells) ? (cells as Cells) : all(cells as Outcome);
    return { action, role, public: pub, private: priv, direct };
  });

/** In the public and private channels `outcome`; in the direct one the four moderation roles are outsiders (404). */
const notDirect = (outcome: Outcome): Cells => [outcome, outcome, 404];

/** Reading: public channels are open to every signed-in user but the banned; private ones to members and admins. */
const reads = (action: Action, banned: Outcome = 'banned'): Rule[] =>
  rules(action, {
    anonymous: 401,
    readOnly: 'ok',
    nonMember: ['ok', 404, 404],
    member: 'ok',
    author: 'ok',
    owner: 'ok',
    moderator: notDirect('ok'),
    admin: notDirect('ok'),
    banned: notDirect(banned),
    muted: notDirect('ok'),
  });

/** Writing as a member: `chat:write` and membership; outsiders of a public channel are told 403; the muted `muted`. */
const memberWrites = (action: Action): Rule[] =>
  rules(action, {
    anonymous: 401,
    readOnly: 'scope',
    nonMember: [403, 404, 404],
    member: 'ok',
    author: 'ok',
    owner: 'ok',
    moderator: notDirect('ok'),
    admin: notDirect(403),
    banned: notDirect('banned'),
    muted: notDirect('muted'),
  });

/** Changing a message: its author only (not even the channel owner). */
const authorWrites = (action: Action): Rule[] =>
  rules(action, {
    anonymous: 401,
    readOnly: 'scope',
    nonMember: [403, 404, 404],
    member: [403, 403, 'ok'],
    author: 'ok',
    owner: 403,
    moderator: notDirect(403),
    admin: notDirect(403),
    banned: notDirect('banned'),
    muted: notDirect(403),
  });

/** Changing a channel or someone's role: owners and administrators; a direct channel has no owner. */
const ownerWrites = (action: Action): Rule[] =>
  rules(action, {
    anonymous: 401,
    readOnly: 'scope',
    nonMember: [403, 404, 404],
    member: 403,
    author: 403,
    owner: ['ok', 'ok', 403],
    moderator: notDirect(403),
    admin: notDirect('ok'),
    banned: notDirect('banned'),
    muted: notDirect(403),
  });

/** Moderating: owners, moderators and administrators, over someone they outrank; never in a direct channel. */
const moderatorWrites = (action: Action): Rule[] =>
  rules(action, {
    anonymous: 401,
    readOnly: 'scope',
    nonMember: [403, 404, 404],
    member: 403,
    author: 403,
    owner: ['ok', 'ok', 403],
    moderator: notDirect('ok'),
    admin: notDirect('ok'),
    banned: notDirect('banned'),
    muted: notDirect(403),
  });

/** Reading the moderation record: as moderating, but `chat:read` suffices (the read-only token is a member's: 403). */
const moderatorReads = (action: Action): Rule[] =>
  rules(action, {
    anonymous: 401,
    readOnly: 403,
    nonMember: [403, 404, 404],
    member: 403,
    author: 403,
    owner: ['ok', 'ok', 403],
    moderator: notDirect('ok'),
    admin: notDirect('ok'),
    banned: notDirect('banned'),
    muted: notDirect(403),
  });

/** Socket frames: no anonymous sockets (a ticket needs a token); errors as for REST. */
const frames = (action: Action, readOnly: Outcome, nonMemberPublic: Outcome, roles: Row): Rule[] =>
  rules(action, {
    readOnly,
    nonMember: [nonMemberPublic, 404, 404],
    member: 'ok',
    author: 'ok',
    owner: 'ok',
    ...roles,
  });

/** Every rule. */
export const ACCESS_MATRIX: readonly Rule[] = [
  ...reads('getChannel'),
  ...reads('listMessages'),
  ...reads('listMembers'),
  ...reads('listEvents'),
  ...reads('getMessage'),
  ...reads('listReplies'),
  // An upload posted in the channel: whoever may read the message that references it (a member; anyone
  // signed in but the banned, for a public channel; an administrator); the banned are told of no file (404).
  ...reads('getUpload', 404),
  // The read marker is the caller's own: chat:read suffices, membership is needed.
  ...rules('markRead', {
    anonymous: 401,
    readOnly: 'ok',
    nonMember: [403, 404, 404],
    member: 'ok',
    author: 'ok',
    owner: 'ok',
    moderator: notDirect('ok'),
    admin: notDirect(403),
    banned: notDirect('banned'),
    muted: notDirect('ok'),
  }),
  ...memberWrites('sendMessage'),
  ...authorWrites('editMessage'),
  // Deleting a message: its author, or whoever moderates the channel (a direct channel has no moderators).
  ...rules('deleteMessage', {
    anonymous: 401,
    readOnly: 'scope',
    nonMember: [403, 404, 404],
    member: [403, 403, 'ok'],
    author: 'ok',
    owner: ['ok', 'ok', 403],
    moderator: notDirect('ok'),
    admin: notDirect('ok'),
    banned: notDirect('banned'),
    muted: notDirect(403),
  }),
  ...authorWrites('removePreview'),
  ...memberWrites('addReaction'),
  ...memberWrites('removeReaction'),
  ...ownerWrites('updateChannel'),
  ...ownerWrites('updateChannel(settings)'),
  ...ownerWrites('deleteChannel'),
  // Joining: public channels only (administrators: private ones too); for members it is harmless (200).
  ...rules('addMember(me)', {
    anonymous: 401,
    readOnly: 'scope',
    nonMember: ['ok', 404, 404],
    member: 'ok',
    author: 'ok',
    owner: 'ok',
    moderator: notDirect('ok'),
    admin: notDirect('ok'),
    banned: notDirect('banned'),
    muted: notDirect('ok'),
  }),
  // Adding someone: any member of a public or private channel; a direct channel has exactly two members.
  ...rules('addMember(other user)', {
    anonymous: 401,
    readOnly: 'scope',
    nonMember: [403, 404, 404],
    member: ['ok', 'ok', 403],
    author: ['ok', 'ok', 403],
    owner: ['ok', 'ok', 403],
    moderator: notDirect('ok'),
    admin: notDirect('ok'),
    banned: notDirect('banned'),
    muted: notDirect('ok'),
  }),
  // Leaving: any member (the owner too); an outsider is not a member (404).
  ...rules('removeMember(me)', {
    anonymous: 401,
    readOnly: 'scope',
    nonMember: 404,
    member: 'ok',
    author: 'ok',
    owner: 'ok',
    moderator: notDirect('ok'),
    admin: 404,
    banned: notDirect('banned'),
    muted: notDirect('ok'),
  }),
  // Removing another member: whoever moderates the channel and outranks them.
  ...moderatorWrites('removeMember(other member)'),
  ...ownerWrites('updateMember(role)'),
  ...moderatorWrites('updateMember(mute)'),
  ...moderatorWrites('banMember'),
  ...moderatorWrites('unbanMember'),
  ...moderatorReads('listBans'),
  ...moderatorReads('listAuditLog'),
  // Reporting the target: any reader but its author (400); a direct channel has no one to report to (403).
  ...rules('reportMessage', {
    anonymous: 401,
    readOnly: 'scope',
    nonMember: ['ok', 404, 404],
    member: ['ok', 'ok', 403],
    author: [400, 400, 403],
    owner: ['ok', 'ok', 403],
    moderator: notDirect('ok'),
    admin: notDirect('ok'),
    banned: notDirect('banned'),
    muted: notDirect('ok'),
  }),
  ...moderatorReads('listReports'),
  // Resolving the open report of the target; a direct channel takes no reports, so there is none (404).
  ...rules('resolveReport', {
    anonymous: 401,
    readOnly: 'scope',
    nonMember: [403, 404, 404],
    member: [403, 403, 404],
    author: [403, 403, 404],
    owner: ['ok', 'ok', 404],
    moderator: notDirect('ok'),
    admin: notDirect('ok'),
    banned: notDirect('banned'),
    muted: notDirect(403),
  }),
  // Pinning: whoever moderates the channel (members only when it lets them: not in the matrix's
  // channels), and both people of a direct channel. Pinning and unpinning again are harmless.
  ...(['pinMessage', 'unpinMessage'] as const).flatMap((action) =>
    rules(action, {
      anonymous: 401,
      readOnly: 'scope',
      nonMember: [403, 404, 404],
      member: [403, 403, 'ok'],
      author: [403, 403, 'ok'],
      owner: 'ok',
      moderator: notDirect('ok'),
      admin: notDirect('ok'),
      banned: notDirect('banned'),
      muted: notDirect(403),
    }),
  ),
  ...reads('listPins'),
  // Searching one channel: whoever reads it; a channel the caller may not read is not found (banned too).
  ...reads('searchMessages(channel)', 404),
  ...frames('frame:subscribe', 'ok', 'ok', {
    moderator: notDirect('ok'),
    admin: notDirect('ok'),
    banned: notDirect('banned'),
    muted: notDirect('ok'),
  }),
  ...frames('frame:send', 'scope', 403, {
    moderator: notDirect('ok'),
    admin: notDirect(403),
    banned: notDirect('banned'),
    muted: notDirect('muted'),
  }),
  ...frames('frame:typing', 'scope', 403, {
    moderator: notDirect('ok'),
    admin: notDirect(403),
    banned: notDirect('banned'),
    muted: notDirect('muted'),
  }),
  ...frames('frame:read', 'ok', 403, {
    moderator: notDirect('ok'),
    admin: notDirect(403),
    banned: notDirect('banned'),
    muted: notDirect('ok'),
  }),
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
  | 'changePassword'
  | 'listBlocks'
  | 'blockUser'
  | 'unblockUser'
  | 'searchMessages';

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
  account('listBlocks', 401, 'ok', 'ok'),
  account('blockUser', 401, 'scope', 'ok'),
  account('unblockUser', 401, 'scope', 'ok'),
  account('searchMessages', 401, 'ok', 'ok'),
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
