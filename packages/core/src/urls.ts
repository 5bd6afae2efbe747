/**
 * A `JSON.parse` reviver that makes content links absolute as replies and frames are read: every `url` in the
 * contract is an absolute `http(s)` URL, kept as it is, or an upload's signed link relative to the server,
 * resolved against `base` (the server's URL with a trailing slash) as a browser resolves a link.
 */
export const linkReviver =
  (base: string) =>
  (key: string, value: unknown): unknown =>
    key === 'url' && typeof value === 'string' && !/^https?:/i.test(value) ? new URL(value, base).href : value;

/** What `JSON.parse` takes as its reviver. */
export type Reviver = ReturnType<typeof linkReviver>;
