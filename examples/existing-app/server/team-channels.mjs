// The app decides which Confab channels its users are in: every user joins the team's public channels.

/**
 * Makes the token's user a member of each channel named in `names` (public channels, created when missing).
 * Joining twice is harmless, so this runs on every sign-in.
 * @param {string} confabUrl e.g. `http://127.0.0.1:8787`
 * @param {string} token the user's host-app token
 * @param {string[]} names e.g. `['general', 'random']`
 */
export async function joinTeamChannels(confabUrl, token, names) {
  const call = async (method, path, body) => {
    const reply = await fetch(`${confabUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
      body: body && JSON.stringify(body),
    });
    const data = await reply.json().catch(() => ({}));
    if (!reply.ok && !(reply.status === 409 && data.code === 'name_taken'))
      throw new Error(`Confab ${method} ${path}: ${reply.status} ${data.code ?? ''}`);
    return { status: reply.status, data };
  };
  const publicChannels = async () => {
    const all = [];
    let cursor = '';
    do {
      const { data } = await call('GET', `/channels?scope=public&limit=100${cursor && `&cursor=${cursor}`}`);
      all.push(...data.items);
      cursor = data.nextCursor ?? '';
    } while (cursor);
    return all;
  };
  const byName = (channels, name) => channels.find((c) => c.name.toLowerCase() === name.toLowerCase());

  const existing = await publicChannels();
  for (const name of names) {
    const channel = byName(existing, name);
    if (channel) {
      await call('PUT', `/channels/${channel.id}/members/me`);
      continue;
    }
    const created = await call('POST', '/channels', { name, visibility: 'public' });
    if (created.status === 409) {
      // Someone created it a moment ago: join theirs.
      const theirs = byName(await publicChannels(), name);
      if (theirs) await call('PUT', `/channels/${theirs.id}/members/me`);
    }
  }
}
