import { expect } from '@open-wc/testing';
import { availability, type InboxHours } from '../../services/availability.js';
import type { WorkingHour } from '../../services/types.js';

/** Chatwoot's default week: Monday to Friday 09:00–17:00, the weekend closed. */
function week(changes: Partial<Record<number, Partial<WorkingHour>>> = {}): WorkingHour[] {
  return Array.from({ length: 7 }, (_, day) => {
    const weekend = day === 0 || day === 6;
    return {
      day_of_week: day, closed_all_day: weekend, open_all_day: false,
      open_hour: weekend ? null : 9, open_minutes: weekend ? null : 0,
      close_hour: weekend ? null : 17, close_minutes: weekend ? null : 0,
      ...changes[day],
    };
  });
}

function inbox(options: Partial<InboxHours> = {}): InboxHours {
  return { working_hours_enabled: true, timezone: 'UTC', working_hours: week(), ...options };
}

// 2025-01-06 is a Monday.
const at = (iso: string) => new Date(iso);

describe('availability()', () => {
  it('counts an inbox without working hours as online', () => {
    expect(availability(inbox({ working_hours_enabled: false }), at('2025-01-11T03:00:00Z'))).to.deep.equal({ online: true });
  });

  it('is online inside the opening hours', () => {
    expect(availability(inbox(), at('2025-01-06T10:00:00Z'))).to.deep.equal({ online: true });
  });

  it('is away in the evening and opens again the next morning', () => {
    const result = availability(inbox(), at('2025-01-06T18:30:00Z'));
    expect(result.online).to.equal(false);
    expect(result.nextOpen?.toISOString()).to.equal('2025-01-07T09:00:00.000Z');
  });

  it('opens later the same day when it is early in the morning', () => {
    expect(availability(inbox(), at('2025-01-06T07:30:00Z')).nextOpen?.toISOString()).to.equal('2025-01-06T09:00:00.000Z');
  });

  it('closes at the closing minute itself', () => {
    const result = availability(inbox(), at('2025-01-06T17:00:00Z'));
    expect(result.online).to.equal(false);
    expect(result.nextOpen?.toISOString()).to.equal('2025-01-07T09:00:00.000Z');
  });

  it('honours opening minutes', () => {
    const hours = inbox({ working_hours: week({ 1: { open_hour: 8, open_minutes: 30 } }) });
    expect(availability(hours, at('2025-01-06T08:29:00Z')).online).to.equal(false);
    expect(availability(hours, at('2025-01-06T08:30:00Z')).online).to.equal(true);
  });

  it('skips the weekend to Monday morning', () => {
    for (const now of ['2025-01-10T18:00:00Z', '2025-01-11T12:00:00Z', '2025-01-12T23:59:00Z']) {
      const result = availability(inbox(), at(now));
      expect(result.online, now).to.equal(false);
      expect(result.nextOpen?.toISOString(), now).to.equal('2025-01-13T09:00:00.000Z');
    }
  });

  it('is online all day on a day open all day, and that day opens at midnight', () => {
    const hours = inbox({ working_hours: week({ 6: { closed_all_day: false, open_all_day: true } }) });
    expect(availability(hours, at('2025-01-11T02:00:00Z')).online).to.equal(true);
    expect(availability(hours, at('2025-01-11T23:59:00Z')).online).to.equal(true);
    expect(availability(hours, at('2025-01-10T20:00:00Z')).nextOpen?.toISOString()).to.equal('2025-01-11T00:00:00.000Z');
  });

  it('is away all day on a day closed all day even within the usual hours', () => {
    const hours = inbox({ working_hours: week({ 1: { closed_all_day: true } }) });
    const result = availability(hours, at('2025-01-06T10:00:00Z'));
    expect(result.online).to.equal(false);
    expect(result.nextOpen?.toISOString()).to.equal('2025-01-07T09:00:00.000Z');
  });

  it('reads the hours in the inbox time zone, not in UTC', () => {
    const newYork = inbox({ timezone: 'America/New_York' });
    // 13:00 UTC is 08:00 in New York (EST, UTC−5): open in UTC, not yet in New York.
    expect(availability(inbox(), at('2025-01-06T13:00:00Z')).online).to.equal(true);
    const result = availability(newYork, at('2025-01-06T13:00:00Z'));
    expect(result.online).to.equal(false);
    expect(result.nextOpen?.toISOString()).to.equal('2025-01-06T14:00:00.000Z');
    // 21:30 UTC is 16:30 in New York: closed in UTC, still open there.
    expect(availability(newYork, at('2025-01-06T21:30:00Z')).online).to.equal(true);
  });

  it('uses the day of the week in the inbox time zone', () => {
    // Saturday 02:00 UTC is still Friday 21:00 in New York: closed, next open Monday 09:00 EST.
    const result = availability(inbox({ timezone: 'America/New_York' }), at('2025-01-11T02:00:00Z'));
    expect(result.nextOpen?.toISOString()).to.equal('2025-01-13T14:00:00.000Z');
  });

  it('lands on the right instant across a daylight-saving change', () => {
    // Friday 2025-03-07 evening in New York (EST); Monday 2025-03-10 is already EDT (UTC−4).
    const result = availability(inbox({ timezone: 'America/New_York' }), at('2025-03-07T23:00:00Z'));
    expect(result.nextOpen?.toISOString()).to.equal('2025-03-10T13:00:00.000Z');
  });

  it('treats a zone Intl does not know as UTC', () => {
    const result = availability(inbox({ timezone: 'Eastern Time (US & Canada)' }), at('2025-01-06T13:00:00Z'));
    expect(result).to.deep.equal({ online: true });
    expect(availability(inbox({ timezone: 'Not/AZone' }), at('2025-01-06T18:00:00Z')).nextOpen?.toISOString()).to.equal('2025-01-07T09:00:00.000Z');
  });

  it('has no next opening when every day is closed', () => {
    const closed = week(Object.fromEntries([1, 2, 3, 4, 5].map((day) => [day, { closed_all_day: true }])));
    expect(availability(inbox({ working_hours: closed }), at('2025-01-06T10:00:00Z'))).to.deep.equal({ online: false });
  });

  it('opens on the same weekday next week when that is the only open day and it is over', () => {
    const onlyMonday = week(Object.fromEntries([2, 3, 4, 5].map((day) => [day, { closed_all_day: true }])));
    const result = availability(inbox({ working_hours: onlyMonday }), at('2025-01-06T18:00:00Z'));
    expect(result.nextOpen?.toISOString()).to.equal('2025-01-13T09:00:00.000Z');
  });
});
