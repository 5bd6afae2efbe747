/** The short names `CONFAB_UPLOAD_TYPES` accepts, and the type each stands for. */
const shortNames: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  text: 'text/plain',
  txt: 'text/plain',
  mp4: 'video/mp4',
  webm: 'video/webm',
  svg: 'image/svg+xml',
  html: 'text/html',
};

/** The types uploads may have unless the deployment says otherwise. */
export const DEFAULT_UPLOAD_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'video/mp4',
  'video/webm',
];

/** Types a browser shows without running anything: served `inline`; everything else is an `attachment`. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'video/mp4', 'video/webm']);

/** Raster images whose width and height are read from the file. */
export const RASTER_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Whether an upload of this type may be shown in the page (`Content-Disposition: inline`). */
export const servedInline = (contentType: string): boolean => INLINE_TYPES.has(contentType);

/**
 * Parses an allow-list of upload types: short names (`png`, `pdf`, `text`…) or MIME types, comma-separated.
 * Throws on a name it does not know.
 */
export function parseUploadTypes(value: string): string[] {
  const types = value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)
    .map((item) => {
      const type = shortNames[item] ?? item;
      if (!/^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/.test(type))
        throw new Error(`CONFAB_UPLOAD_TYPES: "${item}" is neither a MIME type nor one of ${Object.keys(shortNames)}`);
      return type;
    });
  return [...new Set(types)];
}
