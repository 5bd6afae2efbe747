import type { AuthSession, User } from '@confab/protocol';

/** Where bearer tokens come from: a host-app token (or provider), or a built-in session. */
export type TokenSource = string | (() => Promise<string>);

const EARLY_MS = 30_000;

/** Seconds-since-epoch expiry of a JWT, or undefined when it has none we can read. */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Holds the current bearer token: asks the provider again before expiry and once after a 401;
 * for built-in accounts, trades the refresh token for a new session.
 */
export class Session {
  #token: string | undefined;
  #expires = 0;
  #refreshToken: string | undefined;
  #pending: Promise<string | undefined> | undefined;

  constructor(
    private readonly source: TokenSource | undefined,
    private readonly refresh: (refreshToken: string) => Promise<AuthSession | undefined>,
    private readonly onUser: (user: User | null) => void,
  ) {}

  /** Adopts a built-in session from register, login or refresh. */
  adopt(session: AuthSession): void {
    this.#token = session.accessToken;
    this.#expires = Date.parse(session.expiresAt);
    this.#refreshToken = session.refreshToken;
    this.onUser(session.user);
  }

  /** Forgets everything; returns the refresh token to revoke. */
  clear(): string | undefined {
    const refreshToken = this.#refreshToken;
    this.#token = this.#refreshToken = undefined;
    this.#expires = 0;
    this.onUser(null);
    return refreshToken;
  }

  /** A token valid for a while yet, renewing it first when it is about to expire. */
  token(): Promise<string | undefined> {
    if (this.#token && Date.now() < this.#expires - EARLY_MS) return Promise.resolve(this.#token);
    return this.renew();
  }

  /** Gets a new token (after a 401, or near expiry); one renewal at a time. */
  renew(): Promise<string | undefined> {
    // Deferred a tick so `#pending` is set before the renewal's own requests ask for a token.
    this.#pending ??= Promise.resolve()
      .then(() => this.#fetch())
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }

  async #fetch(): Promise<string | undefined> {
    if (typeof this.source === 'string') {
      this.#token = this.source;
    } else if (this.source) {
      this.#token = await this.source();
    } else if (this.#refreshToken) {
      const session = await this.refresh(this.#refreshToken);
      if (session) this.adopt(session);
      else this.clear();
      return this.#token;
    }
    this.#expires = (this.#token && expiryOf(this.#token)) || Number.POSITIVE_INFINITY;
    return this.#token;
  }
}
