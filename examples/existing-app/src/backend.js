// Calls to Tasklane's own backend (same origin, session cookie).

async function call(method, path, body) {
  const reply = await fetch(path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body && JSON.stringify(body),
  });
  const data = reply.status === 204 ? undefined : await reply.json();
  return { ok: reply.ok, status: reply.status, data };
}

/** The signed-in session (`{user, chat: {url}}`), or null. */
export async function currentSession() {
  const { ok, status, data } = await call('GET', '/api/session');
  if (!ok) throw new Error(`The session could not be read (${status}).`);
  return data;
}

/** Signs in; resolves with the session, or rejects with the backend's message. */
export async function signIn(username, password) {
  const { ok, data } = await call('POST', '/api/session', { username, password });
  if (!ok) throw new Error(data?.error ?? 'Could not sign in.');
  return data;
}

export async function signOut() {
  await call('DELETE', '/api/session');
}

/** A fresh Confab host-app token for the signed-in user, minted by the backend. */
export async function chatToken() {
  const { ok, status, data } = await call('POST', '/api/chat-token');
  if (!ok) throw new Error(`No chat token (${status}): ${data?.error ?? ''}`);
  return data.token;
}
