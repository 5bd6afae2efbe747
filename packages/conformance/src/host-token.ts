import { createHmac } from 'node:crypto';
import type { Scope } from '@confab/protocol';

/** The claims of a host-app token (see `bearerAuth` in confab.yaml). */
export interface HostTokenClaims {
  /** The embedding site's user id. */
  sub: string;
  /** The display name. */
  name: string;
  /** The avatar's URL (any string: the server keeps only absolute http(s) URLs). */
  picture?: string;
  /** Absent: the default, `chat:read chat:write`. */
  scopes?: Scope[];
  /** Seconds since the epoch; one hour from now when absent; `null` leaves it out (servers must refuse that). */
  exp?: number | null;
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** Signs a host-app token as an embedding site's backend would: a JWT, HS256, with the deployment's secret. */
export function signHostToken(secret: string, claims: HostTokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const exp = claims.exp === undefined ? now + 3600 : claims.exp;
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({
      sub: claims.sub,
      name: claims.name,
      ...(claims.picture === undefined ? {} : { picture: claims.picture }),
      ...(claims.scopes ? { scope: claims.scopes.join(' ') } : {}),
      iat: exp === null ? now : Math.min(exp - 60, now),
      ...(exp === null ? {} : { exp }),
    }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
