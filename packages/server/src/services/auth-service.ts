import type { AuthSession, UpdateMeRequest, User, WsTicket } from '@confab/protocol';
import { LoginBackoff, type SignInBackoff } from '../auth/login-backoff.js';
import { PasswordHasher } from '../auth/passwords.js';
import { ALL_SCOPES, hashToken, type TokenSigner } from '../auth/tokens.js';
import type { ServerConfig } from '../config.js';
import { ChatError } from '../errors.js';
import { newSecretToken } from '../ids.js';
import type { ChatRepository, UserRecord } from '../repository/repository.js';
import type { Actor } from './actor.js';

/** Marks a socket ticket issued to an administrator (stored with its scopes, never granted as one). */
const ADMIN_TICKET = 'confab:admin';

const later = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const publicUser = (u: UserRecord): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  ...(u.avatarUrl ? { avatarUrl: u.avatarUrl } : {}),
});

/**
 * Built-in accounts, sessions, bearer tokens and socket tickets. Passwords are hashed and checked off the
 * event loop ({@link PasswordHasher}); failed sign-ins back off per username ({@link LoginBackoff}).
 */
export class AuthService {
  readonly #passwords: PasswordHasher;

  constructor(
    private readonly repo: ChatRepository,
    private readonly signer: TokenSigner,
    private readonly config: ServerConfig,
    /** Told after every session of a user ended, so their open sockets close (on every process). */
    private readonly signedOut: (userId: string) => Promise<void>,
    /** Failed sign-ins per username; shared by the processes of a deployment when it runs on Redis. */
    private readonly backoff: SignInBackoff = new LoginBackoff(),
  ) {
    this.#passwords = new PasswordHasher(config.passwordCost);
  }

  async register(input: { username: string; password: string; displayName?: string }): Promise<AuthSession> {
    const username = input.username.toLowerCase();
    if (await this.repo.findUserByUsername(username)) throw new ChatError('username_taken', `"${username}" is taken.`);
    const passwordHash = await this.#passwords.hash(input.password);
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

  /** Signs in; wrong passwords back off per username (existing or not) with 429 `rate_limited`. */
  async login(input: { username: string; password: string }): Promise<AuthSession> {
    const username = input.username.toLowerCase();
    const user = await this.#checkPassword(username, input.password, () => this.repo.findUserByUsername(username));
    if (!user) throw new ChatError('invalid_credentials', 'Wrong username or password.');
    return this.#session(user);
  }

  /** Rotates a refresh token within its session; a reused one revokes the session (see `takeRefreshToken`). */
  async refresh(refreshToken: string): Promise<AuthSession> {
    const spent = await this.repo.takeRefreshToken(hashToken(refreshToken), new Date().toISOString());
    const user = spent && (await this.repo.findUserById(spent.userId));
    if (!spent || !user) throw new ChatError('invalid_credentials', 'The refresh token is not valid.');
    const next = newSecretToken();
    await this.repo.saveRefreshToken(
      hashToken(next),
      user.id,
      spent.familyId,
      this.#refreshExpiry(spent.sessionExpiresAt),
    );
    return this.#tokens(user, next);
  }

  /** Ends the session the refresh token belongs to. */
  async logout(refreshToken: string): Promise<void> {
    await this.repo.endSession(hashToken(refreshToken), new Date().toISOString());
  }

  /** Ends every session of a built-in account: refresh tokens, access tokens (by epoch) and socket tickets. */
  async logoutAll(actor: Actor): Promise<void> {
    await this.#builtIn(actor);
    await this.#endAllSessions(actor.user.id);
  }

  /** Changes the password after checking the current one, ends every session, and starts a new one for the caller. */
  async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<AuthSession> {
    const account = await this.#builtIn(actor);
    const checked = await this.#checkPassword(account.username, input.currentPassword, async () => account);
    if (!checked) throw new ChatError('forbidden', 'The current password is wrong.');
    const passwordHash = await this.#passwords.hash(input.newPassword);
    return this.#session(await this.#endAllSessions(account.id, passwordHash));
  }

  /** Ends every session of a user (setting a new password hash first, if given) and closes their sockets. */
  async #endAllSessions(userId: string, passwordHash?: string): Promise<UserRecord> {
    const user = await this.repo.endAllSessions(userId, new Date().toISOString(), passwordHash);
    if (!user) throw new ChatError('unauthorized', 'The token names no user.');
    await this.signedOut(user.id);
    return user;
  }

  /** Stops the password workers. */
  close(): Promise<void> {
    return this.#passwords.close();
  }

  /** The actor behind a bearer token; a host-app user is created on first sight. */
  async authenticate(bearer: string): Promise<Actor> {
    const subject = await this.signer.verify(bearer);
    if (subject.kind === 'host') {
      const user = await this.repo.upsertExternalUser(subject.externalId, subject.name, subject.picture);
      return { user: publicUser(user), scopes: subject.scopes, admin: subject.admin || this.isAdmin(user) };
    }
    const user = await this.repo.findUserById(subject.userId);
    if (!user) throw new ChatError('unauthorized', 'The token names no user.');
    if (subject.epoch !== user.tokenEpoch)
      throw new ChatError('unauthorized', 'The token was revoked: the account signed out everywhere.');
    return { user: publicUser(user), scopes: subject.scopes, admin: this.isAdmin(user) };
  }

  /** Whether `CONFAB_ADMINS` names the user (a host-app token may also say so with its `confab_admin` claim). */
  isAdmin(user: Pick<User, 'username'>): boolean {
    return this.config.admins.includes(user.username.toLowerCase());
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
    const grants = actor.admin ? [...actor.scopes, ADMIN_TICKET] : actor.scopes;
    await this.repo.saveTicket(hashToken(ticket), actor.user.id, grants, expiresAt);
    return { ticket, expiresAt };
  }

  /** Spends a socket ticket; undefined when it is unknown, used or expired. */
  async redeemTicket(ticket: string): Promise<Actor | undefined> {
    const found = await this.repo.takeTicket(hashToken(ticket), new Date().toISOString());
    const user = found && (await this.repo.findUserById(found.userId));
    if (!user) return undefined;
    const scopes = ALL_SCOPES.filter((scope) => found.scopes.includes(scope));
    return { user: publicUser(user), scopes, admin: found.scopes.includes(ADMIN_TICKET) || this.isAdmin(user) };
  }

  /**
   * Checks `password` for the account `username` behind the per-username backoff: answers the account when
   * it matches, undefined when not (or when there is no such account, which takes as long).
   */
  async #checkPassword(
    username: string,
    password: string,
    find: () => Promise<UserRecord | undefined>,
  ): Promise<UserRecord | undefined> {
    const retryAfter = await this.backoff.begin(username);
    if (retryAfter > 0)
      throw new ChatError('rate_limited', `Too many failed sign-ins for this username; wait ${retryAfter} s.`, {
        retryAfter,
      });
    const user = await find();
    if (!(await this.#passwords.verify(password, user?.passwordHash))) return undefined;
    await this.backoff.succeeded(username);
    return user;
  }

  /** The caller's account, when it is a built-in one; host-app users are the host's to sign out. */
  async #builtIn(actor: Actor): Promise<UserRecord> {
    const user = await this.repo.findUserById(actor.user.id);
    if (!user) throw new ChatError('unauthorized', 'The token names no user.');
    if (!user.passwordHash)
      throw new ChatError('forbidden', 'A host-app user is signed out by the host app, not here.');
    return user;
  }

  /** A new session (refresh-token family) for a sign-in, with its absolute end. */
  async #session(user: UserRecord): Promise<AuthSession> {
    const refreshToken = newSecretToken();
    const sessionExpiresAt = later(this.config.sessionMaxAgeSeconds);
    await this.repo.startSession({
      userId: user.id,
      tokenHash: hashToken(refreshToken),
      tokenExpiresAt: this.#refreshExpiry(sessionExpiresAt),
      sessionExpiresAt,
    });
    return this.#tokens(user, refreshToken);
  }

  /** A refresh token lives `refreshTokenTtlSeconds`, but never past its session's end. */
  #refreshExpiry(sessionExpiresAt: string): string {
    const idle = later(this.config.refreshTokenTtlSeconds);
    return idle < sessionExpiresAt ? idle : sessionExpiresAt;
  }

  async #tokens(user: UserRecord, refreshToken: string): Promise<AuthSession> {
    const { token, expiresAt } = await this.signer.accessToken(
      user.id,
      ALL_SCOPES,
      this.config.accessTokenTtlSeconds,
      user.tokenEpoch,
    );
    return { user: publicUser(user), accessToken: token, refreshToken, expiresAt };
  }
}
