const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size for people, in the reader's locale: "820 byte", "12.5 kB", "3.1 MB". */
export function fileSize(bytes: number, locale: string | undefined): string {
  let i = 0;
  let n = bytes;
  while (n >= 1000 && i < UNITS.length - 1) {
    n /= 1000;
    i++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[i],
    unitDisplay: i ? 'short' : 'long',
    maximumFractionDigits: n < 10 && i ? 1 : 0,
  }).format(n);
}
