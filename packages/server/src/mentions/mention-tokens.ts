/** An `@` at a word boundary, then a username (the charset usernames allow: letters, digits, `_`, `.`, `-`). */
const TOKEN = /(?<![\p{L}\p{N}_])@([A-Za-z0-9][A-Za-z0-9_.-]*)/gu;

/** What the `@` tokens of a text ask for. */
export interface MentionTokens {
  /** Lower-cased candidate usernames, each once: a token, and the token without trailing `.` or `-`. */
  usernames: string[];
  /** Whether the text says `@channel`. */
  channel: boolean;
}

/** The `@username` and `@channel` tokens of a text, for the server to resolve against the channel's members. */
export function mentionTokens(text: string): MentionTokens {
  const usernames = new Set<string>();
  let channel = false;
  for (const [, token] of text.matchAll(TOKEN)) {
    const name = token!.toLowerCase();
    if (name === 'channel') channel = true;
    usernames.add(name);
    const trimmed = name.replace(/[.-]+$/, '');
    if (trimmed === 'channel') channel = true;
    if (trimmed) usernames.add(trimmed);
  }
  return { usernames: [...usernames], channel };
}
