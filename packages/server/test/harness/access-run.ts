import { connectSocket, type KitUser, newClientId } from '@confab/conformance';
import type { ErrorFrame, Problem } from '@confab/protocol';
import type { AccountAction, Action, Outcome, Role, Visibility } from './access-matrix.js';
import { type AccessWorld, otherMemberOf, readOnlyTokenFor, tokenOf, uploadForm } from './access-world.js';

const THUMBS = encodeURIComponent('👍');
const text = (value: string) => ({ type: 'text', text: value });

/** The REST request an action makes: method, path and JSON body. */
function restRequest(
  world: AccessWorld,
  action: Action,
  role: Role,
  visibility: Visibility,
): [string, string, unknown?] | undefined {
  const channel = `/api/v1/channels/${world.channels[visibility].id}`;
  const message = `/api/v1/messages/${world.targets[visibility].id}`;
  switch (action) {
    case 'getChannel':
      return ['GET', channel];
    case 'listMessages':
      return ['GET', `${channel}/messages`];
    case 'listMembers':
      return ['GET', `${channel}/members`];
    case 'listEvents':
      return ['GET', `${channel}/events?afterSeq=0`];
    case 'getMessage':
      return ['GET', message];
    case 'listReplies':
      return ['GET', `${message}/replies`];
    case 'getUpload':
      return ['GET', `/api/v1/uploads/${world.uploads[visibility]}`];
    case 'markRead':
      return ['PUT', `${channel}/read`, { seq: 1 }];
    case 'sendMessage':
      return ['POST', `${channel}/messages`, { clientMessageId: newClientId(), body: text('matrix') }];
    case 'editMessage':
      return ['PATCH', message, { body: text('edited by the matrix') }];
    case 'deleteMessage':
      return ['DELETE', message];
    case 'removePreview':
      return ['DELETE', `${message}/preview`];
    case 'addReaction':
      return ['PUT', `${message}/reactions/${THUMBS}`];
    case 'removeReaction':
      return ['DELETE', `${message}/reactions/${THUMBS}`];
    case 'updateChannel':
      return ['PATCH', channel, { topic: `set by ${role}` }];
    case 'updateChannel(settings)':
      return ['PATCH', channel, { readOnly: true, membersCanPin: true }];
    case 'deleteChannel':
      return ['DELETE', channel];
    case 'addMember(me)':
      return ['PUT', `${channel}/members/me`];
    case 'addMember(other user)':
      return ['PUT', `${channel}/members/${world.invitee.id}`];
    case 'removeMember(me)':
      return ['DELETE', `${channel}/members/me`];
    case 'removeMember(other member)':
      return ['DELETE', `${channel}/members/${otherMemberOf(world, role, visibility).id}`];
    case 'updateMember(role)':
      return ['PATCH', `${channel}/members/${otherMemberOf(world, role, visibility).id}`, { role: 'moderator' }];
    case 'updateMember(mute)':
      return [
        'PATCH',
        `${channel}/members/${otherMemberOf(world, role, visibility).id}`,
        { mutedUntil: new Date(Date.now() + 600_000).toISOString() },
      ];
    case 'banMember':
      return ['PUT', `${channel}/bans/${otherMemberOf(world, role, visibility).id}`, { reason: `banned by ${role}` }];
    case 'unbanMember':
      return ['DELETE', `${channel}/bans/${world.banned.id}`];
    case 'listBans':
      return ['GET', `${channel}/bans`];
    case 'listAuditLog':
      return ['GET', `${channel}/audit`];
    case 'reportMessage':
      return ['POST', `${message}/reports`, { reason: `reported by ${role}` }];
    case 'listReports':
      return ['GET', `${channel}/reports`];
    case 'pinMessage':
      return ['PUT', `${message}/pin`];
    case 'unpinMessage':
      return ['DELETE', `${message}/pin`];
    case 'listPins':
      return ['GET', `${channel}/pins`];
    case 'searchMessages(channel)':
      return ['GET', `/api/v1/search/messages?q=target&channelId=${world.channels[visibility].id}`];
    case 'resolveReport':
      return ['PATCH', `/api/v1/reports/${world.reports[visibility]}`, { resolution: 'dismissed' }];
    default:
      return undefined;
  }
}

/** What the server said, as an outcome of the matrix (or a description of something else). */
function outcomeOf(status: number, code: string | undefined): Outcome | string {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 400 && code === 'invalid_request') return 400;
  if (status === 401 && code === 'unauthorized') return 401;
  if (status === 403 && code === 'insufficient_scope') return 'scope';
  if (status === 403 && code === 'forbidden') return 403;
  if (status === 404 && code === 'not_found') return 404;
  if (status === 409 && code === 'conflict') return 409;
  if (status === 403 && (code === 'banned' || code === 'muted' || code === 'read_only')) return code;
  return `${status} ${code}`;
}

const FRAME_OUTCOMES: Record<string, Outcome> = {
  insufficient_scope: 'scope',
  forbidden: 403,
  not_found: 404,
  banned: 'banned',
  muted: 'muted',
  read_only: 'read_only',
};

/** Sends an action's frame on a fresh socket and reads the answer up to a pong. */
async function frameOutcome(world: AccessWorld, action: Action, token: string, visibility: Visibility) {
  const channelId = world.channels[visibility].id;
  const { kit } = world;
  const socket = await connectSocket(kit.baseUrl, await kit.fixtures.ticket(token), kit.transcript, 5000);
  try {
    await socket.waitFor('hello');
    const frame =
      action === 'frame:subscribe'
        ? { type: 'subscribe', channels: [{ id: channelId }] }
        : action === 'frame:send'
          ? { type: 'send', clientMessageId: newClientId(), channelId, body: text('matrix frame') }
          : action === 'frame:typing'
            ? { type: 'typing', channelId }
            : { type: 'read', channelId, seq: 1 };
    socket.send(frame);
    if (action === 'frame:subscribe') {
      const answer = await socket.collectUntil((f) => f.type === 'subscribed' || f.type === 'error');
      const last = answer.at(-1)!;
      return last.type === 'error' ? (FRAME_OUTCOMES[last.code] ?? last.code) : 'ok';
    }
    await socket.roundTrip();
    const errors = socket.frames.filter((f): f is ErrorFrame => f.type === 'error');
    const acked = socket.frames.some((f) => f.type === 'ack');
    if (errors.length) return FRAME_OUTCOMES[errors[0]!.code] ?? errors[0]!.code;
    return action === 'frame:send' && !acked ? 'no ack' : 'ok';
  } finally {
    await socket.close();
  }
}

/** Performs one cell of the matrix and returns its outcome (or what happened instead). */
export async function perform(
  world: AccessWorld,
  action: Action,
  role: Role,
  visibility: Visibility,
): Promise<Outcome | string> {
  const token = tokenOf(world, role, visibility);
  const request = restRequest(world, action, role, visibility);
  if (!request) return token ? frameOutcome(world, action, token, visibility) : 'no socket without a token';
  const [method, path, json] = request;
  const reply = await world.kit.http.request<Problem>(method, path, { token, ...(json === undefined ? {} : { json }) });
  return outcomeOf(reply.status, reply.status >= 400 ? reply.body.code : undefined);
}

/** The request an account action makes for `user`. */
function accountRequest(world: AccessWorld, action: AccountAction, user: KitUser): [string, string, unknown?] {
  switch (action) {
    case 'getMe':
      return ['GET', '/api/v1/me'];
    case 'updateMe':
      return ['PATCH', '/api/v1/me', { displayName: 'Renamed by the matrix' }];
    case 'searchUsers':
      return ['GET', `/api/v1/users?q=${encodeURIComponent(world.owner.username.slice(0, 4))}`];
    case 'getUser':
      return ['GET', `/api/v1/users/${world.owner.id}`];
    case 'listChannels':
      return ['GET', '/api/v1/channels'];
    case 'createChannel':
      return ['POST', '/api/v1/channels', { name: `matrix-${newClientId()}`, visibility: 'public' }];
    case 'createWsTicket':
      return ['POST', '/api/v1/auth/ws-ticket'];
    case 'createUpload':
      return ['POST', '/api/v1/uploads', uploadForm()];
    case 'logoutAll':
      return ['POST', '/api/v1/auth/logout-all'];
    case 'changePassword':
      return ['POST', '/api/v1/me/password', { currentPassword: user.password, newPassword: `new-${newClientId()}` }];
    case 'listBlocks':
      return ['GET', '/api/v1/me/blocks'];
    case 'blockUser':
      return ['PUT', `/api/v1/me/blocks/${world.invitee.id}`];
    case 'unblockUser':
      return ['DELETE', `/api/v1/me/blocks/${world.invitee.id}`];
    case 'searchMessages':
      return ['GET', '/api/v1/search/messages?q=target'];
  }
}

/** Performs an account action as `user` with no token, a read-only token or their own token. */
export async function performAccount(
  world: AccessWorld,
  action: AccountAction,
  user: KitUser,
  as: 'anonymous' | 'readOnly' | 'user',
  jwtSecret: string,
): Promise<Outcome | string> {
  const token =
    as === 'anonymous' ? undefined : as === 'readOnly' ? readOnlyTokenFor(user.token, jwtSecret) : user.token;
  const [method, path, body] = accountRequest(world, action, user);
  const payload = body === undefined ? {} : body instanceof FormData ? { form: body } : { json: body };
  const reply = await world.kit.http.request<Problem>(method, path, { token, ...payload });
  return outcomeOf(reply.status, reply.status >= 400 ? reply.body.code : undefined);
}
