import { createHmac, randomUUID } from 'node:crypto';
import { type CheckContext, createCheckContext, type KitUser } from '@confab/conformance';
import type { AuthSession, Channel, Message } from '@confab/protocol';
import type { Role, Visibility } from './access-matrix.js';

/** The people of the matrix, a channel of each kind, and a message by the author in each. */
export interface AccessWorld {
  kit: CheckContext;
  /** Closes (and checks against the contract) every socket the world's kit opened. */
  closeSockets(): Promise<void>;
  owner: KitUser;
  member: KitUser;
  author: KitUser;
  nonMember: KitUser;
  /** A member of the public and private channels who plays no role: the one "other member" removed. */
  bystander: KitUser;
  /** A user in no channel: the one "other user" added. */
  invitee: KitUser;
  /** A moderator of the public and private channels. */
  moderator: KitUser;
  /** Administers the deployment ({@link MATRIX_ADMIN} in `CONFAB_ADMINS`); a member of nothing. */
  admin: KitUser;
  /** Banned from the public and private channels. */
  banned: KitUser;
  /** A member of the public and private channels, muted for an hour. */
  muted: KitUser;
  /** The member's account, with a token that carries only `chat:read`. */
  readOnlyToken: string;
  channels: Record<Visibility, Channel>;
  /** The author's message in each channel (the member's in the direct channel), with a reply under it. */
  targets: Record<Visibility, Message>;
  /** In each channel, the id of a file the writer of the target posted. */
  uploads: Record<Visibility, string>;
  /** In each channel, an open report of the target by the bystander (a direct channel takes none: an id of nothing). */
  reports: Record<Visibility, string>;
}

/** The username of the matrix's administrator: the server under test lists it in `CONFAB_ADMINS`. */
export const MATRIX_ADMIN = 'matrix_admin';

/** Signs in the matrix's administrator, registering them the first time. */
async function matrixAdmin(kit: CheckContext): Promise<KitUser> {
  const password = 'matrix-admin-password';
  const credentials = { username: MATRIX_ADMIN, password };
  const registered = await kit.http.post<AuthSession>('/api/v1/auth/register', undefined, credentials);
  const session =
    registered.status === 201
      ? registered
      : await kit.http.post<AuthSession>('/api/v1/auth/login', undefined, credentials);
  if (session.status >= 300) throw new Error(`the matrix admin cannot sign in: ${session.status}`);
  const { user, accessToken, refreshToken } = session.body;
  return { ...user, password, token: accessToken, refreshToken };
}

/** A form with one small text file in the part `file`, as `POST /api/v1/uploads` takes it. */
export function uploadForm(content = 'a file for the matrix\n'): FormData {
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'text/plain' }), 'matrix.txt');
  return form;
}

/**
 * A read-only token for the account behind `token`: the same claims (subject, issuer, token epoch), scope
 * `chat:read` only, signed with the deployment's secret as the server signs its own access tokens.
 */
export function readOnlyTokenFor(token: string, jwtSecret: string): string {
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
  const body = `${header}.${Buffer.from(JSON.stringify({ ...claims, scope: 'chat:read', jti: randomUUID() })).toString('base64url')}`;
  return `${body}.${createHmac('sha256', jwtSecret).update(body).digest('base64url')}`;
}

/**
 * Builds a fresh world: nine users and the administrator, three channels, a message and a reply in each;
 * in the public and private channels a moderator, a muted member and a banned user.
 */
export async function buildAccessWorld(baseUrl: string, jwtSecret: string): Promise<AccessWorld> {
  const { context: kit, sockets } = createCheckContext(baseUrl);
  const { fixtures, http } = kit;
  const [owner, member, author, nonMember, bystander, invitee, moderator, banned, muted] = await fixtures.users(9);
  if (!owner || !member || !author || !nonMember || !bystander || !invitee || !moderator || !banned || !muted)
    throw new Error('no users');
  const admin = await matrixAdmin(kit);
  const members = [member.id, author.id, bystander.id, moderator.id, banned.id, muted.id];
  const open = await fixtures.channel(owner, 'public', members);
  const closed = await fixtures.channel(owner, 'private', members);
  const mutedUntil = new Date(Date.now() + 3600_000).toISOString();
  for (const channel of [open, closed]) {
    const path = `/api/v1/channels/${channel.id}`;
    const steps = [
      await http.patch(`${path}/members/${moderator.id}`, owner.token, { role: 'moderator' }),
      await http.patch(`${path}/members/${muted.id}`, owner.token, { mutedUntil }),
      await http.put(`${path}/bans/${banned.id}`, owner.token, { reason: 'the matrix' }),
    ];
    if (steps.some((reply) => reply.status !== 200)) throw new Error('the moderation roles could not be set up');
  }
  const direct = await http.post<Channel>('/api/v1/channels', owner.token, { visibility: 'direct', userId: member.id });
  const channels = { public: open, private: closed, direct: direct.body };
  const targets = {} as Record<Visibility, Message>;
  const uploads = {} as Record<Visibility, string>;
  const reports = {} as Record<Visibility, string>;
  for (const visibility of ['public', 'private', 'direct'] as const) {
    const writer = visibility === 'direct' ? member : author;
    const target = await fixtures.post(writer, channels[visibility].id, `target in ${visibility}`);
    await fixtures.post(owner, channels[visibility].id, `a reply in ${visibility}`, target.id);
    targets[visibility] = target;
    const upload = await http.request<{ id: string }>('POST', '/api/v1/uploads', {
      token: writer.token,
      form: uploadForm(),
    });
    await fixtures.post(writer, channels[visibility].id, { type: 'file', uploadId: upload.body.id });
    uploads[visibility] = upload.body.id;
    const report =
      visibility === 'direct'
        ? undefined
        : await http.post<{ id: string }>(`/api/v1/messages/${target.id}/reports`, bystander.token, {
            reason: 'for the matrix',
          });
    reports[visibility] = report?.body.id ?? '0190d6f2-7a1e-7cc3-8e3f-000000000000';
  }
  return {
    kit,
    async closeSockets() {
      for (const socket of sockets.splice(0)) await socket.close();
    },
    owner,
    member,
    author,
    nonMember,
    bystander,
    invitee,
    moderator,
    admin,
    banned,
    muted,
    readOnlyToken: readOnlyTokenFor(member.token, jwtSecret),
    channels,
    targets,
    uploads,
    reports,
  };
}

/** The bearer token a role uses in a kind of channel (none for `anonymous`). */
export function tokenOf(world: AccessWorld, role: Role, visibility: Visibility): string | undefined {
  switch (role) {
    case 'anonymous':
      return undefined;
    case 'readOnly':
      return world.readOnlyToken;
    case 'author':
      return (visibility === 'direct' ? world.member : world.author).token;
    default:
      return world[role].token;
  }
}

/** The user a role acts as (for "the other member": anyone in the channel but the actor and the author). */
export function otherMemberOf(world: AccessWorld, role: Role, visibility: Visibility): KitUser {
  if (visibility !== 'direct') return world.bystander;
  return role === 'owner' ? world.member : world.owner;
}
