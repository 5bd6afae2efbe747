const HOUR = 3_600_000;

/** The moments a ban or a mute can last, from now. */
export const DURATIONS = { hour: HOUR, day: 24 * HOUR, week: 7 * 24 * HOUR } as const;

/** A moment to come, briefly: the time alone today ("14:30"), with the date otherwise. */
export function untilTime(iso: string, locale: string | undefined, now = Date.now()): string {
  const at = Date.parse(iso);
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(
    locale,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(at);
}

/** Whether a mute (or ban) given as `until` is in force at `now`. */
export const inForce = (until: string | null | undefined, now = Date.now()): until is string =>
  typeof until === 'string' && Date.parse(until) > now;
