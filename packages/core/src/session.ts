import type { AuthSession, User } from '@confab/protocol';

/** Where bearer tokens come from: a host-app token (or provider), or a built-in session. */
export type TokenSource = string | (() => Promise<string>);

/** Web Storage, or anything with its three methods: where a built-in session can be remembered. */
export type SessionMemory = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The page's localStorage, when it may use one (sandboxed frames and some privacy modes may not). */
export function pageStorage(): SessionMemory | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The remembered part of a built-in session: whose it is, and the refresh token to renew it. */
interface Remembered {
  userId: string;
  refreshToken: string;
}

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
 * for built-in accounts, trades the refresh token for a new session, and with a `memory` keeps that
 * refresh token there so that another page load (or another tab) carries on with the session.
 */
export class Session {
  #token: string | undefined;
  #expires = 0;
  #userId: string | undefined;
  #refreshToken: string | undefined;
  #pending: Promise<string | undefined> | undefined;

  constructor(
    private readonly source: TokenSource | undefined,
    private readonly refresh: (refreshToken: string) => Promise<AuthSession | undefined>,
    private readonly onUser: (user: User | null) => void,
    private readonly memory?: { store: SessionMemory; key: string },
  ) {}

  /** Adopts a built-in session from register, login or refresh. */
  adopt(session: AuthSession): void {
    this.#token = session.accessToken;
    this.#expires = Date.parse(session.expiresAt);
    this.#userId = session.user.id;
    this.#refreshToken = session.refreshToken;
    try {
      this.memory?.store.setItem(
        this.memory.key,
        JSON.stringify({ userId: session.user.id, refreshToken: session.refreshToken } satisfies Remembered),
      );
    } catch {
      // Storage full or refused: the session goes on, it just will not outlive this page.
    }
    this.onUser(session.user);
  }

  /** Forgets everything, the remembered session too; returns the refresh token to revoke. */
  clear(): string | undefined {
    const refreshToken = this.#remembered()?.refreshToken ?? this.#refreshToken;
    if (this.memory && this.#remembered()) this.memory.store.removeItem(this.memory.key);
    this.#token = this.#refreshToken = this.#userId = undefined;
    this.#expires = 0;
    this.onUser(null);
    return refreshToken;
  }

  /** Renews a remembered built-in session; resolves whether there was one that still works. */
  async resume(): Promise<boolean> {
    if (!this.#token && !this.#refreshToken) this.#refreshToken = this.#remembered()?.refreshToken;
    return !!(await this.token());
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
      const session = await this.#renewBuiltIn();
      if (session) this.adopt(session);
      else this.clear();
      return this.#token;
    }
    this.#expires = (this.#token && expiryOf(this.#token)) || Number.POSITIVE_INFINITY;
    return this.#token;
  }

  /**
   * Trades the refresh token for a new session. Tabs sharing the memory take turns (Web Locks, where
   * there are any), and each uses the newest token remembered, since another tab may have rotated it.
   */
  async #renewBuiltIn(): Promise<AuthSession | undefined> {
    const attempt = async () => {
      const used = this.#remembered()?.refreshToken ?? this.#refreshToken;
      const session = used ? await this.refresh(used) : undefined;
      const newer = this.#remembered()?.refreshToken; // rotated meanwhile by a tab that did not wait its turn
      return session ?? (newer && newer !== used ? await this.refresh(newer) : undefined);
    };
    const locks = this.memory && globalThis.navigator?.locks;
    return locks ? await locks.request(`confab-session ${this.memory!.key}`, attempt) : attempt();
  }

  /** The remembered session, if it is this user's (or any, before anyone signed in). */
  #remembered(): Remembered | undefined {
    const raw = this.memory?.store.getItem(this.memory.key);
    if (!raw) return undefined;
    try {
      const remembered = JSON.parse(raw) as Partial<Remembered>;
      if (typeof remembered.userId !== 'string' || typeof remembered.refreshToken !== 'string') return undefined;
      if (this.#userId && remembered.userId !== this.#userId) return undefined;
      return { userId: remembered.userId, refreshToken: remembered.refreshToken };
    } catch {
      return undefined;
    }
  }
}
