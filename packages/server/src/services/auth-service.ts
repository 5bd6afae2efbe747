import type { AuthSession, Scope, UpdateMeRequest, User, WsTicket } from '@confab/protocol';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords.js';
import { ALL_SCOPES, hashToken, type TokenSigner } from '../auth/tokens.js';
import type { ServerConfig } from '../config.js';
import { ChatError } from '../errors.js';
import { newSecretToken } from '../ids.js';
import type { ChatRepository, UserRecord } from '../repository/repository.js';
import type { Actor } from './actor.js';

const later = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const publicUser = (u: UserRecord): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  ...(u.avatarUrl ? { avatarUrl: u.avatarUrl } : {}),
});

/** Built-in accounts, sessions, bearer tokens and socket tickets. */
export class AuthService {
  constructor(
    private readonly repo: ChatRepository,
    private readonly signer: TokenSigner,
    private readonly config: ServerConfig,
  ) {}

  async register(input: { username: string; password: string; displayName?: string }): Promise<AuthSession> {
    const username = input.username.toLowerCase();
    if (await this.repo.findUserByUsername(username)) throw new ChatError('username_taken', `"${username}" is taken.`);
    const passwordHash = await hashPassword(input.password, this.config.passwordCost);
    let user: UserRecord;
    try {
      user = await this.repo.createUser({
        username,
        displayName: input.displayName?.trim() || input.username,
        passwordHash,
      });
    } catch {
      throw new ChatError('username_taken', `"${username}" is taken.`); // lost a race for the same name
    }
    return this.#session(user);
  }

  async login(input: { username: string; password: string }): Promise<AuthSession> {
    const user = await this.repo.findUserByUsername(input.username.toLowerCase());
    const ok = await verifyPassword(input.password, user?.passwordHash ?? decoyHash);
    if (!user?.passwordHash || !ok) throw new ChatError('invalid_credentials', 'Wrong username or password.');
    return this.#session(user);
  }

  async refresh(refreshToken: string): Promise<AuthSession> {
    const userId = await this.repo.takeRefreshToken(hashToken(refreshToken), new Date().toISOString());
    const user = userId && (await this.repo.findUserById(userId));
    if (!user) throw new ChatError('invalid_credentials', 'The refresh token is not valid.');
    return this.#session(user);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.repo.takeRefreshToken(hashToken(refreshToken), new Date().toISOString());
  }

  /** The actor behind a bearer token; a host-app user is created on first sight. */
  async authenticate(bearer: string): Promise<Actor> {
    const subject = await this.signer.verify(bearer);
    if (subject.kind === 'host') {
      const user = await this.repo.upsertExternalUser(subject.externalId, subject.name, subject.picture);
      return { user: publicUser(user), scopes: subject.scopes };
    }
    const user = await this.repo.findUserById(subject.userId);
    if (!user) throw new ChatError('unauthorized', 'The token names no user.');
    return { user: publicUser(user), scopes: subject.scopes };
  }

  /** Changes the actor's display name (trimmed) and avatar (`null` removes it); answers them as others see them. */
  async updateMe(actor: Actor, patch: UpdateMeRequest): Promise<User> {
    const displayName = patch.displayName?.trim();
    const user = await this.repo.updateUser(actor.user.id, {
      ...(displayName === undefined ? {} : { displayName }),
      ...(patch.avatarUrl === undefined ? {} : { avatarUrl: patch.avatarUrl }),
    });
    if (!user) throw new ChatError('unauthorized', 'The token names no user.');
    return publicUser(user);
  }

  async findUser(id: string) {
    const user = await this.repo.findUserById(id);
    return user && publicUser(user);
  }

  searchUsers(prefix: string, limit: number) {
    return this.repo.searchUsers(prefix, limit);
  }

  async createTicket(actor: Actor): Promise<WsTicket> {
    const ticket = newSecretToken();
    const expiresAt = later(this.config.ticketTtlSeconds);
    await this.repo.saveTicket(hashToken(ticket), actor.user.id, actor.scopes, expiresAt);
    return { ticket, expiresAt };
  }

  /** Spends a socket ticket; undefined when it is unknown, used or expired. */
  async redeemTicket(ticket: string): Promise<Actor | undefined> {
    const found = await this.repo.takeTicket(hashToken(ticket), new Date().toISOString());
    const user = found && (await this.repo.findUserById(found.userId));
    return user ? { user: publicUser(user), scopes: found.scopes as Scope[] } : undefined;
  }

  async #session(user: UserRecord): Promise<AuthSession> {
    const { token, expiresAt } = await this.signer.accessToken(user.id, ALL_SCOPES, this.config.accessTokenTtlSeconds);
    const refreshToken = newSecretToken();
    await this.repo.saveRefreshToken(hashToken(refreshToken), user.id, later(this.config.refreshTokenTtlSeconds));
    return { user: publicUser(user), accessToken: token, refreshToken, expiresAt };
  }
}
