import {
  dayOfIsoDate,
  isoDate,
  SiteCalendar,
  weekStart,
  windowBefore,
} from '../../../src/domain/forecast/days';

const dayIn = (calendar: SiteCalendar, instant: string) => isoDate(calendar.dayOf(Date.parse(instant)));

describe("the site's calendar", () => {
  it('puts an instant on its Berlin day on both sides of a DST change', () => {
    const berlin = new SiteCalendar('Europe/Berlin', [1, 2, 3, 4, 5]);
    expect(dayIn(berlin, '2026-03-29T21:59:59Z')).toBe('2026-03-29'); // 23:59:59 CEST
    expect(dayIn(berlin, '2026-03-29T22:00:00Z')).toBe('2026-03-30'); // midnight CEST
    expect(dayIn(berlin, '2026-10-25T22:30:00Z')).toBe('2026-10-25'); // 23:30 CET, after falling back
    expect(dayIn(berlin, '2026-10-24T22:30:00Z')).toBe('2026-10-25'); // 00:30 CEST
  });

  it('puts a late-evening UTC instant on the next day in Auckland', () => {
    const auckland = new SiteCalendar('Pacific/Auckland', [1, 2, 3, 4, 5]);
    expect(dayIn(auckland, '2026-03-10T10:59:59Z')).toBe('2026-03-10');
    expect(dayIn(auckland, '2026-03-10T11:00:00Z')).toBe('2026-03-11');
  });

  it('starts a day at 01:00 where DST skips midnight (Santiago)', () => {
    const santiago = new SiteCalendar('America/Santiago', [1, 2, 3, 4, 5]);
    const day = dayOfIsoDate('2026-09-06');
    expect(new Date(santiago.startOf(day)).toISOString()).toBe('2026-09-06T04:00:00.000Z'); // 01:00 at UTC−3
    expect(dayIn(santiago, '2026-09-06T03:59:59Z')).toBe('2026-09-05');
  });

  it('knows working days and ISO weeks', () => {
    const sundayToThursday = new SiteCalendar('Asia/Jerusalem', [7, 1, 2, 3, 4]);
    expect(sundayToThursday.isWorkingDay(dayOfIsoDate('2026-06-07'))).toBe(true); // Sunday
    expect(sundayToThursday.isWorkingDay(dayOfIsoDate('2026-06-05'))).toBe(false); // Friday
    expect(isoDate(weekStart(dayOfIsoDate('2026-06-07')))).toBe('2026-06-01');
  });

  it('rejects what is not a calendar date, a working day or a time zone', () => {
    expect(() => dayOfIsoDate('2026-02-30')).toThrow(/2026-02-30/);
    expect(() => new SiteCalendar('Europe/Berlin', [0])).toThrow(/ISO weekdays/);
    expect(() => new SiteCalendar('Europe/Berlln', [1])).toThrow(/Europe\/Berlln/);
  });

  it('gives a forecast as of a day the calendar days before it, up to its first instant in the site', () => {
    // 90 days before 1 June 2026 in Berlin: from 3 March (CET) to 1 June (CEST), midnight both times.
    expect(windowBefore('Europe/Berlin', '2026-06-01', 90)).toEqual({
      from: '2026-03-02T23:00:00.000Z',
      to: '2026-05-31T22:00:00.000Z',
    });
    expect(() => windowBefore('Europe/Berlin', '2026-06-01', 0)).toThrow(/positive whole number/);
  });
});
