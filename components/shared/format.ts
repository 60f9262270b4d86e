// Dates and times through Intl, in the strings' locale, on the visitor's own calendar.
import type { Strings } from './strings.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The time of day, e.g. "9:05 AM", with the formatter kept per locale: building an Intl.DateTimeFormat costs
 * about 50 µs, too much once per message in a long history.
 */
export function formatTime(time: number | Date, strings: Strings): string {
  let format = timeFormats.get(strings.$locale);
  if (!format) {
    format = new Intl.DateTimeFormat(strings.$locale, { hour: 'numeric', minute: '2-digit' });
    timeFormats.set(strings.$locale, format);
  }
  return format.format(time);
}

/** Calendar days from `from` to `to` (rounded: a day of a DST change is 23 or 25 hours). */
export function daysBetween(from: number | Date, to: number | Date): number {
  return Math.round((dayKey(to) - dayKey(from)) / DAY_MS);
}

/** "Today", "Yesterday", or the date, for a date separator. */
export function formatDay(epochSeconds: number, strings: Strings, now = Date.now()): string {
  const time = epochSeconds * 1000;
  const days = daysBetween(time, now);
  if (!days) return strings.today;
  if (days === 1) return strings.yesterday;
  const sameYear = new Date(time).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(strings.$locale, { weekday: 'long', month: 'long', day: 'numeric', year: sameYear ? undefined : 'numeric' }).format(time);
}

/** The start of the local day of a time: equal for two times on the same day. */
export function dayKey(time: number | Date): number {
  return new Date(time).setHours(0, 0, 0, 0);
}
