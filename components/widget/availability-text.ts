// "Back at 9:00 AM", "Back tomorrow at 9:00 AM", "Back on Monday at 9:00 AM", in the visitor's locale and zone.
import { daysBetween, formatTime } from '../shared/format.js';
import type { Strings } from '../shared/strings.js';

/** When an away inbox is back, said relative to `now` on the visitor's own calendar. */
export function backText(nextOpen: Date, now: Date, strings: Strings): string {
  const time = formatTime(nextOpen, strings);
  const days = daysBetween(now, nextOpen);
  if (days <= 0) return strings.backAt(time);
  if (days === 1) return strings.backTomorrow(time);
  // A week or more ahead, the weekday alone would name this week's day: add the date.
  const day = new Intl.DateTimeFormat(strings.$locale, days < 7 ? { weekday: 'long' } : { weekday: 'long', month: 'long', day: 'numeric' });
  return strings.backOn(day.format(nextOpen), time);
}
