// Confab host-app tokens: an HS256 JWT signed with the Confab deployment's secret (CONFAB_JWT_SECRET).
import { createHmac } from 'node:crypto';

/** How long a token lives; the browser's Confab client asks for a new one before it expires. */
export const CHAT_TOKEN_TTL_SECONDS = 15 * 60;

const part = (json) => Buffer.from(JSON.stringify(json)).toString('base64url');

/**
 * A Confab host-app token for one of the app's users: `sub` is the app's user id, `name` the name shown in
 * the chat. No `iss`: Confab's own tokens carry `iss: "confab"`, and a host-app token must not.
 */
export function mintChatToken(user, secret, ttlSeconds = CHAT_TOKEN_TTL_SECONDS) {
  const now = Math.floor(Date.now() / 1000);
  const signed = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: user.id, name: user.name, iat: now, exp: now + ttlSeconds })}`;
  const signature = createHmac('sha256', secret).update(signed).digest('base64url');
  return { token: `${signed}.${signature}`, expiresAt: new Date((now + ttlSeconds) * 1000).toISOString() };
}
