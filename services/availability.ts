// Whether an inbox is inside its working hours, and when it opens next, in the inbox's own time zone.
import type { PublicInbox, WorkingHour } from './types.js';

export interface Availability {
  online: boolean;
  /** When the inbox next opens; absent while online, or when no day of the week is open. */
  nextOpen?: Date;
}

export type InboxHours = Pick<PublicInbox, 'working_hours' | 'working_hours_enabled' | 'timezone'>;

/** A wall clock's date and time as numbers: `year`, `month`, `day`, `hour`, `minute`. */
type WallClock = Record<string, number>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Whether `inbox` is open at `now`, and if not, when it next opens. Working hours off means always open.
 * `timezone` is an IANA zone; a name Intl does not know (such as a Rails-only name) counts as UTC.
 */
export function availability(inbox: InboxHours, now: Date): Availability {
  if (!inbox.working_hours_enabled) return { online: true };
  const zone = inbox.timezone;
  const local = wallClock(now.getTime(), zone);
  const minutes = local.hour * 60 + local.minute;
  // Chatwoot's day_of_week: 0 = Sunday … 6 = Saturday
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  for (let offset = 0; offset <= 7; offset++) {
    const hours = inbox.working_hours.find((item) => item.day_of_week === (weekday + offset) % 7);
    const span = openSpan(hours);
    if (!span) continue;
    const [opens, closes] = span;
    if (offset === 0 && minutes >= opens) {
      if (minutes < closes) return { online: true };
      continue;
    }
    return { online: false, nextOpen: fromWallClock(local.year, local.month, local.day + offset, opens, zone) };
  }
  return { online: false };
}

/** Opening and closing minute; none for a day without a usable span (as Chatwoot, such a day is closed). */
function openSpan(hours: WorkingHour | undefined): [number, number] | undefined {
  if (!hours || hours.closed_all_day) return undefined;
  if (hours.open_all_day) return [0, 24 * 60];
  if (hours.open_hour === null || hours.close_hour === null) return undefined;
  const opens = hours.open_hour * 60 + (hours.open_minutes ?? 0);
  const closes = hours.close_hour * 60 + (hours.close_minutes ?? 0);
  return closes > opens ? [opens, closes] : undefined;
}

/** The date and time a wall clock in `zone` shows at `time` (epoch ms). */
function wallClock(time: number, zone: string): WallClock {
  let format = formatters.get(zone);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
    };
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone || 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters.set(zone, format);
  }
  return Object.fromEntries(format.formatToParts(time).map(({ type, value }) => [type, Number(value)]));
}

/** How far `zone`'s wall clock is ahead of UTC at `time`, in ms. */
function zoneOffset(time: number, zone: string): number {
  const local = wallClock(time, zone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return asUtc - Math.floor(time / 60_000) * 60_000;
}

/** The instant a wall clock in `zone` shows that date and minute (`day` may overflow into the next month). */
function fromWallClock(year: number, month: number, day: number, minutes: number, zone: string): Date {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const first = guess - zoneOffset(guess, zone);
  // A daylight-saving change between the guess and the answer moves the offset once more.
  return new Date(guess - zoneOffset(first, zone));
}
