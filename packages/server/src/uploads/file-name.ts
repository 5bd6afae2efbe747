/** Control characters (C0, DEL, C1) and the Unicode controls that reorder or hide text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** A client's file name made safe to store and show: no path, no control characters, at most 255 characters. */
export function safeFileName(given: string | undefined, fallback: string): string {
  const base = (given ?? '').split(/[\\/]/).pop() ?? '';
  const clean = Array.from(base.replace(UNSAFE, '').trim()).slice(0, 255).join('');
  return clean === '' || clean === '.' || clean === '..' ? fallback : clean;
}

/** A `Content-Disposition` value (RFC 6266): an ASCII `filename` fallback and the exact name in `filename*`. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7E]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
