// Cookie sessions kept in memory: a restart signs everyone out, which is fine for a demo.
import { randomBytes } from 'node:crypto';

const COOKIE = 'tasklane_session';
const MAX_AGE_SECONDS = 8 * 3600;

/** The app's sessions: an opaque id in an HttpOnly cookie → the signed-in user's id. */
export class Sessions {
  #byId = new Map();

  /** The session of a request, or undefined. */
  get(request) {
    const id = cookieOf(request, COOKIE);
    const session = id && this.#byId.get(id);
    if (!session) return undefined;
    if (session.expires < Date.now()) {
      this.#byId.delete(id);
      return undefined;
    }
    return session;
  }

  /** Starts a session for `userId`; `cookie` is the `Set-Cookie` header value that carries it. */
  start(userId) {
    const id = randomBytes(32).toString('base64url');
    const session = { userId, expires: Date.now() + MAX_AGE_SECONDS * 1000, chatReady: false };
    this.#byId.set(id, session);
    return { session, cookie: `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${MAX_AGE_SECONDS}` };
  }

  /** Ends the request's session; returns the `Set-Cookie` header value that clears the cookie. */
  end(request) {
    const id = cookieOf(request, COOKIE);
    if (id) this.#byId.delete(id);
    return `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  }
}

function cookieOf(request, name) {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
