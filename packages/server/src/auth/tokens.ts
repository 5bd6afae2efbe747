import { createHash, randomUUID } from 'node:crypto';
import { checkSchema, type Scope } from '@confab/protocol';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  type JWTPayload,
  errors as joseErrors,
  jwtVerify,
  SignJWT,
} from 'jose';
import { ChatError } from '../errors.js';

export const ALL_SCOPES: Scope[] = ['chat:read', 'chat:write'];
const ISSUER = 'confab';
/** What a host may sign its tokens with when it publishes its keys (JWKS). */
const PUBLISHED_KEY_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** Who a bearer token speaks for. */
export type TokenSubject =
  | { kind: 'user'; userId: string; scopes: Scope[]; epoch: number }
  | { kind: 'host'; externalId: string; name: string; picture?: string; scopes: Scope[]; admin: boolean };

/** The longest lifetime a host-app token may have unless configured otherwise: a day. */
const DEFAULT_HOST_TOKEN_MAX_TTL = 24 * 3600;

/**
 * Signs and reads the JWTs of one deployment: HS256 with the shared secret, and host-app tokens signed
 * with the keys a host publishes at a JWKS URL, when one is configured. Host-app tokens must expire
 * (`exp`) within `hostTokenMaxTtlSeconds` of being issued.
 */
export class TokenSigner {
  readonly #key: Uint8Array;
  readonly #hostKeys: ReturnType<typeof createRemoteJWKSet> | undefined;
  readonly #hostTokenMaxTtl: number;

  constructor(secret: string, jwksUrl?: string, hostTokenMaxTtlSeconds = DEFAULT_HOST_TOKEN_MAX_TTL) {
    this.#key = new TextEncoder().encode(secret);
    this.#hostKeys = jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : undefined;
    this.#hostTokenMaxTtl = hostTokenMaxTtlSeconds;
  }

  /**
   * A Confab access token for a user; each one is distinct (`jti`), even within one second. `epoch` is the
   * user's token epoch: signing out everywhere moves it on, and tokens of an older epoch are refused.
   */
  async accessToken(
    userId: string,
    scopes: Scope[],
    ttlSeconds: number,
    epoch: number,
  ): Promise<{ token: string; expiresAt: string }> {
    const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
    const token = await new SignJWT({ scope: scopes.join(' '), ep: epoch })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(userId)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(this.#key);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** A host-app token, as the embedding site's backend would mint it (`confab-server token`). */
  hostToken(externalId: string, name: string, scopes: Scope[], ttlSeconds: number): Promise<string> {
    return new SignJWT({ name, scope: scopes.join(' ') })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(externalId)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.#key);
  }

  /** Reads any bearer token this deployment accepts; throws `unauthorized` or `token_expired`. */
  async verify(token: string): Promise<TokenSubject> {
    if (this.#hostKeys && algorithmOf(token) !== 'HS256') return this.#verifyPublished(token, this.#hostKeys);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.#key, { algorithms: ['HS256'] }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new ChatError('token_expired', 'The token has expired.');
      throw new ChatError('unauthorized', 'The bearer token is not valid.');
    }
    if (payload.iss !== ISSUER) return this.#hostSubject(payload);
    const subject = subjectOf(payload);
    const epoch = typeof payload.ep === 'number' ? payload.ep : 0;
    return { kind: 'user', userId: subject.externalId, scopes: subject.scopes, epoch };
  }

  /** A host-app token signed with a published key: always a host user, whatever its `iss` says. */
  async #verifyPublished(token: string, keys: ReturnType<typeof createRemoteJWKSet>): Promise<TokenSubject> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { algorithms: PUBLISHED_KEY_ALGORITHMS }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new ChatError('token_expired', 'The token has expired.');
      if (!(error instanceof joseErrors.JOSEError) || error instanceof joseErrors.JWKSTimeout)
        throw new ChatError('unavailable', "The host's signing keys (JWKS) could not be fetched.");
      throw new ChatError('unauthorized', 'The bearer token is not valid.');
    }
    return this.#hostSubject(payload);
  }

  /** The host user of a verified host-app token, once its lifetime is checked: `exp` is required and bounded. */
  #hostSubject(payload: JWTPayload): Extract<TokenSubject, { kind: 'host' }> {
    if (typeof payload.exp !== 'number')
      throw new ChatError('unauthorized', 'A host-app token must carry `exp` (when it expires).');
    const now = Math.floor(Date.now() / 1000);
    const issued = typeof payload.iat === 'number' ? Math.min(payload.iat, now) : now;
    if (payload.exp - issued > this.#hostTokenMaxTtl)
      throw new ChatError(
        'unauthorized',
        `A host-app token may live at most ${this.#hostTokenMaxTtl} s from \`iat\`; this one lives ${payload.exp - issued} s.`,
      );
    return subjectOf(payload);
  }
}

function algorithmOf(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).alg;
  } catch {
    return undefined;
  }
}

/** The host user a verified token names (`sub`, `name`, `picture`) with its scopes; `confab_admin: true` makes them an administrator. */
function subjectOf(payload: JWTPayload): Extract<TokenSubject, { kind: 'host' }> {
  if (typeof payload.sub !== 'string' || payload.sub === '' || payload.sub.length > 200) {
    throw new ChatError('unauthorized', 'The token has no subject.');
  }
  const scopes = parseScopes(payload.scope);
  const name = typeof payload.name === 'string' && payload.name.trim() ? payload.name.trim().slice(0, 64) : payload.sub;
  const picture = avatarUrl(payload.picture);
  const admin = payload.confab_admin === true;
  return { kind: 'host', externalId: payload.sub, name, ...(picture ? { picture } : {}), scopes, admin };
}

/**
 * The `picture` claim as an avatar URL when it is one the contract accepts (`HttpUrl`: an absolute `http:` or
 * `https:` URL of at most 2,048 characters); anything else is ignored rather than refusing the token.
 */
function avatarUrl(claim: unknown): string | undefined {
  return typeof claim === 'string' && checkSchema('HttpUrl', claim).ok ? claim : undefined;
}

function parseScopes(claim: unknown): Scope[] {
  if (typeof claim !== 'string') return [...ALL_SCOPES];
  const wanted = new Set(claim.split(/\s+/));
  return ALL_SCOPES.filter((s) => wanted.has(s));
}

/** Refresh tokens and tickets are stored only as hashes. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
