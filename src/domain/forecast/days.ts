import { TZDate } from '@date-fns/tz';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day number: the count of calendar days from 1970-01-01 to a date on the site's calendar. It is a date, not an
 * instant, so the difference of two day numbers is their calendar-day difference whatever DST did in between.
 */
export type DayNumber = number;

/** The day number of a calendar date (YYYY-MM-DD). */
export function dayOfIsoDate(date: string): DayNumber {
  const match = ISO_DATE.exec(date);
  const day = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS
    : Number.NaN;
  if (!Number.isInteger(day) || isoDate(day) !== date) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${date}"`);
  }
  return day;
}

/** The calendar date (YYYY-MM-DD) of a day number. */
export function isoDate(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: DayNumber): number {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday starting the ISO week that holds `day`. */
export function weekStart(day: DayNumber): DayNumber {
  return day - (isoWeekday(day) - 1);
}

/** Milliseconds since the epoch of an ISO 8601 instant; a clear error naming `what` when it is not one. */
export function parseInstant(instant: string, what: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not a date and time: "${instant}"`);
  return ms;
}

/** Where each day starts, per time zone: the same for every board and every call, so it is kept (a few KB a zone). */
const dayStartsByZone = new Map<string, Map<DayNumber, number>>();

/**
 * The site's calendar: which day an instant falls on in its time zone, and which days are working days. The time
 * zone arithmetic is @date-fns/tz's; this only remembers where each day starts, so thousands of instants cost a
 * few map look-ups each instead of a time-zone conversion each.
 */
export class SiteCalendar {
  private readonly starts: Map<DayNumber, number>;
  private readonly working: ReadonlySet<number>;

  constructor(
    readonly timeZone: string,
    workingDays: readonly number[],
  ) {
    for (const weekday of workingDays) {
      if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
        throw new RangeError(`Working days are ISO weekdays 1 (Monday) to 7 (Sunday), got ${weekday}`);
      }
    }
    this.working = new Set(workingDays);
    let starts = dayStartsByZone.get(timeZone);
    if (!starts) {
      starts = new Map();
      if (Number.isNaN(new TZDate(1970, 0, 1, timeZone).getTime())) {
        throw new RangeError(`Unknown time zone: "${timeZone}"`);
      }
      dayStartsByZone.set(timeZone, starts);
    }
    this.starts = starts;
  }

  /** The first instant (ms) of a day in the site's time zone; midnight, or later when DST skips midnight. */
  startOf(day: DayNumber): number {
    let start = this.starts.get(day);
    if (start === undefined) {
      const date = new Date(day * DAY_MS);
      start = new TZDate(
        date.getUTCFullYear(),
        date.getUTCMonth(),
        date.getUTCDate(),
        this.timeZone,
      ).getTime();
      this.starts.set(day, start);
    }
    return start;
  }

  /** The day an instant (ms) falls on in the site's time zone. */
  dayOf(instant: number): DayNumber {
    // A zone's offset is under a day, so the local date is the UTC date or one of its neighbours.
    const utcDay = Math.floor(instant / DAY_MS);
    for (const day of [utcDay, utcDay - 1, utcDay + 1]) {
      if (this.startOf(day) <= instant && instant < this.startOf(day + 1)) return day;
    }
    throw new RangeError(`No day in ${this.timeZone} holds the instant ${new Date(instant).toISOString()}`);
  }

  isWorkingDay(day: DayNumber): boolean {
    return this.working.has(isoWeekday(day));
  }
}

/**
 * The history window a forecast "as of" a calendar day learns from: the `days` calendar days before it, from the
 * start of the first to the start of that day in the site's time zone (so nothing of the day itself is known).
 */
export function windowBefore(timeZone: string, asOfDate: string, days: number): { from: string; to: string } {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`History days must be a positive whole number, got ${days}`);
  }
  const calendar = new SiteCalendar(timeZone, []);
  const asOf = dayOfIsoDate(asOfDate);
  return {
    from: new Date(calendar.startOf(asOf - days)).toISOString(),
    to: new Date(calendar.startOf(asOf)).toISOString(),
  };
}
