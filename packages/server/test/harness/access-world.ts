import { createHmac, randomUUID } from 'node:crypto';
import { type CheckContext, createCheckContext, type KitUser } from '@confab/conformance';
import type { Channel, Message } from '@confab/protocol';
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
  /** The member's account, with a token that carries only `chat:read`. */
  readOnlyToken: string;
  channels: Record<Visibility, Channel>;
  /** The author's message in each channel (the member's in the direct channel), with a reply under it. */
  targets: Record<Visibility, Message>;
  /** In each channel, the id of a file the writer of the target posted. */
  uploads: Record<Visibility, string>;
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

/** Builds a fresh world: six users, three channels, a message and a reply in each. */
export async function buildAccessWorld(baseUrl: string, jwtSecret: string): Promise<AccessWorld> {
  const { context: kit, sockets } = createCheckContext(baseUrl);
  const { fixtures, http } = kit;
  const [owner, member, author, nonMember, bystander, invitee] = await fixtures.users(6);
  if (!owner || !member || !author || !nonMember || !bystander || !invitee) throw new Error('no users');
  const members = [member.id, author.id, bystander.id];
  const open = await fixtures.channel(owner, 'public', members);
  const closed = await fixtures.channel(owner, 'private', members);
  const direct = await http.post<Channel>('/api/v1/channels', owner.token, { visibility: 'direct', userId: member.id });
  const channels = { public: open, private: closed, direct: direct.body };
  const targets = {} as Record<Visibility, Message>;
  const uploads = {} as Record<Visibility, string>;
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
    readOnlyToken: readOnlyTokenFor(member.token, jwtSecret),
    channels,
    targets,
    uploads,
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
