// Dates and times through Intl, in the strings' locale.
import type { Strings } from './strings.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Today", "Yesterday", or the date, for a date separator. */
export function formatDay(epochSeconds: number, strings: Strings, now = Date.now()): string {
  const day = startOfDay(epochSeconds * 1000);
  const today = startOfDay(now);
  if (day === today) return strings.today;
  if (Math.round((today - day) / DAY_MS) === 1) return strings.yesterday; // rounded: a day of a DST change is 23 or 25 hours
  const sameYear = new Date(day).getFullYear() === new Date(today).getFullYear();
  return new Intl.DateTimeFormat(strings.$locale, { weekday: 'long', month: 'long', day: 'numeric', year: sameYear ? undefined : 'numeric' }).format(day);
}

/** A key that is equal for two times on the same local day. */
export function dayKey(epochSeconds: number): number {
  return startOfDay(epochSeconds * 1000);
}

function startOfDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}
