// "Back at 9:00 AM", "Back tomorrow at 9:00 AM", "Back on Monday at 9:00 AM", in the visitor's locale and zone.
import type { Strings } from '../shared/strings.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When an away inbox is back, said relative to `now` on the visitor's own calendar. */
export function backText(nextOpen: Date, now: Date, strings: Strings): string {
  const time = new Intl.DateTimeFormat(strings.$locale, { hour: 'numeric', minute: '2-digit' }).format(nextOpen);
  const days = Math.round((startOfDay(nextOpen) - startOfDay(now)) / DAY_MS);
  if (days <= 0) return strings.backAt(time);
  if (days === 1) return strings.backTomorrow(time);
  // A week or more ahead, the weekday alone would name this week's day: add the date.
  const day = new Intl.DateTimeFormat(strings.$locale, days < 7 ? { weekday: 'long' } : { weekday: 'long', month: 'long', day: 'numeric' });
  return strings.backOn(day.format(nextOpen), time);
}

function startOfDay(date: Date): number {
  const day = new Date(date);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}
