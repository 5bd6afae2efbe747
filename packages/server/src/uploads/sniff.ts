/** The MP4 brands (`ftyp` major brand) read as `video/mp4`; HEIC, AVIF, QuickTime and audio-only brands are not. */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'mmp4', 'M4V ']);

/** How an HTML document may begin (the WHATWG MIME Sniffing patterns), after leading whitespace. */
const HTML_STARTS = [
  '<!doctype html',
  '<html',
  '<head',
  '<script',
  '<iframe',
  '<h1',
  '<div',
  '<font',
  '<table',
  '<a',
  '<style',
  '<title',
  '<b',
  '<body',
  '<br',
  '<p',
  '<!--',
];

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The markup type of a text that is HTML, SVG or XML, judged by how it begins. */
function markup(text: string): string | undefined {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 64)
    .toLowerCase();
  if (head.startsWith('<svg')) return 'image/svg+xml';
  if (head.startsWith('<?xml')) return /<svg[\s>]/i.test(text.slice(0, 4096)) ? 'image/svg+xml' : 'application/xml';
  const tag = HTML_STARTS.find((start) => head.startsWith(start));
  if (!tag) return undefined;
  const next = head.charAt(tag.length);
  return tag === '<!--' || next === '' || next === ' ' || next === '>' || /\s/.test(next) ? 'text/html' : undefined;
}

/** Whether `bytes` are UTF-8 text with no control characters but tab, line feed and carriage return. */
function plainText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text) ? undefined : text;
}

/**
 * The type of a file, read from its bytes (magic numbers), never from a name or a claimed type: PNG, JPEG,
 * GIF, WebP, PDF, MP4, WebM, plain text — and HTML, SVG and XML, recognised so that they can be refused or
 * served as attachments. Undefined when it is none of these.
 */
export function sniffType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'image/gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    return MP4_BRANDS.has(ascii(bytes, 8, 12)) ? 'video/mp4' : undefined;
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: WebM and Matroska differ in the DocType element (0x4282) of the header.
    return /\x42\x82.webm/s.test(ascii(bytes, 4, Math.min(bytes.length, 64))) ? 'video/webm' : undefined;
  }
  if (bytes.length === 0) return undefined;
  const text = plainText(bytes);
  if (text === undefined) return undefined;
  return markup(text) ?? 'text/plain';
}
