const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
];

/** "just now", "5 minutes ago" for the last day; a short date and time before that. */
export function formatTime(iso: string, locale: string | undefined, now = Date.now()): string {
  const then = Date.parse(iso);
  let delta = Math.round((then - now) / 1000);
  if (Math.abs(delta) < 24 * 3600) {
    if (Math.abs(delta) < 45) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second');
    for (const [unit, size] of UNITS) {
      if (Math.abs(delta) < size) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(delta, unit);
      delta = Math.round(delta / size);
    }
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(then);
}

/** The full date and time, for tooltips and `datetime` attributes. */
export const fullTime = (iso: string, locale: string | undefined) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }).format(Date.parse(iso));
